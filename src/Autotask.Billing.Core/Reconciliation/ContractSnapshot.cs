using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// What Autotask showed for a set of contracts on one date, read in bulk by <see cref="ContractSnapshotLoader"/>:
/// the contracts, their companies, their services, the units in force on <see cref="AsOf"/>, the catalog items
/// involved, the sync keys of charges already made and the picklist labels; with the reads it took and how many
/// requests they cost.
/// </summary>
public sealed class ContractSnapshot
{
    private readonly IReadOnlyDictionary<long, ISet<string>> _chargeKeysByContract;
    private readonly IReadOnlyDictionary<long, IReadOnlyList<ContractCharge>> _chargesByContract;

    internal ContractSnapshot(
        DateTime asOf,
        IReadOnlyDictionary<long, Contract> contracts,
        IReadOnlyDictionary<long, Company> companies,
        IReadOnlyDictionary<long, IReadOnlyList<ContractService>> contractServicesByContract,
        IReadOnlyDictionary<long, ContractServiceUnit> unitsInForce,
        IReadOnlyDictionary<long, Service> services,
        IReadOnlyDictionary<long, Product> products,
        IReadOnlyDictionary<long, IReadOnlyList<ContractCharge>> chargesByContract,
        PicklistLabels labels,
        bool hasAllCompanies,
        bool hasAllServices,
        bool hasAllProducts,
        IReadOnlyList<SnapshotRead> reads,
        long requests)
    {
        AsOf = asOf;
        Contracts = contracts;
        Companies = companies;
        ContractServicesByContract = contractServicesByContract;
        UnitsInForce = unitsInForce;
        Services = services;
        Products = products;
        _chargesByContract = chargesByContract;
        _chargeKeysByContract = chargesByContract.ToDictionary(
            pair => pair.Key,
            pair => (ISet<string>)new HashSet<string>(pair.Value.Select(c => c.InternalPurchaseOrderNumber!.Trim()), StringComparer.Ordinal));
        Labels = labels;
        HasAllCompanies = hasAllCompanies;
        HasAllServices = hasAllServices;
        HasAllProducts = hasAllProducts;
        Reads = reads;
        Requests = requests;
    }

    /// <summary>The date whose units were read (UTC midnight).</summary>
    public DateTime AsOf { get; }

    public IReadOnlyDictionary<long, Contract> Contracts { get; }

    public IReadOnlyDictionary<long, Company> Companies { get; }

    /// <summary>The services on each contract, by contract id; a contract without services has an empty list.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ContractService>> ContractServicesByContract { get; }

    /// <summary>The ContractServiceUnits row in force on <see cref="AsOf"/>, by contract service id; absent when none is.</summary>
    public IReadOnlyDictionary<long, ContractServiceUnit> UnitsInForce { get; }

    public IReadOnlyDictionary<long, Service> Services { get; }

    public IReadOnlyDictionary<long, Product> Products { get; }

    public PicklistLabels Labels { get; }

    /// <summary>Every company of the database was read, not only the contracts' own.</summary>
    public bool HasAllCompanies { get; }

    /// <summary>The whole service catalog was read.</summary>
    public bool HasAllServices { get; }

    /// <summary>The whole product catalog was read.</summary>
    public bool HasAllProducts { get; }

    /// <summary>The bulk reads the snapshot needed, each with its rows and its minimum number of requests.</summary>
    public IReadOnlyList<SnapshotRead> Reads { get; }

    /// <summary>The HTTP requests the load sent (retries and threshold reads included).</summary>
    public long Requests { get; }

    /// <summary>
    /// The fewest requests the data could have been read with: for each needed read, one request per 500 rows and at
    /// least one (see <see cref="SnapshotRead.MinimumRequests"/>).
    /// </summary>
    public long MinimumRequests => Reads.Sum(read => read.MinimumRequests);

    /// <summary>The most requests a load of this size may use: the minimum plus 10 % (rounded up) plus 3.</summary>
    public static long RequestAllowance(long minimumRequests) => ((minimumRequests * 11) + 9) / 10 + 3;

