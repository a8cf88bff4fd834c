using Autotask.Billing.Autotask;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// Creates that Autotask commits after the client gave up (a gateway 504 at once, or no answer before the client's
/// timeout): the client never sends them again. A commit that lands within one timeout after the client gave up is
/// confirmed by lookups in the same run; a later one is reported Unconfirmed, and the next run converges. Times are
/// scaled to a 1.5 s client timeout: "0.5 s" is 0.5 s, "5 s" (late, within the timeout) is 1.2 s, "60 s" (after the
/// confirm window) is 2.5 s.
/// </summary>
public sealed class LateCommitTests
{
    internal static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(1.5);

    internal static readonly string[] KeyedEndpoints =
    {
        "Companies", "Contracts", "Services", "Products", "ContractServices", "ContractCharges", "ContractServiceAdjustments",
    };

    private static readonly Lazy<Task<IReadOnlyList<string>>> Reference = new(UninterruptedRunAsync);

    [Theory]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, 500)]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, 1200)]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, 500)]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, 1200)]
    public async Task Creates_of_every_entity_committing_within_the_timeout_after_the_client_gave_up_are_confirmed_once(SandboxFaultKind kind, int lateMs)
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

    [Theory]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, "Companies")]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, "Contracts")]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, "Services")]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, "Products")]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, "ContractServices")]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, "ContractCharges")]
    [InlineData(SandboxFaultKind.CommitLateAfterGatewayTimeout, "ContractServiceAdjustments")]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, "Companies")]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, "Contracts")]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, "Services")]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, "Products")]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, "ContractServices")]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, "ContractCharges")]
    [InlineData(SandboxFaultKind.CommitLateWithoutAnswer, "ContractServiceAdjustments")]
    public async Task A_create_committing_after_the_confirm_window_is_unconfirmed_and_the_next_run_converges_without_a_duplicate(SandboxFaultKind kind, string endpoint)
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

    internal static AutotaskClientOptions ClientOptions(SyncTenant tenant) => tenant.Options with
    {
        RequestTimeout = ClientTimeout,
        ConfirmDelay = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>The sandbox counts from the request's arrival; without an answer the client gives up at its timeout.</summary>
    private static TimeSpan CommitDelay(SandboxFaultKind kind, int lateMs) =>
        TimeSpan.FromMilliseconds(lateMs) + (kind == SandboxFaultKind.CommitLateWithoutAnswer ? ClientTimeout : TimeSpan.Zero);

    internal static async Task LandedAsync(SyncTenant tenant)
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
