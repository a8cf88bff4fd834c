using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;
using Autotask.Billing.Tests.Mapping;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;

namespace Autotask.Billing.Tests.EndToEnd;

/// <summary>
/// The end-to-end money check of the demo month: after one compare and sync, what Autotask would invoice for October
/// (units in force on 31 October × their price on every contract, plus October's unbilled charges) equals the vendor's
/// total for the month at customer prices, to the cent.
/// </summary>
public sealed class DemoMonthMoneyTests : IDisposable
{
    private const string Source = "Generic";
    private static readonly DateTime Today = new(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime MonthEnd = new(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc);

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task After_the_demo_month_is_synced_autotask_invoices_october_for_exactly_the_vendors_total()
    {
        using var server = SandboxServer.Demo(new SandboxOptions { Today = Today });
        using var client = await server.ConnectAsync();
        var path = _folder.File("demo-export.csv");
        File.WriteAllText(path, DemoTenant.DemoExportCsv);
        var lines = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth) })
            .ReadFile(path, CancellationToken.None).Select(item => item.Transaction).OfType<Transaction>().ToList();
        var document = await MapAsync(client, lines);

        var run = new ContractComparer(client).Compare(lines, document, new CompareOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth) });
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        var plan = await SyncPlanner.PlanAsync(differences, new SyncContext(client, document.Settings, Today));
        var results = new List<SyncResult>();
        await SyncExecutor.ExecuteAsync(plan, plan.Operations.Select(op => op.OperationId), new SyncOptions { Force = true, JournalFolder = _folder.File("journal") }, results.Add);
        Assert.All(results, r => Assert.False(r.Status is SyncStatus.Failed or SyncStatus.NotRun, r.ToString()));

        var vendorRecurring = TransactionSummarizer.Summarize(lines.Where(t => t.ChargeType == ChargeType.Recurring), MonthEnd).Sum(s => s.Quantity * s.UnitPrice!.Value);
        var vendorCharges = lines.Where(t => t.ChargeType != ChargeType.Recurring).Sum(t => VendorPrices.ChargeTotals(document.Settings, t).Price!.Value);
        var (autotaskRecurring, autotaskCharges) = await OctoberInvoiceAsync(client);

        Assert.Equal((2234.45m, 570.45m), (vendorRecurring, vendorCharges));
        Assert.Equal((vendorRecurring, vendorCharges), (autotaskRecurring, autotaskCharges));
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<(decimal Recurring, decimal Charges)> OctoberInvoiceAsync(AutotaskClient client)
    {
        var contracts = await client.QueryAsync<Contract>(AutotaskQuery.Where(AutotaskFilter.Eq("contractType", Contract.RecurringServiceType)));
        var recurring = 0m;
        var charges = 0m;
        foreach (var contract in contracts)
        {
            foreach (var contractService in await client.QueryAsync<ContractService>(AutotaskQuery.Where(AutotaskFilter.Eq("contractID", contract.Id))))
            {
                var rows = await client.QueryAsync<ContractServiceUnit>(AutotaskQuery.Where(AutotaskFilter.Eq("contractServiceID", contractService.Id)));
                if (UnitsRowInForce.On(rows, MonthEnd) is { } row)
                {
                    recurring += (row.Units ?? 0) * (row.Price ?? 0m);
                }
            }

            charges += (await client.QueryAsync<ContractCharge>(AutotaskQuery.Where(AutotaskFilter.Eq("contractID", contract.Id))))
                .Where(c => c.IsBilled != true && c.DatePurchased?.Month == 10)
                .Sum(c => c.BillableAmount ?? 0m);
        }

        return (recurring, charges);
    }

    private async Task<MappingDocument> MapAsync(AutotaskClient client, IReadOnlyList<Transaction> lines)
    {
        var catalog = new AutotaskCatalogReader(client);
        using var store = MappingStore.Open(_folder.File("mapping.json"));
        var customers = await new ContractMappingAutoMatcher(catalog).MatchAsync(
            lines.Select(t => new VendorCustomer(t.Source, t.CustomerId, t.CustomerName, t.CustomerDomain)), store.Document);
        var skus = await new ServiceMappingAutoMatcher(catalog).MatchAsync(lines.Select(t => VendorSku.FromLine(t.Source, t.Sku, t.ChargeType)), store.Document);
        var settings = await new BillingSettingsResolver(catalog).ApplyAsync(store.Document.Settings, new BillingSettingsChange
        {
            RecurringBillingCode = "Cloud Services - Recurring",
            MaterialBillingCode = "Hardware",
            DefaultAccountManager = "alex.morgan",
            VendorCompanyNames = new Dictionary<string, string?> { [Source] = "Demo Distributor" },
            VendorPhones = new Dictionary<string, string?> { ["Demo Distributor"] = "+1 303 555 0100" },
        });
        var now = DateTime.UtcNow;
        store.Update(document => document
            .WithSettings(settings)
            .WithCustomers(customers.Matches.Select(m => m.Mapping).OfType<CustomerMapping>(), now)
            .WithCustomer(
                new CustomerMapping(Source, "4a8c9d76-91de-4dbb-9a6e-7c8d9e0f1a07")
                {
                    CustomerName = "Litware Inc", CompanyAction = MappingAction.Create, ContractAction = MappingAction.Create, Phone = "+1 425 555 0187",
                },
                now)
            .WithServices(skus.Matches.Select(m => m.Mapping).OfType<ServiceMapping>(), now)
            .WithService(new ServiceMapping(Source, "CFQ7TTC0RM8K") { Action = MappingAction.Create }, now)
            .WithService(new ServiceMapping(Source, "DZH318Z0BQ4L") { Action = MappingAction.Create }, now));
        return store.Document;
    }
}
