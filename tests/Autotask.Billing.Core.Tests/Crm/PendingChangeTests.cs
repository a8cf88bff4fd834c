using Autotask.Billing.Crm;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Tests.Crm;

public sealed class PendingChangeTests
{
    private const long MaterialBillingCode = 29682710;

    private static CrmTenant Tenant() => new()
    {
        Document = MappingDocument.Empty.WithSettings(new BillingSettings { DefaultAccountManagerResourceId = CrmTenant.AccountManager, MaterialBillingCodeId = MaterialBillingCode }),
    };

    private static readonly CrmProduct[] Products =
    {
        new("Work365", "W365-BP", "Microsoft 365 Business Premium", manufacturerName: "Microsoft", manufacturerPartNumber: "CFQ7TTC0LCHC"),
        new("Work365", "W365-E3", "Office 365 E3", manufacturerName: "Microsoft", manufacturerPartNumber: "CFQ7TTC0LF8Q"),
    };

    private static readonly CrmCustomer[] Customers =
    {
        new("Work365", "A-1", "Alpha Dental", new[] { new CrmContact("Ann", "Lee", "ann@alpha.test", "555-0102", null, null, true) }, "555-0101"),
        new("Work365", "A-2", "Beta Legal", new[] { new CrmContact("Cy", "Diaz", "cy@beta.test", null, null, null, true) }, "555-0201"),
    };

    private static async Task<IReadOnlyList<PendingChange>> PendingAsync(CrmTenant tenant, CompanySyncOptions? companyOptions = null)
    {
        using var client = await tenant.ConnectAsync();
        return await PendingChangeReader.ReadAsync(client, tenant.Document, new PendingChangeRequest
        {
            Products = Products,
            Customers = Customers,
            CompanyOptions = companyOptions ?? new CompanySyncOptions { RequirePrimaryContact = true },
        });
    }

    private static async Task PushProductsAsync(CrmTenant tenant)
    {
        using var client = await tenant.ConnectAsync();
        var plan = await ProductSyncPlanner.PlanAsync(Products, client, tenant.Document, new ProductSyncOptions());
        var results = new List<SyncResult>();
        await ProductSyncExecutor.ExecuteAsync(plan, plan.Operations.Select(static op => op.OperationId), new SyncOptions { JournalFolder = tenant.JournalFolder }, r =>
        {
            lock (results)
            {
                results.Add(r);
            }
        });
        tenant.Document = ProductSyncExecutor.RecordPairings(tenant.Document, plan, results, DateTime.UtcNow);
    }

    [Fact]
    public async Task Changes_are_listed_products_first_then_customers_and_reading_writes_nothing()
    {
        using var tenant = Tenant();

        var pending = await PendingAsync(tenant);

        Assert.Equal(0, tenant.Writes);
        Assert.Equal(Enumerable.Range(1, pending.Count), pending.Select(static c => c.Step));
        Assert.Equal(2, pending.Count(static c => c.Stage == PushStage.Products));
        var lastProduct = pending.Last(static c => c.Stage == PushStage.Products).Step;
        Assert.All(pending.Where(static c => c.Stage != PushStage.Products), c => Assert.True(c.Step > lastProduct));
        Assert.Contains(pending, static c => c.Kind == SyncOperationKind.CreateCompany && c.Target.Contains("Alpha Dental", StringComparison.Ordinal));
        Assert.Contains(pending, static c => c.Kind == SyncOperationKind.CreateContact && c.Stage == PushStage.Customers);
        Assert.All(pending, static c => Assert.False(string.IsNullOrWhiteSpace(c.Action)));
    }

    [Fact]
    public async Task Once_pushed_in_order_and_journalled_nothing_is_pending_and_a_rerun_writes_nothing()
    {
        using var tenant = Tenant();
        Assert.NotEmpty(await PendingAsync(tenant));

        await PushProductsAsync(tenant);
        var afterProducts = await PendingAsync(tenant);
        Assert.DoesNotContain(afterProducts, static c => c.Stage == PushStage.Products);
        Assert.Contains(afterProducts, static c => c.Stage == PushStage.Customers);

        var (_, summary, _) = await tenant.PushAsync(Customers, new CompanySyncOptions { RequirePrimaryContact = true });
        Assert.Equal(0, summary.Failed);
        Assert.NotEmpty(Directory.GetFiles(tenant.JournalFolder));

        var writes = tenant.Writes;
        Assert.Empty(await PendingAsync(tenant));
        await PushProductsAsync(tenant);
        var (again, _, _) = await tenant.PushAsync(Customers, new CompanySyncOptions { RequirePrimaryContact = true });
        Assert.Empty(again.Operations);
        Assert.Equal(writes, tenant.Writes);
    }

