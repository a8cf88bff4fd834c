using Autotask.Billing.Autotask;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// Creates that Autotask commits after the client gave up (a gateway 504 at once, or no answer before the client's
/// 1.5 s timeout): the client never sends them again. A commit that lands within the confirm window is confirmed by
/// lookups in the same run; a later one is reported Unconfirmed, and the next run converges. The sandbox commits each
/// create only when the test releases it (<see cref="SandboxLateCommit"/>), so what lands when is ordered, not raced:
/// within the window, the commit is released 0.5 s or 1.2 s (scaled from 0.5 s and 5 s) after the client logged that it
/// gave up, with a window (30 s) far beyond that; after the window, it is released once the first run has ended, with
/// the default window (the request timeout). The two fault kinds run as two test classes, in parallel.
/// </summary>
internal static class LateCommitScenario
{
    internal static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>How long the within-the-window runs keep looking; the commits land 0.5 s or 1.2 s into it.</summary>
    internal static readonly TimeSpan WideConfirmWindow = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LandingTimeout = TimeSpan.FromSeconds(30);

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
        var commits = KeyedEndpoints.ToDictionary(e => e, e => tenant.Sandbox.Faults.CommitWhenReleased(kind, e, "POST"));
        try
        {
            var gaveUp = new ReleaseWhenTheClientGivesUp(commits, TimeSpan.FromMilliseconds(lateMs));
            var options = ClientOptions(tenant) with { ConfirmWindow = WideConfirmWindow, RequestLog = gaveUp };

            var (_, summary, _) = await tenant.SyncAsync(differences, clientOptions: options);
            await Task.WhenAll(commits.Values.Select(static c => c.Landed)).WaitAsync(LandingTimeout);

            Assert.Equal(KeyedEndpoints.OrderBy(static e => e, StringComparer.Ordinal), gaveUp.GaveUp);
            Assert.Equal(KeyedEndpoints, KeyedEndpoints.Where(endpoint => LateAnswers(tenant, endpoint) == 1));
            Assert.Equal((50, 0, 0, 0), (summary.Applied, summary.Unconfirmed, summary.Failed, summary.ExitCode));
            Assert.Equal(reference, tenant.Fingerprint());
        }
        finally
        {
            foreach (var commit in commits.Values)
            {
                commit.Dispose();
            }
        }
    }

    public static async Task AfterTheConfirmWindowAsync(SandboxFaultKind kind, string endpoint)
    {
        var reference = await Reference.Value;
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        using var commit = tenant.Sandbox.Faults.CommitWhenReleased(kind, endpoint, "POST");

        var (_, first, results) = await tenant.SyncAsync(differences, clientOptions: ClientOptions(tenant));

        var unconfirmed = Assert.Single(results, static r => r.Status == SyncStatus.Unconfirmed);
        Assert.Equal(endpoint, unconfirmed.Entity);
        Assert.Contains("unconfirmed", unconfirmed.Reason);
        Assert.Contains("next sync looks for it", unconfirmed.Reason);
        Assert.Equal((1, 0, 1), (first.Unconfirmed, first.Failed, first.ExitCode));

        // The run has ended, so its confirm window has: only now does Autotask commit the create.
        commit.Release();
        await commit.Landed.WaitAsync(LandingTimeout);
        Assert.Equal(1, LateAnswers(tenant, endpoint));
        var (_, second, _) = await tenant.SyncAsync(differences, clientOptions: ClientOptions(tenant));

        Assert.Equal((0, 0, 0, 0), (second.Failed, second.NotRun, second.Unconfirmed, second.ExitCode));
        Assert.Equal(reference, tenant.Fingerprint());
    }

    /// <summary>The confirm window is left at its default, the request timeout, unless a test widens it.</summary>
    private static AutotaskClientOptions ClientOptions(SyncTenant tenant) => tenant.Options with
    {
        RequestTimeout = ClientTimeout,
        ConfirmDelay = TimeSpan.FromMilliseconds(100),
    };

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
