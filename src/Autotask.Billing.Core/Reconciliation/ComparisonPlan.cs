using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The vendor side sorted by where it goes before anything is read: lines of unmapped customers, lines of customers
/// whose company or contract sync is to create, and lines per mapped contract; with everything Autotask must then be
/// asked for in one bulk load (which contracts, which catalog items, whether every company or the whole catalog is
/// needed for suggestions).
/// </summary>
internal sealed class ComparisonPlan
{
    private readonly MappingDocument _mapping;
    private readonly string _currency;
    // (source, id) pairs, compared as their mapping keys: counting a line's customer builds no string.
    private readonly HashSet<(string, string)> _customers = new(MappingKeys.PairComparer);
    private readonly HashSet<(string, string)> _unmappedCustomers = new(MappingKeys.PairComparer);
    private readonly HashSet<(string, string)> _unmappedSkus = new(MappingKeys.PairComparer);
    private readonly HashSet<long> _serviceIds = new();
    private readonly HashSet<long> _productIds = new();
    private readonly HashSet<long> _companyIds = new();

    public ComparisonPlan(ComparisonInput input, MappingDocument mapping, string currency)
    {
        _mapping = mapping;
        _currency = currency;
        // No delegates per line: Place says where the line goes and the caller puts it there.
        foreach (var seat in input.Seats)
        {
            var mapped = Place(seat.Source, seat.CustomerId, seat.Sku, seat.Currency, ChargeType.Recurring, out var work);
            Put(seat, mapped, work?.Seats, UnmappedSeats, CreateSeats);
        }

        foreach (var line in input.Charges)
        {
            var mapped = Place(line.Source, line.CustomerId, line.Sku, line.Currency, line.ChargeType, out var work);
            Put(line, mapped, work?.Charges, UnmappedCharges, CreateCharges);
        }

        PlaceAbsentCustomers(input.Seats.Select(s => s.Source).Concat(input.Charges.Select(c => c.Source)));
    }

    public List<TransactionSummary> UnmappedSeats { get; } = new();

    public List<Transaction> UnmappedCharges { get; } = new();

    public List<TransactionSummary> CreateSeats { get; } = new();

    public List<Transaction> CreateCharges { get; } = new();

    public SortedDictionary<long, ContractWork> Contracts { get; } = new();

    public int Customers => _customers.Count;

    public int UnmappedCustomers => _unmappedCustomers.Count;

    public int UnmappedSkus => _unmappedSkus.Count;

    /// <summary>Some customer is unmapped: suggestions need every company.</summary>
    public bool NeedsAllCompanies => _unmappedCustomers.Count > 0;

    /// <summary>Some mapped customer's recurring SKU is unmapped: suggestions need the whole service catalog.</summary>
    public bool NeedsAllServices { get; private set; }

    /// <summary>Some mapped customer's one-time SKU is unmapped: suggestions need the whole product catalog.</summary>
    public bool NeedsAllProducts { get; private set; }

    public IReadOnlyCollection<long> ServiceIds => _serviceIds;

    public IReadOnlyCollection<long> ProductIds => _productIds;

    public IReadOnlyCollection<long> CompanyIds => _companyIds;

    public bool IsForeignCurrency(string currency) =>
        !string.IsNullOrWhiteSpace(currency) && !string.Equals(currency.Trim(), _currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Counts a line's customer and SKU and says where it goes: false when its customer is unmapped; else the work of
    /// its existing contract, or null when sync is to create its company or contract.
    /// </summary>
    private bool Place(string source, string customerId, string sku, string currency, ChargeType chargeType, out ContractWork? work)
    {
        work = null;
        var customerKey = (source.Trim(), customerId.Trim());
        _customers.Add(customerKey);
        var customer = _mapping.FindCustomer(source, customerId);
        if (customer is null)
        {
            _unmappedCustomers.Add(customerKey);
            return false;
        }

        if (customer.CompanyId is long companyId)
        {
            _companyIds.Add(companyId);
        }

        var skuMapping = _mapping.FindService(source, sku);
        if (!IsForeignCurrency(currency))
        {
            NoteSku(source, sku, chargeType, skuMapping);
        }

        if (ExistingContract(customer) is not long contractId)
        {
            return true;
        }

        if (!Contracts.TryGetValue(contractId, out work))
        {
            Contracts[contractId] = work = new ContractWork(contractId);
        }

        return true;
    }

    // Where Place said: the unmapped list, the list of what sync is to create, or the list of its existing contract's work.
    private static void Put<T>(T item, bool mapped, List<T>? onContract, List<T> unmapped, List<T> toCreate) =>
        (!mapped ? unmapped : onContract ?? toCreate).Add(item);

    /// <summary>
    /// A mapped customer of a source this bill comes from, with no line in it, still has its contract compared: its
    /// mapped services are Removed candidates (BILLING-RULES §3). Only customers whose contract no billed customer shares.
    /// </summary>
    private void PlaceAbsentCustomers(IEnumerable<string> billedSources)
    {
        var sources = new HashSet<string>(billedSources.Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        foreach (var customer in _mapping.Customers)
        {
            if (!sources.Contains(customer.Source.Trim()) || ComparedContract(customer) is not long contractId
                || _customers.Contains((customer.Source.Trim(), customer.CustomerId.Trim())) || Contracts.ContainsKey(contractId))
            {
                continue;
            }

            var work = new ContractWork(contractId);
            work.AbsentCustomers.Add(customer);
            Contracts[contractId] = work;
        }
    }

    /// <summary>
    /// Every contract a compare against this mapping can read: those of the customers mapped to an existing contract
    /// with Export on. The contracts of any plan made from this mapping are among them.
    /// </summary>
    public static IEnumerable<long> MappedContracts(MappingDocument mapping) =>
        mapping.Customers.Select(ComparedContract).OfType<long>().Distinct();

    private static long? ComparedContract(CustomerMapping customer) => customer.Export ? ExistingContract(customer) : null;

    // A company or contract the mapping says to create is not read: it does not exist yet.
    private static long? ExistingContract(CustomerMapping customer) =>
        customer.ContractAction == MappingAction.Create || customer.CompanyAction == MappingAction.Create ? null : customer.ContractId;

    // Nothing unmapped is charged: a one-time, usage, credit or refund line of an unmapped SKU is an unmapped SKU too.
    private void NoteSku(string source, string sku, ChargeType chargeType, ServiceMapping? skuMapping)
    {
        if (skuMapping is null)
        {
            NeedsAllServices |= chargeType == ChargeType.Recurring;
            NeedsAllProducts |= chargeType != ChargeType.Recurring;
            _unmappedSkus.Add((source.Trim(), sku.Trim()));
            return;
        }

        if (skuMapping.ServiceId is long serviceId)
        {
            _serviceIds.Add(serviceId);
        }

        if (skuMapping.ProductId is long productId)
        {
            _productIds.Add(productId);
        }
    }
}
