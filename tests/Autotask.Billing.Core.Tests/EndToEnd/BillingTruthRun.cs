using System.Globalization;
using System.Text;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;
using Autotask.Billing.Tests.Mapping;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.EndToEnd;

/// <summary>
/// One October 2026 month of a Partner Center reconciliation file against the demo tenant, over loopback HTTP:
/// the file written here row by row (Microsoft's column names, our own values), the customers and SKUs mapped by
/// hand, then read → compare → sync with -Force, and Autotask read back over REST.
/// </summary>
internal sealed class BillingTruthRun : IDisposable
{
    public const string Source = "PartnerCenter";
    public const string Northwind = "0b8a5c1e-1111-4c11-9a11-00000000a001";
    public const string Fabrikam = "0b8a5c1e-2222-4c22-9a22-00000000a002";
    public const string Contoso = "0b8a5c1e-3333-4c33-9a33-00000000a003";
    public const string Woodgrove = "0b8a5c1e-4444-4c44-9a44-00000000a004";

    /// <summary>A customer Autotask does not know: mapped to a company and contract sync creates.</summary>
    public const string Tailwind = "0b8a5c1e-5555-4c55-9a55-00000000a005";

    private const string Header =
        "PartnerId,CustomerId,CustomerName,InvoiceNumber,OrderId,OrderDate,ProductId,SkuName,ChargeType,UnitPrice,Quantity,Subtotal,TaxTotal,Total,"
        + "Currency,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,TermAndBillingCycle,EffectiveUnitPrice,UnitType,BillableQuantity,"
        + "BillingFrequency,PricingCurrency,PCToBCExchangeRate,MeterDescription,CreditReasonCode,ReferenceId,ProductQualifiers,SubscriptionStartDate";