    [Fact]
    public async Task A_customer_without_a_primary_contact_is_listed_with_the_reason_it_would_be_held_back()
    {
        using var tenant = Tenant();
        var noPrimary = new CrmCustomer("Work365", "A-3", "Gamma Labs", new[] { new CrmContact("Dan", "Fox", "dan@gamma.test") }, "555-0301");
        using var client = await tenant.ConnectAsync();

        var pending = await PendingChangeReader.ReadAsync(client, tenant.Document, new PendingChangeRequest
        {
            Customers = new[] { noPrimary },
            CompanyOptions = new CompanySyncOptions { RequirePrimaryContact = true },
        });

        var company = Assert.Single(pending, static c => c.Kind == SyncOperationKind.CreateCompany);
        Assert.Contains("primary contact", company.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, tenant.Writes);
    }

    [Fact]
    public async Task The_batches_push_in_order_with_their_own_executors_and_journal_and_a_second_push_has_nothing_to_do()
    {
        using var tenant = Tenant();
        var request = new PendingChangeRequest { Products = Products, Customers = Customers, CompanyOptions = new CompanySyncOptions { RequirePrimaryContact = true } };

        var pushed = await PushInOrderAsync(tenant, request);

        Assert.Equal(new[] { "Products", "Customers" }, pushed.Select(static b => b.Name));
        Assert.All(pushed, static b => Assert.Equal(0, b.Summary.Failed));
        Assert.Equal(2, Directory.GetFiles(tenant.JournalFolder, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(2, tenant.All("Products").Count(static p => ((string?)p["manufacturerName"]) == "Microsoft"));
        Assert.NotNull(tenant.Document.FindCustomer("Work365", "A-1")?.CompanyId);

        var writes = tenant.Writes;
        Assert.Empty(await PushInOrderAsync(tenant, request));
        Assert.Equal(writes, tenant.Writes);
    }

    [Fact]
    public async Task Planning_every_batch_without_executing_writes_nothing()
    {
        using var tenant = Tenant();
        using var client = await tenant.ConnectAsync();
        var request = new PendingChangeRequest { Products = Products, Customers = Customers };

        for (var index = 0; index < PendingChangeReader.BatchCount; index++)
        {
            _ = await PendingChangeReader.PlanBatchAsync(index, client, tenant.Document, request);
        }

        Assert.Equal(0, tenant.Writes);
        Assert.False(Directory.Exists(tenant.JournalFolder));
        Assert.Null(await PendingChangeReader.PlanBatchAsync(2, client, tenant.Document, request));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PendingChangeReader.PlanBatchAsync(3, client, tenant.Document, request));
    }

    /// <summary>What Sync-AtPendingChange does: plan each batch after the one before is applied, run it, record its pairings.</summary>
    private static async Task<List<(string Name, SyncRunSummary Summary)>> PushInOrderAsync(CrmTenant tenant, PendingChangeRequest request)
    {
        using var client = await tenant.ConnectAsync();
        var pushed = new List<(string, SyncRunSummary)>();
        for (var index = 0; index < PendingChangeReader.BatchCount; index++)
        {
            var batch = await PendingChangeReader.PlanBatchAsync(index, client, tenant.Document, request);
            if (batch is null || batch.Operations.Count == 0)
            {
                continue;
            }

            var results = new List<SyncResult>();
            var summary = await batch.ExecuteAsync(batch.Operations.Select(static op => op.OperationId), new SyncOptions { JournalFolder = tenant.JournalFolder }, r =>
            {
                lock (results)
                {
                    results.Add(r);
                }
            });
            tenant.Document = batch.RecordPairings(tenant.Document, results, DateTime.UtcNow);
            pushed.Add((batch.Name, summary));
        }

        return pushed;
    }

    [Theory]
    [InlineData(SyncOperationKind.CreateProduct, SyncOperationKind.CreateCompany)]
    [InlineData(SyncOperationKind.UpdateContact, SyncOperationKind.CreateContract)]
    [InlineData(SyncOperationKind.CreateContract, SyncOperationKind.AddContractService)]
    [InlineData(SyncOperationKind.AddContractService, SyncOperationKind.AdjustUnits)]
    [InlineData(SyncOperationKind.CreateService, SyncOperationKind.CreateCharge)]
    public void Stages_follow_work_365s_dependency_order(SyncOperationKind first, SyncOperationKind later) =>
        Assert.True(PendingChangeReader.StageOf(first) < PendingChangeReader.StageOf(later));
}
