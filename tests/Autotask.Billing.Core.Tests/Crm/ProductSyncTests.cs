using Autotask.Billing.Crm;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Crm;

public sealed class ProductSyncTests
{
    private const long MaterialBillingCode = 29682710;

    private static CrmTenant Tenant() => new()
    {
        Document = MappingDocument.Empty.WithSettings(new BillingSettings { DefaultAccountManagerResourceId = CrmTenant.AccountManager, MaterialBillingCodeId = MaterialBillingCode }),
    };

    private static async Task<(ProductSyncPlan Plan, SyncRunSummary Summary)> PushAsync(CrmTenant tenant, IEnumerable<CrmProduct> products, ProductSyncOptions options)
    {
        using var client = await tenant.ConnectAsync();
        var plan = await ProductSyncPlanner.PlanAsync(products, client, tenant.Document, options);
        var results = new List<SyncResult>();
        var summary = await ProductSyncExecutor.ExecuteAsync(plan, plan.Operations.Select(op => op.OperationId), new SyncOptions(), r =>
        {
            lock (results)
            {
                results.Add(r);
            }
        });
        tenant.Document = ProductSyncExecutor.RecordPairings(tenant.Document, plan, results, DateTime.UtcNow);
        return (plan, summary);
    }

    [Fact]
    public async Task Products_are_created_with_manufacturer_category_and_vendor_and_a_rerun_writes_nothing()
    {
        using var tenant = Tenant();
        var vendor = tenant.Sandbox.Data.Insert("Companies", new JObject
        {
            ["companyName"] = "Ingram Micro", ["companyType"] = tenant.Sandbox.Data.PicklistValue("Companies", "companyType", "Vendor"),
            ["phone"] = "555-0190", ["ownerResourceID"] = CrmTenant.AccountManager,
        });
        var items = new[]
        {
            new CrmProduct("ChannelOnline", "UBNT-USW-24", "UniFi Switch 24", manufacturerName: "Ubiquiti", manufacturerPartNumber: "USW-24-POE",
                category: "Networking", subCategory: "Switches", vendorName: "Ingram Micro", vendorPartNumber: "IM-123", unitPrice: 399m, unitCost: 310m),
            new CrmProduct("ChannelOnline", "CABLE-CAT6", "Cat6 cable", category: "Cabling", unitPrice: 5m),
        };

        var (plan, summary) = await PushAsync(tenant, items, new ProductSyncOptions { SyncPrices = true, DefaultCategory = "Hardware" });

        Assert.Equal(2, summary.Applied);
        Assert.Contains("category 'Cabling' is not in Autotask, so the default category 'Hardware' is used", plan.Operations[1].Action);
        var products = tenant.All("Products");
        var unifi = products.Single(p => (string?)p["sku"] == "UBNT-USW-24");
        Assert.Equal(("Ubiquiti", "USW-24-POE", "IM-123"), ((string?)unifi["manufacturerName"], (string?)unifi["manufacturerProductName"], (string?)unifi["vendorProductNumber"]));
        Assert.Equal(tenant.Sandbox.Data.PicklistValue("Products", "productCategory", "Networking"), (int?)unifi["productCategory"]);
        Assert.Equal(vendor, (long?)unifi["defaultVendorID"]);
        Assert.Equal(399m, (decimal?)unifi["unitPrice"]);
        Assert.Equal(tenant.Sandbox.Data.PicklistValue("Products", "productCategory", "Hardware"), (int?)products.Single(p => (string?)p["sku"] == "CABLE-CAT6")["productCategory"]);
        Assert.Equal((long)unifi["id"]!, tenant.Document.FindService("ChannelOnline", "UBNT-USW-24")!.ProductId);

        var writes = tenant.Writes;
        var (again, _) = await PushAsync(tenant, items, new ProductSyncOptions { SyncPrices = true, DefaultCategory = "Hardware" });
        Assert.Empty(again.Operations);
        Assert.Equal(2, again.ProductsInStep);
        Assert.Equal(writes, tenant.Writes);
    }

    [Fact]
    public async Task Without_price_sync_no_price_is_written_and_an_existing_product_is_found_by_manufacturer_part_number()
    {
        using var tenant = Tenant();
        var existing = tenant.Sandbox.Data.Insert("Products", new JObject
        {
            ["name"] = "Old name", ["manufacturerProductName"] = "M365-BP", ["productBillingCodeID"] = MaterialBillingCode,
            ["unitPrice"] = 20m, ["isActive"] = true, ["isSerialized"] = false,
        });
        var items = new[] { new CrmProduct("Work365", "W365-BP", "Microsoft 365 Business Premium", manufacturerName: "Microsoft", manufacturerPartNumber: "M365-BP", unitPrice: 22m) };

        var (plan, summary) = await PushAsync(tenant, items, new ProductSyncOptions());

        var update = Assert.Single(plan.Operations);
        Assert.Equal(SyncOperationKind.UpdateProduct, update.Kind);
        Assert.DoesNotContain("price", update.Action, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, summary.Applied);
        var row = tenant.Sandbox.Data.Get("Products", existing)!;
        Assert.Equal("Microsoft 365 Business Premium", (string?)row["name"]);
        Assert.Equal(20m, (decimal?)row["unitPrice"]);
        Assert.Single(tenant.All("Products"), p => (string?)p["manufacturerProductName"] == "M365-BP");
    }
}
