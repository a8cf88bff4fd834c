using Autotask.Billing.Crm;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Crm;

public sealed class SalesDocumentSyncTests
{
    private const long MaterialBillingCode = 29682710;
    private static readonly DateTime Today = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    private static SalesDocumentSyncOptions Options => new() { Today = Today, SalesReps = new Dictionary<string, string> { ["jsmith"] = "alex.morgan" } };

    private static (CrmTenant Tenant, long Company, long Dock, long Cable, long Switch) Seed()
    {
        var tenant = new CrmTenant();
        var company = tenant.InsertCompany("Bluebird Dental Group");
        tenant.Document = tenant.Document.WithCustomer(
            new CustomerMapping("ChannelOnline", "COL-1001") { CompanyAction = MappingAction.Existing, CompanyId = company, ContractAction = MappingAction.Create },
            DateTime.UtcNow);
        long Product(string sku) => tenant.Sandbox.Data.Insert("Products", new JObject
        {
            ["name"] = sku, ["sku"] = sku, ["productBillingCodeID"] = MaterialBillingCode, ["isActive"] = true, ["isSerialized"] = false,
        });
        return (tenant, company, Product("SURF-DOCK-2"), Product("CAB-CAT6-3M"), Product("USW-24"));
    }

    private static SalesDocument Document(string number, SalesDocumentType type, params SalesDocumentLine[] lines) =>
        new("ChannelOnline", number, "COL-1001", lines, type, "jsmith", "Net 30", "Ground", documentDate: Today);

    private static Task<(SalesDocumentSyncPlan Plan, SyncRunSummary Summary)> PushAsync(CrmTenant tenant, params SalesDocument[] documents) =>
        PushAsync(tenant, Options, documents);

    private static async Task<(SalesDocumentSyncPlan Plan, SyncRunSummary Summary)> PushAsync(CrmTenant tenant, SalesDocumentSyncOptions options, params SalesDocument[] documents)
    {
        using var client = await tenant.ConnectAsync();
        var plan = await SalesDocumentSyncPlanner.PlanAsync(documents, client, tenant.Document, options);
        var summary = await SalesDocumentSyncExecutor.ExecuteAsync(plan, plan.Operations.Select(op => op.OperationId), new SyncOptions { JournalFolder = tenant.JournalFolder });
        return (plan, summary);
    }

    [Fact]
    public async Task A_quote_becomes_an_opportunity_with_one_primary_quote_and_a_later_update_changes_only_its_items()
    {
        var (tenant, company, dock, cable, uswitch) = Seed();
        using var _ = tenant;
        var quote = Document("Q-1001", SalesDocumentType.Quote, new("SURF-DOCK-2", 2, 129m, 99m), new("CAB-CAT6-3M", 10, 4.5m, 1.2m));

        var (first, summary) = await PushAsync(tenant, quote);

        Assert.Equal(0, summary.Failed);
        Assert.Equal(
            new[] { SyncOperationKind.CreateOpportunity, SyncOperationKind.CreateQuote, SyncOperationKind.CreateQuoteItem, SyncOperationKind.CreateQuoteItem },
            first.Operations.Select(op => op.Kind));
        var opportunity = Assert.Single(tenant.All("Opportunities"));
        Assert.Equal(("Q-1001", company, 29682881L), ((string?)opportunity["title"], (long)opportunity["companyID"]!, (long)opportunity["ownerResourceID"]!));
        var saved = Assert.Single(tenant.All("Quotes"));
        Assert.True((bool)saved["primaryQuote"]!);
        Assert.Equal("Q-1001", (string?)saved["externalQuoteNumber"]);
        Assert.Equal(tenant.Sandbox.Data.PicklistValue("Quotes", "paymentTerm", "Net 30"), (int?)saved["paymentTerm"]);
        Assert.Equal(tenant.Sandbox.Data.PicklistValue("Quotes", "shippingType", "Ground"), (int?)saved["shippingType"]);
        Assert.Equal(new[] { dock, cable }, tenant.All("QuoteItems").OrderBy(i => (int?)i["sortOrderID"]).Select(i => (long)i["productID"]!));

        var writes = tenant.Writes;
        var (again, _) = await PushAsync(tenant, quote);
        Assert.Empty(again.Operations);
        Assert.Equal(1, again.DocumentsInStep);
        Assert.Equal(writes, tenant.Writes);

        var revised = Document("Q-1001", SalesDocumentType.Quote, new("SURF-DOCK-2", 3, 125m, 99m), new("USW-24", 1, 399m, 310m));
        var (update, updated) = await PushAsync(tenant, revised);

        Assert.Equal(0, updated.Failed);
        Assert.Equal(
            new[] { SyncOperationKind.UpdateQuoteItem, SyncOperationKind.CreateQuoteItem, SyncOperationKind.DeleteQuoteItem },
            update.Operations.Select(op => op.Kind));
        Assert.Single(tenant.All("Opportunities"));
        Assert.Single(tenant.All("Quotes"));
        var items = tenant.All("QuoteItems");
        Assert.Equal(new[] { dock, uswitch }, items.Select(i => (long)i["productID"]!).OrderBy(id => id));
        Assert.Equal(3m, (decimal)items.Single(i => (long)i["productID"]! == dock)["quantity"]!);
    }