    private static readonly DateTime Today = new(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, string> CompanyOf = new()
    {
        [Northwind] = "Northwind Traders",
        [Fabrikam] = "Fabrikam Logistics",
        [Contoso] = "Contoso Dental Group",
        [Woodgrove] = "Woodgrove Accounting",
        [Tailwind] = "Tailwind Traders",
    };

    private readonly TemporaryFolder _folder = new();
    private readonly StringBuilder _csv = new(Header + "\n");
    private readonly List<ServiceMapping> _skus = new();
    private int _orders;

    private BillingTruthRun(SandboxServer server, AutotaskClient client)
    {
        Server = server;
        Client = client;
    }

    public SandboxServer Server { get; }

    public AutotaskClient Client { get; }

    public string Currency { get; set; } = "USD";

    /// <summary>The vendor the mappings are for: Partner Center unless a test reads another vendor's file.</summary>
    public string Vendor { get; set; } = Source;

    public PriceBasis PriceBasis { get; set; } = PriceBasis.ListPrice;

    public decimal MarkupPercent { get; set; }

    public RemovalPolicy AbsentCustomerPolicy { get; set; } = RemovalPolicy.ReportOnly;

    public bool RecreateDeletedServices { get; set; }

    public bool UsageAsService { get; set; }

    /// <summary>Vendor customers mapped although the file has no line for them.</summary>
    public List<string> AlsoMapped { get; } = new();

    public IReadOnlyList<Transaction> Lines { get; private set; } = Array.Empty<Transaction>();

    public ComparisonSummary? Summary { get; private set; }

    public static async Task<BillingTruthRun> StartAsync()
    {
        var server = SandboxServer.Demo(new SandboxOptions { Today = Today });
        return new BillingTruthRun(server, await server.ConnectAsync());
    }

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One reconciliation row. Dates are written as Microsoft's API writes them (ISO); money as text.</summary>
    public void Row(
        string customer, string productId, string chargeType, string unitPrice, string quantity, string subtotal, string start, string end,
        string effectiveUnitPrice, string subscription, string term = "One-Month commitment for monthly billing", string frequency = "Monthly",
        string skuName = "", string subscriptionDescription = "", string unitType = "", string billableQuantity = "", string pricingCurrency = "",
        string rate = "1", string meter = "", string creditReason = "", string reference = "", string qualifiers = "[]", string? currency = null,
        string subscriptionStart = "", bool invoiced = true)
    {
        _orders++;
        string[] cells =
        {
            "3b2f7a10-0000-4000-8000-000000000001", customer, CompanyOf[customer], invoiced ? "G0" + _orders.ToString("000000", CultureInfo.InvariantCulture) : string.Empty,
            "ord" + _orders.ToString(CultureInfo.InvariantCulture), start + "T08:00:00Z", productId, skuName, chargeType, unitPrice, quantity, subtotal,
            "0", subtotal, currency ?? Currency, subscriptionDescription, subscription, start, end, term, effectiveUnitPrice, unitType,
            billableQuantity.Length == 0 ? quantity : billableQuantity, frequency, pricingCurrency.Length == 0 ? currency ?? Currency : pricingCurrency,
            rate, meter, creditReason, reference, qualifiers, subscriptionStart,
        };
        _csv.Append(string.Join(",", cells.Select(Quote))).Append('\n');
    }

    public long ServiceId(string sku) =>
        (long)Server.Sandbox.Data.All("Services").Single(s => (string?)s["sku"] == sku)["id"]!;

    public long ContractOf(string customer)
    {
        var companyId = (long)Server.Sandbox.Data.All("Companies").Single(c => (string?)c["companyName"] == CompanyOf[customer])["id"]!;
        return (long)Server.Sandbox.Data.All("Contracts").Single(c => (long?)c["companyID"] == companyId)["id"]!;
    }

    public void MapService(string sku) => _skus.Add(new ServiceMapping(Vendor, sku) { ServiceId = ServiceId(sku) });

    public void MapProduct(string sku, long productId) => _skus.Add(new ServiceMapping(Vendor, sku) { ProductId = productId });

    public void MapService(string sku, long serviceId) => _skus.Add(new ServiceMapping(Vendor, sku) { ServiceId = serviceId });

    public void MapToCreate(string sku) => _skus.Add(new ServiceMapping(Vendor, sku) { Action = MappingAction.Create });

    /// <summary>A monthly service created over REST, as an admin would add it to the catalog before mapping a SKU to it.</summary>
    public async Task<long> AddServiceAsync(string name, string sku) =>
        await Client.CreateAsync(new Service
        {
            Name = name, Sku = sku, PeriodType = 1, UnitPrice = 0m, UnitCost = 0m, BillingCodeID = 29682701, IsActive = true,
        });

    /// <summary>A product created over REST, as an admin would add it to the catalog before mapping a SKU to it.</summary>
    public async Task<long> AddProductAsync(string name, string sku, decimal price, decimal cost) =>
        await Client.CreateAsync(new Product
        {
            Name = name, Sku = sku, VendorProductNumber = sku, ProductBillingCodeID = 29682710, UnitPrice = price, UnitCost = cost,
            IsActive = true, IsSerialized = false,
        });

    /// <summary>Saves the rows written so far as a file of their own and starts the next file.</summary>
    public string SaveFile(string name)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, _csv.ToString());
        _csv.Clear().Append(Header).Append('\n');
        return path;
    }

    /// <summary>A file written as given (another vendor format).</summary>
    public string WriteFile(string name, string content)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// Reads the files (by default the rows written so far), maps every customer used, compares the month and,
    /// unless asked not to, syncs everything with -Force.
    /// </summary>
    public async Task<IReadOnlyList<ContractDifference>> CompareAndSyncAsync(bool sync = true, params string[] paths)
    {
        if (paths.Length == 0)
        {
            paths = new[] { SaveFile("reconciliation-2026-10-" + _orders.ToString(CultureInfo.InvariantCulture) + ".csv") };
        }

        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.ForMonth("2026-10") });
        Lines = paths.SelectMany(path => reader.ReadFile(path, CancellationToken.None)).Select(item => item.Transaction).OfType<Transaction>().ToList();

        var store = await MapAsync();
        var run = new ContractComparer(Client).Compare(Lines, MappingStore.Read(store), new CompareOptions { Window = BillingWindow.ForMonth("2026-10"), AbsentCustomerPolicy = AbsentCustomerPolicy, UsageAsService = UsageAsService });
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        Summary = run.Summary;
        if (sync)
        {
            var plan = await SyncPlanner.PlanAsync(differences, new SyncContext(Client, MappingStore.Read(store).Settings, Today));
            var results = new List<SyncResult>();
            await SyncExecutor.ExecuteAsync(
                plan, plan.Operations.Select(op => op.OperationId), new SyncOptions { Force = true, JournalFolder = _folder.File("journal") }, results.Add);
            Assert.All(results, r => Assert.False(r.Status is SyncStatus.Failed or SyncStatus.NotRun, r.ToString()));
        }

        return differences;
    }

    public Task<IReadOnlyList<ContractCharge>> ChargesAsync(string customer) =>
        Client.QueryAsync<ContractCharge>(AutotaskQuery.Where(AutotaskFilter.Eq("contractID", ContractOf(customer))));

    public async Task<ContractService> ContractServiceAsync(string customer, string sku) =>
        (await Client.QueryAsync<ContractService>(AutotaskQuery.Where(
            AutotaskFilter.Eq("contractID", ContractOf(customer)), AutotaskFilter.Eq("serviceID", ServiceId(sku))))).Single();

    /// <summary>The units row in force on a date, by the one rule Compare and Sync share.</summary>
    public async Task<ContractServiceUnit?> UnitsOnAsync(string customer, string sku, DateTime day)
    {
        var contractService = await ContractServiceAsync(customer, sku);
        var rows = await Client.QueryAsync<ContractServiceUnit>(AutotaskQuery.Where(AutotaskFilter.Eq("contractServiceID", contractService.Id)));
        return UnitsRowInForce.On(rows, day);
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
        _folder.Dispose();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny(new[] { ',', '"' }) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    private async Task<string> MapAsync()
    {
        var path = _folder.File("mapping.json");
        var settings = await new BillingSettingsResolver(new AutotaskCatalogReader(Client)).ApplyAsync(new BillingSettings(), new BillingSettingsChange
        {
            RecurringBillingCode = "Cloud Services - Recurring",
            MaterialBillingCode = "Hardware",
            DefaultAccountManager = "alex.morgan",
            Currency = Currency,
            PriceBasis = PriceBasis,
            MarkupPercent = MarkupPercent,
            RecreateDeletedServices = RecreateDeletedServices,
            VendorCompanyNames = new Dictionary<string, string?> { [Vendor] = "Microsoft" },
        });
        var now = DateTime.UtcNow;
        var customers = Lines.Select(l => l.CustomerId).Concat(AlsoMapped).Distinct(StringComparer.OrdinalIgnoreCase).Select(id => id == Tailwind
            ? new CustomerMapping(Vendor, id)
            {
                CustomerName = CompanyOf[id], CompanyAction = MappingAction.Create, ContractAction = MappingAction.Create, Phone = "+1 206 555 0150",
            }
            : new CustomerMapping(Vendor, id)
        {
            CustomerName = CompanyOf[id],
            CompanyId = (long)Server.Sandbox.Data.All("Contracts").Single(c => (long)c["id"]! == ContractOf(id))["companyID"]!,
            ContractId = ContractOf(id),
        });
        using var store = MappingStore.Open(path);
        store.Update(document => document.WithSettings(settings).WithCustomers(customers, now).WithServices(_skus, now));
        return path;
    }
}
