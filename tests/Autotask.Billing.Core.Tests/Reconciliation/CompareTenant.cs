using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Tests.Autotask;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// An Autotask sandbox served over loopback HTTP, seeded directly (no HTTP) with Recurring Service contracts, and the
/// mapping that goes with what was seeded; compares vendor lines against it through the real client.
/// </summary>
internal sealed class CompareTenant : IDisposable
{
    public const string Pax8 = "Pax8";
    public const string PartnerCenter = "PartnerCenter";
    public const long AccountManager = 29682881;

    public static readonly DateTime Today = Day(2026, 10, 20);
    public static readonly DateTime AsOf = Day(2026, 10, 31);
    public static readonly DateTime ContractStart = Day(2026, 1, 1);

    private readonly List<CustomerMapping> _customers = new();
    private readonly List<ServiceMapping> _services = new();
    private int _nextCustomer;

    public CompareTenant(SandboxOptions? options = null)
    {
        options ??= new SandboxOptions();
        options.Today = Today;
        Server = SandboxServer.Empty(options);
    }

    public SandboxServer Server { get; }

    public SandboxData Data => Server.Sandbox.Data;

    public BillingSettings Settings { get; set; } = new() { MaterialBillingCodeId = 29682710, RecurringBillingCodeId = 29682700 };

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public long AddService(string sku, string name, decimal price, decimal cost, bool isActive = true, bool map = true, string source = Pax8, string period = "Monthly")
    {
        var id = Data.Insert("Services", new JObject
        {
            ["name"] = name, ["sku"] = sku, ["periodType"] = Data.PicklistValue("Services", "periodType", period), ["unitPrice"] = price,
            ["unitCost"] = cost, ["billingCodeID"] = 29682701, ["isActive"] = isActive,
        });
        if (map)
        {
            MapSku(new ServiceMapping(source, sku) { ServiceId = id });
        }

        return id;
    }

    public long AddProduct(string sku, string name, decimal price, decimal cost, bool map = true)
    {
        var id = Data.Insert("Products", new JObject
        {
            ["name"] = name, ["sku"] = sku, ["productBillingCodeID"] = 29682710, ["unitPrice"] = price, ["unitCost"] = cost,
            ["isActive"] = true, ["isSerialized"] = false,
        });
        if (map)
        {
            MapSku(new ServiceMapping(Pax8, sku) { ProductId = id });
        }

        return id;
    }

    public TenantCustomer AddCustomer(string name, bool map = true, DateTime? contractEnd = null, string source = Pax8, string contractType = "Recurring Service")
    {
        var number = ++_nextCustomer;
        var companyId = Data.Insert("Companies", new JObject
        {
            ["companyName"] = name, ["companyType"] = Data.PicklistValue("Companies", "companyType", "Customer"), ["phone"] = "555-0100",
            ["ownerResourceID"] = AccountManager, ["isActive"] = true, ["webAddress"] = $"https://{name.Replace(" ", string.Empty).ToLowerInvariant()}.example",
        });
        var contractId = Data.Insert("Contracts", new JObject
        {
            ["companyID"] = companyId, ["contractName"] = "Cloud services, " + name, ["contractType"] = Data.PicklistValue("Contracts", "contractType", contractType),
            ["status"] = Data.PicklistValue("Contracts", "status", "Active"), ["startDate"] = "2026-01-01T00:00:00.000",
            ["endDate"] = (contractEnd ?? Day(2035, 12, 31)).ToString("yyyy-MM-dd'T'00:00:00.000", System.Globalization.CultureInfo.InvariantCulture),
            ["contractPeriodType"] = Data.PicklistValue("Contracts", "contractPeriodType", "Monthly"), ["timeReportingRequiresStartAndStopTimes"] = 1,
        });
        var customer = new TenantCustomer($"cust-{number:0000}", name, companyId, contractId, source);
        if (map)
        {
            MapCustomer(customer.Mapping());
        }

        return customer;
    }

    /// <summary>Adds units of a service to the customer's contract from a date (creating the contract service on first use).</summary>
    public void AddUnits(TenantCustomer customer, long serviceId, int units, DateTime? from = null, decimal? price = null, decimal? cost = null) =>
        Data.AddAdjustment(customer.ContractId, serviceId, from ?? Day(2026, 10, 1), units, price, cost);

    public void MapCustomer(CustomerMapping mapping)
    {
        _customers.RemoveAll(c => c.Source == mapping.Source && c.CustomerId == mapping.CustomerId);
        _customers.Add(mapping);
    }

    public void MapSku(ServiceMapping mapping)
    {
        _services.RemoveAll(s => s.Source == mapping.Source && s.Sku == mapping.Sku);
        _services.Add(mapping);
    }

    public MappingDocument Mapping() =>
        new(Settings, _customers, _services);

    /// <summary>
    /// Compares as Compare-AtContract does: the mapped contracts are prefetched before the lines are handed over
    /// (<paramref name="prefetch"/> false compares without, as a library caller may), and the lines are taken in one
    /// by one (<see cref="ComparisonLines"/>); a list that is a <see cref="Buffering.TransactionBuffer"/>, or
    /// <paramref name="oneByOne"/> false, is compared as a list, as a library caller may.
    /// </summary>
    public async Task<ComparisonResult> CompareAsync(
        IEnumerable<Transaction> lines, CompareOptions? options = null, MappingDocument? mapping = null, bool prefetch = true, bool oneByOne = true)
    {
        using var client = await Server.ConnectAsync();
        var before = Server.Sandbox.Statistics.TotalRequests;
        var comparer = new ContractComparer(client);
        var document = mapping ?? Mapping();
        var settings = options ?? new CompareOptions { AsOf = AsOf };
        using var read = prefetch ? comparer.Prefetch(document, settings) : null;
        ComparisonRun run;
        if (oneByOne && lines is not Buffering.TransactionBuffer)
        {
            var taken = new ComparisonLines(document, settings);
            foreach (var line in lines)
            {
                taken.Add(line);
            }

            run = comparer.Compare(taken, settings.HeldBackCustomers, read);
        }
        else
        {
            run = comparer.Compare(lines, Array.Empty<TransactionSummary>(), document, settings, read);
        }

        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        return new ComparisonResult(differences, run.Summary, Server.Sandbox.Statistics.TotalRequests - before);
    }

    public Task<AutotaskClient> ConnectAsync() => Server.ConnectAsync();

    public void Dispose() => Server.Dispose();
}
