using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// A run stopped after any operation, or hit by throttling and lost responses, converges on a re-run to exactly the
/// state of an uninterrupted run: no duplicate record, charge or adjustment.
/// </summary>
public sealed class CrashAndFaultTests
{
    private static readonly Lazy<Task<IReadOnlyList<string>>> Reference = new(UninterruptedRunAsync);

    [Fact]
    public async Task The_scenario_plans_fifty_operations_and_applies_them_all()
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var (plan, summary, _) = await tenant.SyncAsync(FiftyOperationScenario.Seed(tenant));

        Assert.Equal(50, plan.Operations.Count);
        // Every kind a contract sync plans (the ones after UpdatePriceAndCost belong to the customer, catalog and quote pushes).
        Assert.Equal(Enum.GetValues<SyncOperationKind>().Count(static k => k <= SyncOperationKind.UpdatePriceAndCost), plan.Operations.Select(static op => op.Kind).Distinct().Count());
        Assert.Equal((50, 0), (summary.Applied, summary.ExitCode));
    }

    [Fact]
    public async Task A_run_stopped_after_any_operation_converges_on_a_fresh_rerun()
    {
        var reference = await Reference.Value;
        using var parallel = new SemaphoreSlim(4);
        var runs = Enumerable.Range(0, 50).Select(async stopAfter =>
        {
            await parallel.WaitAsync();
            try
            {
                return (stopAfter, await StopAndRerunAsync(stopAfter));
            }
            finally
            {
                parallel.Release();
            }
        });

        foreach (var (stopAfter, (cancelled, rerun, fingerprint)) in await Task.WhenAll(runs))
        {
            Assert.True(cancelled, $"stopping after {stopAfter}");
            Assert.Equal((0, 0, 0), (rerun.Failed, rerun.NotRun, rerun.ExitCode));
            Assert.Equal(reference, fingerprint);
        }
    }

    [Theory]
    [InlineData(SandboxFaultKind.RequestThresholdExceeded)]
    [InlineData(SandboxFaultKind.ThreadThresholdExceeded)]
    [InlineData(SandboxFaultKind.CommitThenDropConnection)]
    public async Task Faults_on_a_tenth_of_requests_change_nothing_in_the_end_state(SandboxFaultKind fault)
    {
        var reference = await Reference.Value;
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        tenant.Sandbox.Faults.FailRandomly(0.10, fault, seed: 42);

        var (_, summary, _) = await tenant.SyncAsync(differences, clientOptions: tenant.PatientOptions);

        Assert.Equal((50, 0), (summary.Applied, summary.ExitCode));
        Assert.True(tenant.Sandbox.Statistics.RequestLog.Count(static e => e.StatusCode is not 200) > 0 || fault == SandboxFaultKind.CommitThenDropConnection);
        Assert.Equal(reference, tenant.Fingerprint());
    }

    [Fact]
    public async Task All_three_faults_together_still_converge_without_duplicates()
    {
        var reference = await Reference.Value;
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        tenant.Sandbox.Faults.FailRandomly(0.10, SandboxFaultKind.RequestThresholdExceeded, seed: 1);
        tenant.Sandbox.Faults.FailRandomly(0.10, SandboxFaultKind.ThreadThresholdExceeded, seed: 2);
        tenant.Sandbox.Faults.FailRandomly(0.10, SandboxFaultKind.CommitThenDropConnection, seed: 3);

        var (_, summary, _) = await tenant.SyncAsync(differences, clientOptions: tenant.PatientOptions);

        Assert.Equal((0, 0), (summary.Failed, summary.NotRun));
        Assert.Equal(reference, tenant.Fingerprint());
    }

    /// <summary>Stops a run once it has reported <paramref name="stopAfter"/> outcomes, then re-runs the same differences.</summary>
    private static async Task<(bool Cancelled, SyncRunSummary Rerun, IReadOnlyList<string> Fingerprint)> StopAndRerunAsync(int stopAfter)
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        using var crash = new CancellationTokenSource();
        if (stopAfter == 0)
        {
            crash.Cancel();
        }

        // Responses of some writes are lost after Autotask committed them, as when a process dies mid-request.
        tenant.Sandbox.Faults.FailRandomly(0.15, SandboxFaultKind.CommitThenDropConnection, seed: stopAfter, method: "POST");
        var reported = 0;
        var (_, interrupted, _) = await tenant.SyncAsync(
            differences,
            onResult: _ =>
            {
                if (++reported == stopAfter)
                {
                    crash.Cancel();
                }
            },
            cancellationToken: crash.Token,
            clientOptions: tenant.PatientOptions);
        tenant.Sandbox.Faults.Clear();

        var (_, rerun, _) = await tenant.SyncAsync(differences);
        return (interrupted.Cancelled, rerun, tenant.Fingerprint());
    }

    private static async Task<IReadOnlyList<string>> UninterruptedRunAsync()
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        await tenant.SyncAsync(FiftyOperationScenario.Seed(tenant));
        return tenant.Fingerprint();
    }
}
