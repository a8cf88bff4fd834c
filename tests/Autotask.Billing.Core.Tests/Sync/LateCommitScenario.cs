using Autotask.Billing.Autotask;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// Creates that Autotask commits after the client gave up (a gateway 504 at once, or no answer before the client's
/// timeout): the client never sends them again. A commit that lands within one timeout after the client gave up is
/// confirmed by lookups in the same run; a later one is reported Unconfirmed, and the next run converges. Times are
/// scaled to a 1.5 s client timeout: "0.5 s" is 0.5 s, "5 s" (late, within the timeout) is 1.2 s, "60 s" (after the
/// confirm window) is 2.5 s. The two fault kinds run as two test classes, in parallel.
/// </summary>
internal static class LateCommitScenario
{
    internal static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(1.5);

    internal static readonly string[] KeyedEndpoints =
    {
        "Companies", "Contracts", "Services", "Products", "ContractServices", "ContractCharges", "ContractServiceAdjustments",
    };

    private static readonly Lazy<Task<IReadOnlyList<string>>> Reference = new(UninterruptedRunAsync);

    public static async Task WithinTheTimeoutAsync(SandboxFaultKind kind, int lateMs)
    {
        var reference = await Reference.Value;
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        foreach (var endpoint in KeyedEndpoints)
        {
            tenant.Sandbox.Faults.CommitLate(1, kind, CommitDelay(kind, lateMs), endpoint, "POST");
        }

        var (_, summary, _) = await tenant.SyncAsync(differences, clientOptions: ClientOptions(tenant));
        await LandedAsync(tenant);

        Assert.Equal(KeyedEndpoints, KeyedEndpoints.Where(endpoint => LateAnswers(tenant, endpoint) == 1));
        Assert.Equal((50, 0, 0, 0), (summary.Applied, summary.Unconfirmed, summary.Failed, summary.ExitCode));
        Assert.Equal(reference, tenant.Fingerprint());
    }

    public static async Task AfterTheConfirmWindowAsync(SandboxFaultKind kind, string endpoint)
    {
        var reference = await Reference.Value;
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        tenant.Sandbox.Faults.CommitLate(1, kind, CommitDelay(kind, 2500), endpoint, "POST");

        var (_, first, results) = await tenant.SyncAsync(differences, clientOptions: ClientOptions(tenant));

        var unconfirmed = Assert.Single(results, static r => r.Status == SyncStatus.Unconfirmed);
        Assert.Equal(endpoint, unconfirmed.Entity);
        Assert.Contains("unconfirmed", unconfirmed.Reason);
        Assert.Contains("next sync looks for it", unconfirmed.Reason);
        Assert.Equal((1, 0, 1), (first.Unconfirmed, first.Failed, first.ExitCode));

        await LandedAsync(tenant);
        Assert.Equal(1, LateAnswers(tenant, endpoint));
        var (_, second, _) = await tenant.SyncAsync(differences, clientOptions: ClientOptions(tenant));

        Assert.Equal((0, 0, 0, 0), (second.Failed, second.NotRun, second.Unconfirmed, second.ExitCode));
        Assert.Equal(reference, tenant.Fingerprint());
    }

    private static AutotaskClientOptions ClientOptions(SyncTenant tenant) => tenant.Options with
    {
        RequestTimeout = ClientTimeout,
        ConfirmDelay = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>The sandbox counts from the request's arrival; without an answer the client gives up at its timeout.</summary>
    private static TimeSpan CommitDelay(SandboxFaultKind kind, int lateMs) =>
        TimeSpan.FromMilliseconds(lateMs) + (kind == SandboxFaultKind.CommitLateWithoutAnswer ? ClientTimeout : TimeSpan.Zero);

    private static async Task LandedAsync(SyncTenant tenant)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (tenant.Sandbox.Faults.LateCommitsPending > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, tenant.Sandbox.Faults.LateCommitsPending);
    }

    /// <summary>Creates at the endpoint answered 504 or not at all (the late-commit faults).</summary>
    private static int LateAnswers(SyncTenant tenant, string endpoint) =>
        tenant.Sandbox.Statistics.RequestLog.Count(e => e.Endpoint == endpoint && e.Kind == SandboxRequestKind.Create && e.StatusCode is 504 or 0);

    private static async Task<IReadOnlyList<string>> UninterruptedRunAsync()
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        await tenant.SyncAsync(FiftyOperationScenario.Seed(tenant));
        return tenant.Fingerprint();
    }
}