    [Fact]
    public async Task A_sales_order_closes_its_opportunity_so_Autotask_opens_the_sales_order_once()
    {
        var (tenant, _, _, _, _) = Seed();
        using var __ = tenant;
        var order = Document("SO-2001", SalesDocumentType.SalesOrder, new SalesDocumentLine("SURF-DOCK-2", 1, 129m, 99m));

        var (plan, summary) = await PushAsync(tenant, order);

        Assert.Equal(0, summary.Failed);
        Assert.Equal(SyncOperationKind.UpdateOpportunity, plan.Operations[^1].Kind);
        var salesOrder = Assert.Single(tenant.All("SalesOrders"));
        var opportunity = Assert.Single(tenant.All("Opportunities"));
        Assert.Equal((long)opportunity["id"]!, (long)salesOrder["opportunityID"]!);
        Assert.Equal((long)salesOrder["id"]!, (long?)opportunity["salesOrderID"]);

        var (again, _) = await PushAsync(tenant, order);
        Assert.Empty(again.Operations);
        Assert.Single(tenant.All("SalesOrders"));
    }

    [Fact]
    public async Task A_sales_rep_stored_in_the_settings_owns_the_quote_and_a_run_mapping_overrides_it()
    {
        var (tenant, _, _, _, _) = Seed();
        using var _ = tenant;
        tenant.Document = tenant.Document.WithSettings(tenant.Document.Settings with
        {
            SalesReps = new Dictionary<string, string> { ["JSmith"] = "alex.morgan", ["kim"] = "alex.morgan" },
        });
        var line = new SalesDocumentLine("SURF-DOCK-2", 1, 129m, 99m);

        var (stored, summary) = await PushAsync(tenant, new SalesDocumentSyncOptions { Today = Today }, Document("Q-2001", SalesDocumentType.Quote, line));
        var (overridden, _) = await PushAsync(
            tenant,
            new SalesDocumentSyncOptions { Today = Today, SalesReps = new Dictionary<string, string> { ["kim"] = "nobody" } },
            new SalesDocument("ChannelOnline", "Q-2002", "COL-1001", new[] { line }, salesRep: "kim", paymentTerms: "Net 30"));

        Assert.Equal(0, summary.Failed);
        Assert.Null(stored.Operations.FirstOrDefault(op => op.Problem is not null));
        Assert.Equal(29682881L, (long)Assert.Single(tenant.All("Opportunities"))["ownerResourceID"]!);
        Assert.Contains("sales rep 'kim'", Assert.Single(overridden.Operations).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_are_held_back_with_the_reason_and_nothing_is_written()
    {
        var (tenant, _, _, _, _) = Seed();
        using var _ = tenant;
        var line = new SalesDocumentLine("SURF-DOCK-2", 1, 129m, 99m);
        var unsynced = new SalesDocument("ChannelOnline", "Q-1", "COL-9999", new[] { line }, salesRep: "jsmith", paymentTerms: "Net 30");
        var noTerms = new SalesDocument("ChannelOnline", "Q-2", "COL-1001", new[] { line }, salesRep: "jsmith");
        var unknownRep = new SalesDocument("ChannelOnline", "Q-3", "COL-1001", new[] { line }, salesRep: "nobody", paymentTerms: "Net 30");
        var unknownSku = new SalesDocument("ChannelOnline", "Q-4", "COL-1001", new[] { new SalesDocumentLine("NOPE", 1, 1m, 1m) }, salesRep: "alex.morgan", paymentTerms: "Net 30");

        var (plan, summary) = await PushAsync(tenant, unsynced, noTerms, unknownRep, unknownSku);

        Assert.Equal(4, summary.Failed);
        Assert.Equal(0, tenant.Writes);
        var problems = plan.Operations.Select(op => op.Problem!).ToList();
        Assert.Contains("not synced to Autotask yet", problems[0], StringComparison.Ordinal);
        Assert.Contains("no payment terms", problems[1], StringComparison.Ordinal);
        Assert.Contains("sales rep 'nobody'", problems[2], StringComparison.Ordinal);
        Assert.Contains("Sync-AtProduct", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_attached_to_an_existing_opportunity_adds_its_quote_there()
    {
        var (tenant, company, _, _, _) = Seed();
        using var _ = tenant;
        var existing = tenant.Sandbox.Data.Insert("Opportunities", new JObject
        {
            ["companyID"] = company, ["title"] = "Office refresh", ["ownerResourceID"] = CrmTenant.AccountManager, ["stage"] = 91, ["status"] = 1,
            ["probability"] = 40, ["projectedCloseDate"] = "2026-12-31T00:00:00", ["amount"] = 0, ["cost"] = 0,
        });
        var quote = new SalesDocument("ChannelOnline", "Q-3001", "COL-1001", new[] { new SalesDocumentLine("SURF-DOCK-2", 1, 129m, 99m) },
            salesRep: "jsmith", paymentTerms: "Net 15", opportunityId: existing);

        var (plan, summary) = await PushAsync(tenant, quote);

        Assert.Equal(0, summary.Failed);
        Assert.DoesNotContain(plan.Operations, op => op.Kind == SyncOperationKind.CreateOpportunity);
        Assert.Equal(existing, (long)Assert.Single(tenant.All("Quotes"))["opportunityID"]!);
    }
}
