using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;
using Autotask.Billing.Tests.Mapping;
using Autotask.Billing.Tests.Sync;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.EndToEnd;

/// <summary>
/// The month an MSP runs, over loopback HTTP against the demo tenant: read the vendor export, map customers and SKUs
/// automatically (Litware, unknown to Autotask, to a company sync creates; Teams Premium to a service sync creates),
/// set up the store, compare, sync everything, then compare and sync again. The proof that the parts fit.
/// </summary>
public sealed class MonthlyWorkflowTests : IDisposable
{
    private const string Source = "Generic";
    private const string LitwareId = "4a8c9d76-91de-4dbb-9a6e-7c8d9e0f1a07";
    private const string LitwarePhone = "+1 425 555 0187";
    private const string TeamsPremium = "CFQ7TTC0RM8K";
    private const string AzurePlan = "DZH318Z0BQ4L";
    private const string Distributor = "Demo Distributor";
    private const string DistributorPhone = "+1 303 555 0100";

    private static readonly DateTime Today = new(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc);

    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string> Variants => SandboxVariants.All;

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task After_one_sync_of_the_month_a_second_compare_finds_nothing_to_do_and_a_second_sync_writes_nothing(string variant)
    {
        using var server = SandboxServer.Demo(SandboxVariants.Options(variant, Today));
        using var client = await server.ConnectAsync();
        var lines = ReadExport();
        var store = await MapAsync(client, lines);

        var first = await CompareAsync(client, lines, store, includeMatch: false);

        Assert.Equal(
            new[]
            {
                (DifferenceKind.MissingService, "Adventure Works Cycles", TeamsPremium),
                (DifferenceKind.MissingProduct, "Adventure Works Cycles", "DZH318Z0BQ4L"),
                (DifferenceKind.OneTimeCharge, "Contoso Dental Group", "SURF-DOCK-2"),
                (DifferenceKind.QuantityChange, "Fabrikam Logistics", "CFQ7TTC0LDPB"),
                (DifferenceKind.MissingCompany, "Litware Inc", "CFQ7TTC0LH18"),
                (DifferenceKind.QuantityChange, "Northwind Traders", "CFQ7TTC0LH18"),
                (DifferenceKind.NewService, "Tailspin Toys", "CFQ7TTC0LH16"),
                (DifferenceKind.PriceChange, "Woodgrove Accounting", "ACR-CPC-WS"),
            },
            first.Select(d => (d.Kind, d.CustomerName, d.Sku)).OrderBy(d => d.CustomerName).ThenBy(d => d.Sku));
        Assert.All(first, d => Assert.True(d.IsActionable, d.Reason));
        Assert.Equal(LitwarePhone, first.Single(d => d.Kind == DifferenceKind.MissingCompany).CustomerPhone);

        var sync = await SyncAsync(client, first, store);

        Assert.DoesNotContain(sync.Results, r => r.Status is SyncStatus.Failed or SyncStatus.NotRun);
        var litware = server.Sandbox.Data.All("Companies").Single(c => (string?)c["companyName"] == "Litware Inc");
        Assert.Equal((LitwarePhone, "Redmond", "WA", "litwareinc.com"), ((string?)litware["phone"], (string?)litware["city"], (string?)litware["state"], (string?)litware["webAddress"]));
        var litwareContract = server.Sandbox.Data.All("Contracts").Single(c => (long)c["companyID"]! == (long)litware["id"]!);
        Assert.Equal("Cloud services, Litware Inc", (string?)litwareContract["contractName"]);
        var distributor = server.Sandbox.Data.All("Companies").Single(c => (string?)c["companyName"] == Distributor);
        Assert.Equal(DistributorPhone, (string?)distributor["phone"]);
        var mapped = MappingStore.Read(store);
        var litwareMapping = mapped.FindCustomer(Source, LitwareId)!;
        Assert.Equal(
            (MappingAction.Existing, (long?)litware["id"], MappingAction.Existing, (long?)litwareContract["id"]),
            (litwareMapping.CompanyAction, litwareMapping.CompanyId, litwareMapping.ContractAction, litwareMapping.ContractId));
        Assert.Equal(MappingAction.Existing, mapped.FindService(Source, TeamsPremium)!.Action);

        var second = await CompareAsync(client, lines, store, includeMatch: true);

        if (!SandboxVariants.TakesCosts(variant))
        {
            // This Autotask ignores an adjustment's price: Woodgrove's new price is not billed from its effective date,
            // sync said so, and the next compare still shows it; nothing else is left.
            var notApplied = Assert.Single(sync.Results, static r => r.Status == SyncStatus.NotApplied);
            Assert.Equal(("ACR-CPC-WS", SyncReasonCode.IgnoredByAutotask), (notApplied.Sku, notApplied.ReasonCode));
            Assert.Equal(
                (DifferenceKind.PriceChange, "Woodgrove Accounting", "ACR-CPC-WS"),
                second.Where(static d => d.IsActionable).Select(static d => (d.Kind, d.CustomerName, d.Sku)).Single());
            var retry = await SyncAsync(client, second.Where(static d => d.IsActionable), store);
            Assert.Equal(SyncStatus.NotApplied, Assert.Single(retry.Results).Status);
            return;
        }

        Assert.DoesNotContain(second, d => d.IsActionable);
        Assert.All(second, d => Assert.Equal(DifferenceKind.Match, d.Kind));
        Assert.Equal(2, second.Count(d => d.TransactionId is not null));
        var writes = Writes(server.Sandbox);

        var again = await SyncAsync(client, second, store);

        Assert.Empty(again.Plan.Operations);
        Assert.Equal(writes, Writes(server.Sandbox));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Differences_exported_as_text_and_imported_again_sync_to_the_same_end_state(string variant)
    {
        var direct = await SyncTheMonthAsync(variant, throughText: false);
        var throughText = await SyncTheMonthAsync(variant, throughText: true);

        Assert.Equal(direct, throughText);
        Assert.Contains(direct, line => line.StartsWith("Company|Litware Inc|", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task When_the_mapping_save_after_a_sync_is_lost_the_next_sync_finds_what_it_created_and_records_it(string variant)
    {
        using var server = SandboxServer.Demo(SandboxVariants.Options(variant, Today));
        using var client = await server.ConnectAsync();
        var lines = ReadExport();
        var store = await MapAsync(client, lines);
        var beforeSync = File.ReadAllText(store);
        await SyncAsync(client, await CompareAsync(client, lines, store, includeMatch: false), store);
        File.WriteAllText(store, beforeSync);
        var companies = server.Sandbox.Data.All("Companies").Count;

        await SyncAsync(client, await CompareAsync(client, lines, store, includeMatch: false), store);

        var litware = MappingStore.Read(store).FindCustomer(Source, LitwareId)!;
        Assert.Equal((MappingAction.Existing, MappingAction.Existing), (litware.CompanyAction, litware.ContractAction));
        Assert.Equal(companies, server.Sandbox.Data.All("Companies").Count);
        var left = (await CompareAsync(client, lines, store, includeMatch: false)).Where(static d => d.IsActionable).Select(static d => d.Sku);
        Assert.Equal(SandboxVariants.TakesCosts(variant) ? Array.Empty<string?>() : new[] { "ACR-CPC-WS" }, left);
    }

    public void Dispose() => _folder.Dispose();

    private static long Writes(AutotaskSandbox sandbox) => sandbox.Statistics.Endpoints.Sum(static e =>
        e.Kind(SandboxRequestKind.Create) + e.Kind(SandboxRequestKind.Update) + e.Kind(SandboxRequestKind.Delete));

    /// <summary>What Export-Csv and Import-Csv make of a difference: every property as invariant text, none as null.</summary>
    private static IReadOnlyDictionary<string, object?> AsText(ContractDifference difference) =>
        typeof(ContractDifference).GetProperties().ToDictionary(
            property => property.Name,
            property => (object?)(Convert.ToString(property.GetValue(difference), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));

    private async Task<IReadOnlyList<string>> SyncTheMonthAsync(string variant, bool throughText)
    {
        using var server = SandboxServer.Demo(SandboxVariants.Options(variant, Today));
        using var client = await server.ConnectAsync();
        var lines = ReadExport();
        var store = await MapAsync(client, lines, throughText ? "through-text" : "direct");
        var differences = await CompareAsync(client, lines, store, includeMatch: false);
        if (throughText)
        {
            differences = differences.Select(d => ContractDifferenceReader.FromProperties(AsText(d))).ToList();
        }

        var sync = await SyncAsync(client, differences, store);
        Assert.DoesNotContain(sync.Results, r => r.Status is SyncStatus.Failed or SyncStatus.NotRun);
        return SandboxFingerprint.Of(server.Sandbox);
    }

    private List<Transaction> ReadExport()
    {
        var path = _folder.File("demo-export.csv");
        File.WriteAllText(path, DemoTenant.DemoExportCsv);
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth) });
        return reader.ReadFile(path, CancellationToken.None).Select(item => item.Transaction).OfType<Transaction>().ToList();
    }

    /// <summary>
    /// The first-run setup an admin does: automatic matching, a company to create (with its phone) for the customer
    /// Autotask does not know, a service to create for the SKU the catalog lacks, and the settings sync needs,
    /// billing codes and the account manager given by name.
    /// </summary>
    private async Task<string> MapAsync(AutotaskClient client, IReadOnlyList<Transaction> lines, string name = "mapping")
    {
        var path = _folder.File(name + ".json");
        var catalog = new AutotaskCatalogReader(client);
        using var store = MappingStore.Open(path);
        var customers = await new ContractMappingAutoMatcher(catalog).MatchAsync(
            lines.Select(t => new VendorCustomer(t.Source, t.CustomerId, t.CustomerName, t.CustomerDomain)), store.Document);
        var skus = await new ServiceMappingAutoMatcher(catalog).MatchAsync(
            lines.Select(t => VendorSku.FromLine(t.Source, t.Sku, t.ChargeType)), store.Document);
        var settings = await new BillingSettingsResolver(catalog).ApplyAsync(store.Document.Settings, new BillingSettingsChange
        {
            RecurringBillingCode = "Cloud Services - Recurring",
            MaterialBillingCode = "Hardware",
            DefaultAccountManager = "alex.morgan",
            VendorCompanyNames = new Dictionary<string, string?> { [Source] = Distributor },
            VendorPhones = new Dictionary<string, string?> { [Distributor] = DistributorPhone },
        });
        var now = DateTime.UtcNow;
        store.Update(document => document
            .WithSettings(settings)
            .WithCustomers(customers.Matches.Select(m => m.Mapping).OfType<CustomerMapping>(), now)
            .WithCustomer(
                new CustomerMapping(Source, LitwareId)
                {
                    CustomerName = "Litware Inc",
                    CompanyAction = MappingAction.Create,
                    ContractAction = MappingAction.Create,
                    Phone = LitwarePhone,
                    City = "Redmond",
                    State = "WA",
                },
                now)
            .WithServices(skus.Matches.Select(m => m.Mapping).OfType<ServiceMapping>(), now)
            .WithService(new ServiceMapping(Source, TeamsPremium) { Action = MappingAction.Create }, now)
            .WithService(new ServiceMapping(Source, AzurePlan) { Action = MappingAction.Create }, now));
        return path;
    }

    private static async Task<List<ContractDifference>> CompareAsync(AutotaskClient client, IReadOnlyList<Transaction> lines, string store, bool includeMatch)
    {
        var run = new ContractComparer(client).Compare(
            lines, MappingStore.Read(store), new CompareOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth), IncludeMatch = includeMatch });
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        Assert.InRange(run.Summary.AutotaskRequests, 1, run.Summary.RequestAllowance);
        return differences;
    }

    /// <summary>Plans, approves every operation, applies with -Force, and records what was created in the store, as Sync-AtContract does.</summary>
    private async Task<(SyncPlan Plan, IReadOnlyList<SyncResult> Results)> SyncAsync(AutotaskClient client, IEnumerable<ContractDifference> differences, string store)
    {
        var document = MappingStore.Read(store);
        var plan = await SyncPlanner.PlanAsync(differences, new SyncContext(client, document.Settings, Today));
        var results = new List<SyncResult>();
        await SyncExecutor.ExecuteAsync(
            plan,
            plan.Operations.Select(op => op.OperationId),
            new SyncOptions { Force = true, JournalFolder = _folder.File("journal") },
            results.Add);
        using (var opened = MappingStore.Open(store))
        {
            opened.Update(current => SyncMappingUpdates.Apply(current, plan, results, DateTime.UtcNow));
        }

        return (plan, results);
    }
}
