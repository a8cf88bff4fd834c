using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Tests.Autotask;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>The demo tenant against the demo export: exactly the differences documented in DemoTenant.cs.</summary>
public sealed class DemoTenantComparisonTests : IDisposable
{
    private readonly SandboxServer _server = SandboxServer.Demo(new SandboxOptions { Today = CompareTenant.Day(2026, 11, 5) });
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task The_demo_export_against_the_demo_tenant_finds_exactly_the_documented_differences()
    {
        var lines = ReadDemoExport();
        var mapping = DemoMapping(lines);
        using var client = await _server.ConnectAsync();

        var run = new ContractComparer(client).Compare(lines, mapping, new CompareOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth) });
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        var found = differences.Select(d => (d.Kind, d.CustomerName, d.Sku)).OrderBy(d => d.CustomerName).ThenBy(d => d.Sku).ToList();
        Assert.Equal(
            new[]
            {
                (DifferenceKind.MissingService, "Adventure Works Cycles", "CFQ7TTC0RM8K"),
                (DifferenceKind.MissingProduct, "Adventure Works Cycles", "DZH318Z0BQ4L"),
                (DifferenceKind.OneTimeCharge, "Contoso Dental Group", "SURF-DOCK-2"),
                (DifferenceKind.QuantityChange, "Fabrikam Logistics", "CFQ7TTC0LDPB"),
                (DifferenceKind.UnmappedCustomer, "Litware Inc", "CFQ7TTC0LH18"),
                (DifferenceKind.QuantityChange, "Northwind Traders", "CFQ7TTC0LH18"),
                (DifferenceKind.NewService, "Tailspin Toys", "CFQ7TTC0LH16"),
                (DifferenceKind.PriceChange, "Woodgrove Accounting", "ACR-CPC-WS"),
            },
            found);
        var byKind = differences.ToLookup(d => d.Kind);
        Assert.Equal(3m, byKind[DifferenceKind.QuantityChange].Single(d => d.CustomerName == "Fabrikam Logistics").QuantityDelta);
        Assert.Equal(-4m, byKind[DifferenceKind.QuantityChange].Single(d => d.CustomerName == "Northwind Traders").QuantityDelta);
        var price = byKind[DifferenceKind.PriceChange].Single();
        Assert.Equal((6.50m, 6.95m, 4.25m, 4.60m), (price.AutotaskUnitPrice!.Value, price.TargetUnitPrice!.Value, price.AutotaskUnitCost!.Value, price.TargetUnitCost!.Value));
        Assert.Equal((312.45m, 284.05m), (byKind[DifferenceKind.MissingProduct].Single().OneTimeRevenueImpact, byKind[DifferenceKind.MissingProduct].Single().OneTimeCostImpact));
        Assert.NotNull(byKind[DifferenceKind.UnmappedCustomer].Single().Suggestions);
        Assert.All(differences.Where(d => d.Kind is DifferenceKind.QuantityChange or DifferenceKind.NewService), d => Assert.Equal(CompareTenant.Day(2026, 10, 1), d.EffectiveDate));
        Assert.Equal(8, run.Summary.Differences);
        Assert.Equal(7, run.Summary.Actionable);
        Assert.Equal(CompareTenant.Day(2026, 10, 31), run.Summary.AsOf);
        Assert.InRange(run.Summary.AutotaskRequests, run.Summary.MinimumRequests - 3, run.Summary.RequestAllowance);
    }

    [Fact]
    public async Task Without_matches_asked_for_the_demo_finds_every_other_difference_exactly_as_with_them()
    {
        // Services in step are decided before a difference is drafted when no Match is asked for: what is found must
        // be, property by property and in order, what a run asking for matches finds besides its matches.
        var lines = ReadDemoExport();
        var mapping = DemoMapping(lines);
        using var client = await _server.ConnectAsync();

        var quiet = await Differences(client, lines, mapping, includeMatch: false);
        var asked = await Differences(client, lines, mapping, includeMatch: true);

        Assert.Contains(asked, d => d.Kind == DifferenceKind.Match);
        Assert.DoesNotContain(quiet, d => d.Kind == DifferenceKind.Match);
        Assert.Equal(8, quiet.Count);
        Assert.Equal(asked.Where(d => d.Kind != DifferenceKind.Match).Select(Dump), quiet.Select(Dump));
    }

    private static async Task<List<ContractDifference>> Differences(
        AutotaskClient client, IReadOnlyList<Transaction> lines, MappingDocument mapping, bool includeMatch)
    {
        var run = new ContractComparer(client).Compare(
            lines, mapping, new CompareOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth), IncludeMatch = includeMatch });
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        return differences;
    }

    private static string Dump(ContractDifference difference) =>
        string.Join("\n", typeof(ContractDifference).GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + Text(p.GetValue(difference))));

    private static string Text(object? value) =>
        value is System.Collections.IEnumerable items and not string
            ? "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]"
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private List<Transaction> ReadDemoExport()
    {
        var path = _folder.File("demo-export.csv");
        File.WriteAllText(path, DemoTenant.DemoExportCsv);
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth) });
        return reader.ReadFile(path, CancellationToken.None).Select(item => item.Transaction).OfType<Transaction>().ToList();
    }

    // What an admin maps after the first run: every customer the tenant has (Litware has no company), every SKU of
    // the catalog by its SKU field, the dock to its product, and Teams Premium to a service sync is to create.
    private MappingDocument DemoMapping(IReadOnlyList<Transaction> lines)
    {
        var data = _server.Sandbox.Data;
        var companies = data.All("Companies").ToDictionary(c => (string)c["companyName"]!, c => (long)c["id"]!);
        var contracts = data.All("Contracts").ToDictionary(c => (long)c["companyID"]!, c => (long)c["id"]!);
        var customers = lines
            .GroupBy(t => t.CustomerId)
            .Where(g => companies.ContainsKey(g.First().CustomerName))
            .Select(g => new CustomerMapping(g.First().Source, g.Key)
            {
                CompanyAction = MappingAction.Existing,
                CompanyId = companies[g.First().CustomerName],
                ContractAction = MappingAction.Existing,
                ContractId = contracts[companies[g.First().CustomerName]],
            });
        var source = lines[0].Source;
        var services = data.All("Services").Select(s => new ServiceMapping(source, (string)s["sku"]!) { ServiceId = (long)s["id"]! })
            .Append(new ServiceMapping(source, "SURF-DOCK-2") { ProductId = (long)data.All("Products").Single(p => (string?)p["sku"] == "SURF-DOCK-2")["id"]! })
            .Append(new ServiceMapping(source, "CFQ7TTC0RM8K") { Action = MappingAction.Create })
            .Append(new ServiceMapping(source, "DZH318Z0BQ4L") { Action = MappingAction.Create });
        return new MappingDocument(BillingSettings.Default with { MaterialBillingCodeId = 29682710 }, customers, services);
    }

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }
}
