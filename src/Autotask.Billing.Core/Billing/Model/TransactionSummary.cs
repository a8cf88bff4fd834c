using Autotask.Billing.Compact;

namespace Autotask.Billing;

/// <summary>
/// Seats in force for one Source × CustomerId × Sku on <see cref="AsOf"/> (BILLING-RULES §3), summed over the
/// customer's subscriptions of the SKU, with the lines it was computed from.
/// </summary>
public sealed class TransactionSummary
{
    // A month's compare holds a seat per customer × SKU: its customer is shared with the customer's other seats
    // (SeatCustomer), its lines are one field (ISeatLines), and optional values are stored
    // without Nullable's padding (PresentFields).
    private readonly SeatCustomer _customer = SeatCustomer.Unnamed;
    private readonly ISeatLines _lines = ExplicitSeatLines.None;
    private PresentFields _present;
    private decimal _unitPrice;
    private decimal _unitCost;
    private decimal _listUnitPrice;
    private DateTime _priceDate;
    private DateTime _changeDate;
    private DateTime _serviceStart;
    private DateTime _serviceEnd;
    private DateTime _subscriptionStart;

    public string Source { get; init; } = string.Empty;

    public string CustomerId { get; init; } = string.Empty;

    public string CustomerName
    {
        get => _customer.Name;
        init => _customer = _customer.WithName(value);
    }

    public string? CustomerDomain
    {
        get => _customer.Domain;
        init => _customer = _customer.WithDomain(value);
    }

    /// <summary>The customer's contact details from the latest line that has them (see <see cref="Transaction.CustomerPhone"/>).</summary>
    public string? CustomerPhone
    {
        get => _customer.Phone;
        init => _customer = _customer.WithPhone(value);
    }

    public string? CustomerAddress
    {
        get => _customer.Address;
        init => _customer = _customer.WithAddress(value);
    }

    public string? CustomerCity
    {
        get => _customer.City;
        init => _customer = _customer.WithCity(value);
    }

    public string? CustomerState
    {
        get => _customer.State;
        init => _customer = _customer.WithState(value);
    }

    public string? CustomerPostalCode
    {
        get => _customer.PostalCode;
        init => _customer = _customer.WithPostalCode(value);
    }

    public string Sku { get; init; } = string.Empty;

    public string ProductName { get; init; } = string.Empty;

    /// <summary>Seats in force on <see cref="AsOf"/>.</summary>
    public decimal Quantity { get; init; }

    /// <summary>
    /// Customer unit price per month of the latest full-period line in force (an annual price ÷ 12), when the source
    /// gives a customer price; prorated lines never set it.
    /// </summary>
    public decimal? UnitPrice
    {
        get => _present.Get(0, _unitPrice);
        init => _unitPrice = _present.Put(0, value);
    }

    /// <summary>Unit cost per month of the latest full-period line in force.</summary>
    public decimal? UnitCost
    {
        get => _present.Get(1, _unitCost);
        init => _unitCost = _present.Put(1, value);
    }

    /// <summary>The vendor's list price per unit per month of the latest full-period line in force, where the source has one.</summary>
    public decimal? ListUnitPrice
    {
        get => _present.Get(2, _listUnitPrice);
        init => _listUnitPrice = _present.Put(2, value);
    }

    /// <summary>The start of the service period of the line the prices come from: the vendor's price change (renewal) date.</summary>
    public DateTime? PriceDate
    {
        get => _present.Get(3, _priceDate);
        init => _priceDate = _present.Put(3, value);
    }

    public string Currency { get; init; } = string.Empty;

    public string BillingCycle { get; init; } = string.Empty;

    /// <summary>Every line of the SKU is a trial line: no billable seats (Quantity 0).</summary>
    public bool IsTrial { get; init; }

    /// <summary>When the quantity last changed (a prorated mid-period line dates the change), if known.</summary>
    public DateTime? ChangeDate
    {
        get => _present.Get(4, _changeDate);
        init => _changeDate = _present.Put(4, value);
    }

    /// <summary>Service period of the lines in force (earliest start, latest end).</summary>
    public DateTime? ServiceStart
    {
        get => _present.Get(5, _serviceStart);
        init => _serviceStart = _present.Put(5, value);
    }

    public DateTime? ServiceEnd
    {
        get => _present.Get(6, _serviceEnd);
        init => _serviceEnd = _present.Put(6, value);
    }

    /// <summary>The earliest start of the subscriptions in force (their term start, else their earliest service start): a contract carrying them must start by then.</summary>
    public DateTime? SubscriptionStart
    {
        get => _present.Get(7, _subscriptionStart);
        init => _subscriptionStart = _present.Put(7, value);
    }

    public IReadOnlyList<string> SubscriptionIds
    {
        get => _lines.SubscriptionIds;
        init => _lines = Explicit().WithSubscriptionIds(value);
    }

    /// <summary>The lines the quantity was computed from.</summary>
    public IReadOnlyList<TransactionReference> Provenance
    {
        get => _lines.Provenance;
        init => _lines = Explicit().WithProvenance(value);
    }

    /// <summary>Where the seat's subscription ids and provenance are: lists, or the buffer it was summed from.</summary>
    internal ISeatLines Lines
    {
        init => _lines = value;
    }

    /// <summary>The customer, shared with the customer's other seats (<see cref="SeatCustomer.Of"/>).</summary>
    internal SeatCustomer Customer
    {
        get => _customer;
        init => _customer = value;
    }

    public DateTime AsOf { get; init; }

    private ExplicitSeatLines Explicit() =>
        _lines as ExplicitSeatLines ?? throw new InvalidOperationException("A seat summed from a buffer reads its subscription ids and provenance from it.");

    public override string ToString() => $"{Source} {CustomerName} {Sku}: {Quantity} on {AsOf:yyyy-MM-dd}";
}
