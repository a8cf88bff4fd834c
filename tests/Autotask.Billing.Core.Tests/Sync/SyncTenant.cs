using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// A sandbox tenant served over loopback HTTP for sync tests: seeding helpers that cost no HTTP, differences built as
/// Compare would, plan-and-apply shortcuts, and a fingerprint of everything sync can write (ids and timestamps left
/// out) to compare end states.
/// </summary>
internal sealed class SyncTenant : IDisposable
{
    public const long RecurringBillingCode = 29682700;
    public const long MaterialBillingCode = 29682710;
    public const long AccountManager = 29682881;
    public const string Vendor = "Intermedia";
    public const string VendorPhone = "+1 800 555 0142";

    private readonly SandboxServer _server;

    public SyncTenant(DateTime today, string variant = SandboxVariants.Default)
        : this(today, variant, server: null)
    {
    }

    public SyncTenant(DateTime today, Func<SandboxOptions, SandboxServer> server)
        : this(today, SandboxVariants.Default, server)
    {
    }

    private SyncTenant(DateTime today, string variant, Func<SandboxOptions, SandboxServer>? server)
    {
        Today = DateTime.SpecifyKind(today.Date, DateTimeKind.Utc);
        Variant = variant;
        var options = SandboxVariants.Options(variant, Today);
        _server = server?.Invoke(options) ?? SandboxServer.Empty(options);
    }

    /// <summary>The sandbox behaviour variant this tenant plays (<see cref="SandboxVariants"/>).</summary>
    public string Variant { get; }

    public DateTime Today { get; }

    public AutotaskSandbox Sandbox => _server.Sandbox;

    public static BillingSettings Settings { get; } = new()
    {
        RecurringBillingCodeId = RecurringBillingCode,
        MaterialBillingCodeId = MaterialBillingCode,
        DefaultAccountManagerResourceId = AccountManager,
        VendorCompanyNames = new Dictionary<string, string> { [Vendor] = Vendor },
    };

    public long Writes => Sandbox.Statistics.Endpoints.Sum(static e =>
        e.Kind(SandboxRequestKind.Create) + e.Kind(SandboxRequestKind.Update) + e.Kind(SandboxRequestKind.Delete));

    public Task<AutotaskClient> ConnectAsync() => _server.ConnectAsync();

    /// <summary>The test client options: millisecond retries and lookups.</summary>
    public AutotaskClientOptions Options => _server.Options;

    /// <summary>The test client options (millisecond retries) with more attempts, for runs under heavy fault injection.</summary>
    public AutotaskClientOptions PatientOptions => _server.Options with { MaxAttempts = 12 };

    public SyncContext Context(AutotaskClient client, BillingSettings? settings = null) =>
        new(client, settings ?? Settings, Today) { VendorPhones = new Dictionary<string, string> { [Vendor] = VendorPhone } };

    public async Task<SyncPlan> PlanAsync(IEnumerable<ContractDifference> differences, BillingSettings? settings = null)
    {
        using var client = await ConnectAsync();
        return await SyncPlanner.PlanAsync(differences, Context(client, settings));
    }

    /// <summary>Plans and applies everything with a fresh connection, as a new run of the module would.</summary>
    public async Task<(SyncPlan Plan, SyncRunSummary Summary, IReadOnlyList<SyncResult> Results)> SyncAsync(
        IEnumerable<ContractDifference> differences,
        SyncOptions? options = null,
        Func<SyncOperation, bool>? approve = null,
        Action<SyncResult>? onResult = null,
        CancellationToken cancellationToken = default,
        BillingSettings? settings = null,
        AutotaskClientOptions? clientOptions = null)
    {
        using var client = await _server.ConnectAsync(clientOptions);
        var plan = await SyncPlanner.PlanAsync(differences, Context(client, settings));
        var results = new List<SyncResult>();
        var summary = await SyncExecutor.ExecuteAsync(
            plan,
            plan.Operations.Where(op => approve?.Invoke(op) ?? true).Select(static op => op.OperationId),
            options ?? new SyncOptions(),
            result =>
            {
                results.Add(result);
                onResult?.Invoke(result);
            },
            null,
            cancellationToken);
        return (plan, summary, results);
    }

    public long Company(string name, string phone = "555-0199") => Sandbox.Data.Insert("Companies", new JObject
    {
        ["companyName"] = name, ["companyType"] = 1, ["isActive"] = true, ["phone"] = phone, ["ownerResourceID"] = AccountManager,
    });

    public long Service(string name, decimal unitPrice = 0m) => Sandbox.Data.Insert("Services", new JObject
    {
        ["name"] = name, ["periodType"] = 1, ["unitPrice"] = unitPrice, ["billingCodeID"] = RecurringBillingCode, ["isActive"] = true,
    });

    public long Contract(long companyId, string name, DateTime start) => Sandbox.Data.Insert("Contracts", new JObject
    {
        ["companyID"] = companyId, ["contractName"] = name, ["contractType"] = 7, ["status"] = 1, ["contractPeriodType"] = 1,
        ["startDate"] = Date(start), ["endDate"] = Date(start.AddYears(10)), ["timeReportingRequiresStartAndStopTimes"] = 0,
    });

    /// <summary>Puts the service on the contract with units from the date (as an adjustment would); returns the contract service.</summary>
    public long Units(long contractId, long serviceId, DateTime from, int units, decimal? price = null, decimal? cost = null)
    {
        Sandbox.Data.AddAdjustment(contractId, serviceId, from, units, price, cost);
        return Sandbox.Data.All("ContractServices")
            .Single(row => (long)row["contractID"]! == contractId && (long)row["serviceID"]! == serviceId)
            .Value<long>("id");
    }

    public static string Date(DateTime date) => date.ToString("yyyy-MM-dd'T'00:00:00", System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<JObject> Rows(string entity) => Sandbox.Data.All(entity);

    /// <summary>Everything sync writes, by names instead of ids, sorted: equal fingerprints mean equal end states.</summary>
    public IReadOnlyList<string> Fingerprint() => SandboxFingerprint.Of(Sandbox);

    public void Dispose() => _server.Dispose();
}
