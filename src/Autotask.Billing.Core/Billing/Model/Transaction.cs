namespace Autotask.Billing;

/// <summary>
/// One charge item of a vendor bill in canonical form (BILLING-RULES §1), whatever the source format.
/// Dates are calendar dates as the vendor wrote them: DateTime at midnight with Kind Utc, never shifted by a time zone.
/// </summary>
public sealed class Transaction
{
    /// <summary>The source system, e.g. PartnerCenter, Pax8, Intermedia, Generic or a profile's source name.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Unique within <see cref="Source"/>; the idempotency key for charges.</summary>
    public string TransactionId { get; init; } = string.Empty;

    /// <summary>The vendor's customer key (Partner Center: the customer's tenant id).</summary>
    public string CustomerId { get; init; } = string.Empty;

    public string CustomerName { get; init; } = string.Empty;

    /// <summary>Customer domain or tenant name when the source gives one.</summary>
    public string? CustomerDomain { get; init; }

    /// <summary>The customer's main phone when the source gives one; used when sync creates the company.</summary>
    public string? CustomerPhone
    {
        get => _contact?.Phone;
        init => ContactFor(value)?.Phone = value;
    }

    /// <summary>The customer's street address (first line) when the source gives one.</summary>
    public string? CustomerAddress
    {
        get => _contact?.Address;
        init => ContactFor(value)?.Address = value;
    }

    public string? CustomerCity
    {
        get => _contact?.City;
        init => ContactFor(value)?.City = value;
    }

    /// <summary>The customer's state or province.</summary>
    public string? CustomerState
    {
        get => _contact?.State;
        init => ContactFor(value)?.State = value;
    }

    public string? CustomerPostalCode
    {
        get => _contact?.PostalCode;
        init => ContactFor(value)?.PostalCode = value;
    }

    /// <summary>The vendor's part number (Partner Center: ProductId:SkuId).</summary>
    public string Sku { get; init; } = string.Empty;