    /// <summary>
    /// The most requests this load may use: <see cref="RequestAllowance"/> of its minimum, plus the early requests of
    /// its reads by id that started as pages came in (<see cref="SnapshotRead.EarlyRequests"/>).
    /// </summary>
    public long AllowedRequests => RequestAllowance(MinimumRequests) + Reads.Sum(read => read.EarlyRequests);

    public IReadOnlyList<ContractService> ServicesOn(long contractId) =>
        ContractServicesByContract.TryGetValue(contractId, out var services) ? services : Array.Empty<ContractService>();

    public ContractServiceUnit? UnitsOf(long contractServiceId) =>
        UnitsInForce.TryGetValue(contractServiceId, out var units) ? units : null;

    /// <summary>Whether the contract has a charge with this sync key (<see cref="ChargeKey"/>), billed or not.</summary>
    public bool HasCharge(long contractId, string chargeKey) =>
        _chargeKeysByContract.TryGetValue(contractId, out var keys) && keys.Contains(chargeKey);

    /// <summary>The charges of a usage month: the one with the month's key and its corrections (key-2, key-3, ...).</summary>
    public IReadOnlyList<ContractCharge> ChargesOfUsageMonth(long contractId, string monthKey) =>
        _chargesByContract.TryGetValue(contractId, out var charges)
            ? charges.Where(c => c.InternalPurchaseOrderNumber!.Trim() == monthKey || c.InternalPurchaseOrderNumber.Trim().StartsWith(monthKey + "-", StringComparison.Ordinal)).ToList()
            : Array.Empty<ContractCharge>();

    public Company? CompanyOf(long? companyId) =>
        companyId is long id && Companies.TryGetValue(id, out var company) ? company : null;

    public Service? ServiceOf(long? serviceId) =>
        serviceId is long id && Services.TryGetValue(id, out var service) ? service : null;

    public Product? ProductOf(long? productId) =>
        productId is long id && Products.TryGetValue(id, out var product) ? product : null;

    public string? ContractStatus(Contract contract) => Labels.Label(PicklistEntities.Contracts, "status", contract.Status);

    public string? ContractTypeLabel(Contract contract) => Labels.Label(PicklistEntities.Contracts, "contractType", contract.ContractType);

    public string? ContractPeriodLabel(Contract contract) => Labels.Label(PicklistEntities.Contracts, "contractPeriodType", contract.ContractPeriodType);

    public string? ServicePeriodLabel(Service? service) => Labels.Label(PicklistEntities.Services, "periodType", service?.PeriodType);

    /// <summary>Months in one of the contract's billing periods (monthly when the period type is unknown).</summary>
    public int ContractPeriodMonths(Contract contract) => PicklistLabels.MonthsOf(ContractPeriodLabel(contract));

    /// <summary>Months one unit price of the service pays for (monthly when the period type is unknown).</summary>
    public int ServicePeriodMonths(Service? service) => PicklistLabels.MonthsOf(ServicePeriodLabel(service));

    /// <summary>
    /// The period type of <paramref name="service"/> when it is set but is none of Monthly, Quarterly, Semi-Annual and
    /// Yearly (a tenant's own picklist value): its label, or its number when the picklist has none. Null when the
    /// service's prices can be turned into months (or it has no period type, which Autotask does not allow).
    /// </summary>
    public string? UnknownServicePeriod(Service? service)
    {
        if (service?.PeriodType is not int periodType)
        {
            return null;
        }

        var label = ServicePeriodLabel(service);
        return PicklistLabels.TryMonthsOf(label, out _) ? null : label ?? $"period type {periodType}";
    }

    /// <summary>
    /// The price Autotask bills the service at: the units row's per-unit price when there is one (what Autotask bills,
    /// however the price got there: adjustedPrice or an adjustment), else adjustedPrice, else the price it was added with.
    /// </summary>
    public decimal? CurrentPrice(ContractService contractService) =>
        UnitsOf(contractService.Id)?.Price ?? contractService.AdjustedPrice ?? contractService.UnitPrice;

    /// <summary>The cost in force: the units row's per-unit cost when there is one, else the contract service's.</summary>
    public decimal? CurrentCost(ContractService contractService) => UnitsOf(contractService.Id)?.Cost ?? contractService.UnitCost;
}
