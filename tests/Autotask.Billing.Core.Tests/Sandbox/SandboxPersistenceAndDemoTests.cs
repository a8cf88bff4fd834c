using System.Globalization;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

public sealed class SandboxPersistenceAndDemoTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sandbox-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Saved_state_loads_back_with_the_same_data_and_keeps_working()
    {
        var path = Path.Combine(_directory, "tenant.json");
        var original = AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options());
        original.Save(path);

        var loaded = AutotaskSandbox.Load(path, SandboxWireProtocolTests.Options());
        using var client = new RawSandboxClient(loaded, SandboxTransport.InProcess);
        var contract = (await client.QueryItemsAsync("Contracts", new { op = "beginsWith", field = "contractName", value = "Cloud services, Northwind" })).Single();
        var service = (await client.QueryItemsAsync("ContractServices", new { op = "eq", field = "contractID", value = (long)contract["id"]! })).First();
        var adjusted = await client.PostAsync("ATServicesRest/V1.0/ContractServiceAdjustments", new
        {
            contractID = (long)contract["id"]!, contractServiceID = (long)service["id"]!, effectiveDate = "2026-11-10", unitChange = -1,
        });

        Assert.Equal(original.ApiUser.Secret, loaded.ApiUser.Secret);
        Assert.Equal(original.DatabaseId, loaded.DatabaseId);
        foreach (var entity in new[] { "Companies", "Contacts", "Contracts", "ContractServices", "ContractCharges", "Services", "Products", "BillingCodes", "Resources" })
        {
            Assert.Equal(original.Data.All(entity).Select(e => e.ToString()), Enumerable.Take(loaded.Data.All(entity), original.Data.Count(entity)).Select(e => e.ToString()));
        }

        Assert.Equal(200, adjusted.StatusCode);
        Assert.Equal(original.Data.Count("ContractServiceUnits") + 1, loaded.Data.Count("ContractServiceUnits"));
    }

    [Fact]
    public async Task A_persist_path_saves_after_every_write()
    {
        var options = SandboxWireProtocolTests.Options();
        options.PersistPath = Path.Combine(_directory, "auto.json");
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(options), SandboxTransport.InProcess);

        var created = await client.PostAsync("ATServicesRest/V1.0/Companies", new { companyName = "Persisted Co", companyType = 1, phone = "555-0111", ownerResourceID = 29682881 });
        var reloaded = AutotaskSandbox.Load(options.PersistPath, SandboxWireProtocolTests.Options());

        Assert.Equal("Persisted Co", (string?)reloaded.Data.Get("Companies", (long)created.Json["itemId"]!)!["companyName"]);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp-*"));
    }

    [Fact]
    public void The_demo_export_matches_the_demo_tenant_apart_from_the_documented_differences()
    {
        var sandbox = AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options());
        var companies = sandbox.Data.All("Companies");
        var services = sandbox.Data.All("Services");
        var products = sandbox.Data.All("Products");
        var contracts = sandbox.Data.All("Contracts");
        var contractServices = sandbox.Data.All("ContractServices");
        var units = sandbox.Data.All("ContractServiceUnits");
        var lines = DemoTenant.DemoExportCsv.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var header = lines[0].ToList();
        string Cell(string[] line, string column) => line[header.IndexOf(column)];
        var documented = new HashSet<string>
        {
            "Fabrikam Logistics|CFQ7TTC0LDPB", "Northwind Traders|CFQ7TTC0LH18", "Tailspin Toys|CFQ7TTC0LH16", "Adventure Works Cycles|CFQ7TTC0RM8K",
            "Woodgrove Accounting|ACR-CPC-WS", "Litware Inc|CFQ7TTC0LH18", "Contoso Dental Group|SURF-DOCK-2", "Adventure Works Cycles|DZH318Z0BQ4L",
        };

        Assert.Equal("TransactionId,CustomerId,CustomerName,CustomerDomain,Sku,ProductName,Description,ChargeType,Category,Quantity,UnitPrice,UnitCost,Currency,ServiceStart,ServiceEnd,SubscriptionId,BillingCycle", string.Join(",", header));
        var differences = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var key = Cell(line, "CustomerName") + "|" + Cell(line, "Sku");
            var company = companies.SingleOrDefault(c => (string?)c["companyName"] == Cell(line, "CustomerName"));
            var service = services.SingleOrDefault(s => (string?)s["sku"] == Cell(line, "Sku"));
            var contract = company == null ? null : contracts.Single(c => (long)c["companyID"]! == (long)company["id"]!);
            var onContract = contract == null || service == null ? null
                : contractServices.SingleOrDefault(cs => (long)cs["contractID"]! == (long)contract["id"]! && (long)cs["serviceID"]! == (long)service["id"]!);
            var inForce = onContract == null ? null : units.Single(u => (long)u["contractServiceID"]! == (long)onContract["id"]! && (string)u["startDate"]! == "2026-10-01T00:00:00");
            var matches = company != null
                && ((string)company["webAddress"]!).Contains(Cell(line, "CustomerDomain"), StringComparison.OrdinalIgnoreCase)
                && inForce != null
                && (int)inForce["units"]! == int.Parse(Cell(line, "Quantity"), CultureInfo.InvariantCulture)
                && (decimal)inForce["price"]! == decimal.Parse(Cell(line, "UnitPrice"), CultureInfo.InvariantCulture)
                && (decimal)inForce["cost"]! == decimal.Parse(Cell(line, "UnitCost"), CultureInfo.InvariantCulture)
                && Cell(line, "ChargeType") == "Recurring";
            if (!matches)
            {
                differences.Add(key);
            }

            Assert.Equal("USD", Cell(line, "Currency"));
            Assert.StartsWith("2026-10-", Cell(line, "ServiceStart"), StringComparison.Ordinal);
        }

        Assert.Equal(documented.OrderBy(d => d), differences.OrderBy(d => d));
        Assert.Contains(products, p => (string?)p["sku"] == "SURF-DOCK-2");
        Assert.Contains(sandbox.Data.All("ContractCharges"), c => (bool)c["isBilled"]!);
    }

    [Fact]
    public void The_demo_export_file_in_the_repository_is_the_embedded_resource()
    {
        var file = Path.Combine(FindRepositoryRoot(), "src", "Autotask.Billing.Sandbox", "DemoTenant", "demo-export.csv");

        Assert.Equal(File.ReadAllText(file), DemoTenant.DemoExportCsv);
    }

    [Fact]
    public async Task An_empty_tenant_has_the_zero_company_standard_billing_codes_and_picklists_by_label()
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options()), SandboxTransport.InProcess);

        var fields = (await client.GetAsync("ATServicesRest/V1.0/Contracts/entityInformation/fields")).Json["fields"]!;
        var contractType = fields.Single(f => (string?)f["name"] == "contractType");
        var recurring = contractType["picklistValues"]!.Single(v => (string?)v["label"] == "Recurring Service");
        var codes = await client.QueryItemsAsync("BillingCodes", new { op = "eq", field = "isActive", value = true });
        var info = (await client.GetAsync("ATServicesRest/V1.0/ContractServiceAdjustments/entityInformation")).Json["info"]!;

        Assert.Equal("7", (string?)recurring["value"]);
        Assert.Equal(JTokenType.String, recurring["value"]!.Type);
        Assert.True((bool)contractType["isPickList"]!);
        Assert.Equal(JTokenType.Null, fields.Single(f => (string?)f["name"] == "contractName")["picklistValues"]!.Type);
        Assert.True(codes.Count >= 5);
        Assert.False((bool)info["canQuery"]!);
        Assert.NotNull(client.Sandbox.Data.Get("Companies", 0));
        Assert.Equal(2, client.Sandbox.Data.Count("Resources"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