    public string ProductName { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>How the line reaches Autotask: seats on a service (Recurring) or one contract charge (the others).</summary>
    public ChargeType ChargeType { get; init; }

    /// <summary>
    /// What the line means for the money (BILLING-RULES §1). Readers set it when the source says more; otherwise it
    /// follows from the other fields: a trial line is Trial; a credit is Credit; a one-time line with a negative
    /// amount is a Refund; a recurring line that is prorated or covers less than one period of its billing cycle is
    /// a ProratedAdjustment.
    /// </summary>
    public ChargeKind Kind
    {
        get => Has(Field.Kind) ? _kind : DeriveKind();
        init => _kind = Set(Field.Kind, (ChargeKind?)value);
    }

    /// <summary>The Kind a reader set, or null while Kind is derived: what TransactionBuffer keeps, so a held line reads back the same.</summary>
    internal ChargeKind? ExplicitKind
    {
        get => Has(Field.Kind) ? _kind : null;
        init => _kind = Set(Field.Kind, value);
    }

    /// <summary>A recurring line that covers one whole period of its billing cycle: the only line that sets a recurring price or cost.</summary>
    public bool IsFullPeriod => Kind == ChargeKind.Recurring;

    /// <summary>The source's own category code, e.g. Intermedia's MR/AL or Partner Center's charge type text.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>Units on the line. For seat lines it is the absolute seat count, never a delta.</summary>
    public decimal Quantity { get; init; }

    /// <summary>
    /// What the customer pays the MSP per unit for one billing cycle, in the billing currency, when the source gives a
    /// customer price (Pax8 price, a generic file's UnitPrice). Partner Center never does (BILLING-RULES §1.1).
    /// </summary>
    public decimal? UnitPrice
    {
        get => Has(Field.UnitPrice) ? _unitPrice : null;
        init => _unitPrice = Set(Field.UnitPrice, value);
    }

    /// <summary>What the MSP pays the vendor per unit for one billing cycle, in the billing currency, when the source gives it.</summary>
    public decimal? UnitCost
    {
        get => Has(Field.UnitCost) ? _unitCost : null;
        init => _unitCost = Set(Field.UnitCost, value);
    }

    /// <summary>
    /// The vendor's list or retail price per unit for one billing cycle, in the billing currency, where the source has
    /// one (Partner Center UnitPrice converted with the exchange rate); the default price basis when no customer price is given.
    /// </summary>
    public decimal? ListUnitPrice
    {
        get => Has(Field.ListUnitPrice) ? _listUnitPrice : null;
        init => _listUnitPrice = Set(Field.ListUnitPrice, value);
    }

    /// <summary>
    /// The vendor's signed line amount before tax in the billing currency, as the vendor's bill totals it (Partner
    /// Center Subtotal, Pax8 costTotal, Intermedia's amount): negative on refunds and credits. One-time, usage, credit
    /// and refund charges are written for exactly this amount.
    /// </summary>
    public decimal? Amount
    {
        get => Has(Field.Amount) ? _amount : null;
        init => _amount = Set(Field.Amount, value);
    }

    /// <summary>ISO 4217 code of the billing currency: every money field of the line is in it.</summary>
    public string Currency { get; init; } = string.Empty;

    /// <summary>The currency the vendor priced the line in, when it differs from or is named beside the billing currency.</summary>
    public string? PricingCurrency { get; init; }

    /// <summary>The rate the reader converted unit prices from the pricing currency with (Partner Center PCToBCExchangeRate); 1 when none.</summary>
    public decimal? ExchangeRate
    {
        get => Has(Field.ExchangeRate) ? _exchangeRate : null;
        init => _exchangeRate = Set(Field.ExchangeRate, value);
    }

    public DateTime? ServiceStart
    {
        get => Has(Field.ServiceStart) ? _serviceStart : null;
        init => _serviceStart = Set(Field.ServiceStart, value);
    }

    /// <summary>Last day of the service period, inclusive.</summary>
    public DateTime? ServiceEnd
    {
        get => Has(Field.ServiceEnd) ? _serviceEnd : null;
        init => _serviceEnd = Set(Field.ServiceEnd, value);
    }

    /// <summary>When the vendor recorded the event (UTC), used to order lines that share a service period.</summary>
    public DateTime? OrderDate
    {
        get => Has(Field.OrderDate) ? _orderDate : null;
        init => _orderDate = Set(Field.OrderDate, value);
    }

    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>When the subscription's current term started (Partner Center SubscriptionStartDate), when the source gives it.</summary>
    public DateTime? SubscriptionStart
    {
        get => Has(Field.SubscriptionStart) ? _subscriptionStart : null;
        init => _subscriptionStart = Set(Field.SubscriptionStart, value);
    }

    /// <summary>How often the line is billed, e.g. Monthly, Annual.</summary>
    public string BillingCycle { get; init; } = string.Empty;

    /// <summary>Commitment term when the source gives one, e.g. "1 Month", "1 Year", "3 Years".</summary>
    public string? Term { get; init; }

    /// <summary>The line covers part of a billing period (mid-period add, remove or cancel).</summary>
    public bool IsProrated { get; init; }

    /// <summary>
    /// Whether <see cref="Quantity"/> is seats added or removed part way through the period (Intermedia's prorated
    /// "services added/removed" items) rather than the seat count: such a line changes the seats in force by its quantity.
    /// </summary>
    public QuantityChange QuantityChange { get; init; }

    /// <summary>
    /// The line takes back seats charged by an earlier line (refund leg of a two-leg quantity change, cancellation):
    /// its <see cref="Quantity"/> is the count being refunded.
    /// </summary>
    public bool IsReversal { get; init; }

    public bool IsTrial { get; init; }

    /// <summary>
    /// The line is an estimate of the open period, not yet invoiced (Partner Center's "recent activity" files: no
    /// InvoiceNumber). The invoiced line of the same usage replaces it; both are never charged.
    /// </summary>
    public bool IsUnbilled { get; init; }

    /// <summary>Groups the lines one vendor event produced (Partner Center ReferenceId), when given.</summary>
    public string? ReferenceId { get; init; }

    public string SourceFile { get; init; } = string.Empty;

    /// <summary>1-based physical line where the record starts (JSON: the line of its opening brace).</summary>
    public int SourceLine { get; init; }

    // The optional values are stored bare with one bit each for "has a value": Nullable<decimal> takes 24 bytes and
    // Nullable<DateTime> 16, so a line held by the million is about 70 bytes smaller (issue 15). Same values in, same out.
    private decimal _unitPrice;
    private decimal _unitCost;
    private decimal _listUnitPrice;
    private decimal _amount;
    private decimal _exchangeRate;
    private DateTime _serviceStart;
    private DateTime _serviceEnd;
    private DateTime _orderDate;
    private DateTime _subscriptionStart;
    private ChargeKind _kind;
    private Field _has;

    // Phone and address come only from generic and profile files, and rarely: one reference instead of five.
    private Contact? _contact;

    /// <summary>Which optional values a line has; <see cref="Buffering.TransactionCodec"/> writes them as they are.</summary>
    [Flags]
    internal enum Field : ushort
    {
        UnitPrice = 1 << 0,
        UnitCost = 1 << 1,
        ListUnitPrice = 1 << 2,
        Amount = 1 << 3,
        ExchangeRate = 1 << 4,
        ServiceStart = 1 << 5,
        ServiceEnd = 1 << 6,
        OrderDate = 1 << 7,
        SubscriptionStart = 1 << 8,
        Kind = 1 << 9,
    }

    private sealed class Contact
    {
        public string? Phone { get; set; }

        public string? Address { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? PostalCode { get; set; }
    }

    /// <summary>The side object to set a contact value on; none while every value set is null.</summary>
    private Contact? ContactFor(string? value) => value is null && _contact is null ? null : _contact ??= new Contact();

    /// <summary>The optional values this line has.</summary>
    internal Field Present => _has;

    private bool Has(Field field) => (_has & field) != 0;

    private T Set<T>(Field field, T? value)
        where T : struct
    {
        _has = value.HasValue ? _has | field : _has & ~field;
        return value.GetValueOrDefault();
    }

    private ChargeKind DeriveKind()
    {
        if (IsTrial)
        {
            return ChargeKind.Trial;
        }

        switch (ChargeType)
        {
            case ChargeType.Credit:
                return ChargeKind.Credit;
            case ChargeType.Usage:
                return ChargeKind.Usage;
            case ChargeType.OneTime:
                return Amount < 0m ? ChargeKind.Refund : ChargeKind.OneTime;
            default:
                return IsProrated || !BillingCycles.IsWholePeriod(ServiceStart, ServiceEnd, BillingCycle)
                    ? ChargeKind.ProratedAdjustment
                    : ChargeKind.Recurring;
        }
    }

    public override string ToString() =>
        $"{Source} {TransactionId}: {CustomerName} {Sku} {ChargeType} x{Quantity}";
}
