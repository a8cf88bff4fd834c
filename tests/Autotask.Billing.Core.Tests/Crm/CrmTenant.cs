using Autotask.Billing.Autotask;
using Autotask.Billing.Crm;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;
using Autotask.Billing.Tests.Mapping;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Crm;

/// <summary>
/// A sandbox over loopback with a mapping store and journal folder on disk, for customer, catalog and sales-document
/// pushes: plan, approve all (or some), execute, record pairings in the store, as the cmdlets do.
/// </summary>
internal sealed class CrmTenant : IDisposable
{
    public const long AccountManager = 29682881;

    private readonly SandboxServer _server;
    private readonly TemporaryFolder _folder = new();

    public CrmTenant(SandboxServer? server = null)
    {
        _server = server ?? SandboxServer.Empty();
        Document = MappingDocument.Empty.WithSettings(new BillingSettings { DefaultAccountManagerResourceId = AccountManager });
    }

    public AutotaskSandbox Sandbox => _server.Sandbox;

    public SandboxServer Server => _server;

    public MappingDocument Document { get; set; }

    public string JournalFolder => _folder.File("journal");

    public string File(string name) => _folder.File(name);

    public long Writes => Sandbox.Statistics.Endpoints.Sum(static e =>
        e.Kind(SandboxRequestKind.Create) + e.Kind(SandboxRequestKind.Update) + e.Kind(SandboxRequestKind.Delete));

    public Task<AutotaskClient> ConnectAsync() => _server.ConnectAsync();

    public async Task<CompanySyncPlan> PlanAsync(IEnumerable<CrmCustomer> customers, CompanySyncOptions? options = null)
    {
        using var client = await ConnectAsync();
        return await CompanySyncPlanner.PlanAsync(customers, client, Document, options ?? new CompanySyncOptions());
    }

    public async Task<(CompanySyncPlan Plan, SyncRunSummary Summary, IReadOnlyList<SyncResult> Results)> PushAsync(
        IEnumerable<CrmCustomer> customers, CompanySyncOptions? options = null, Func<SyncOperation, bool>? approve = null,
        AutotaskClientOptions? clientOptions = null)
    {
        using var client = await _server.ConnectAsync(clientOptions);
        var plan = await CompanySyncPlanner.PlanAsync(customers, client, Document, options ?? new CompanySyncOptions());
        var results = new List<SyncResult>();
        var summary = await CompanySyncExecutor.ExecuteAsync(
            plan,
            plan.Operations.Where(op => approve?.Invoke(op) ?? true).Select(static op => op.OperationId),
            new SyncOptions { JournalFolder = JournalFolder },
            result =>
            {
                lock (results)
                {
                    results.Add(result);
                }
            });
        Document = CompanySyncExecutor.RecordPairings(Document, plan, results, DateTime.UtcNow);
        return (plan, summary, results);
    }

    public IReadOnlyList<JObject> All(string entity) => Sandbox.Data.All(entity);

    /// <summary>The customers' companies: every company but the tenant's own (id 0).</summary>
    public IReadOnlyList<JObject> Companies() => Sandbox.Data.All("Companies").Where(static c => (long)c["id"]! != 0).ToList();

    public long InsertCompany(string name, string phone = "555-0100") => Sandbox.Data.Insert("Companies", new JObject
    {
        ["companyName"] = name,
        ["companyType"] = Sandbox.Data.PicklistValue("Companies", "companyType", "Customer"),
        ["isActive"] = true,
        ["phone"] = phone,
        ["ownerResourceID"] = AccountManager,
    });

    public long InsertContact(long companyId, string first, string last, string? email, string? phone = null, bool primary = false) =>
        Sandbox.Data.Insert("Contacts", new JObject
        {
            ["companyID"] = companyId,
            ["firstName"] = first,
            ["lastName"] = last,
            ["emailAddress"] = email,
            ["phone"] = phone,
            ["primaryContact"] = primary,
            ["isActive"] = 1,
        });

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }
}
