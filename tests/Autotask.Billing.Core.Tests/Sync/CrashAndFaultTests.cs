using System.Collections.Concurrent;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// A run stopped after any operation, or hit by throttling and lost responses, converges on a re-run to exactly the
/// state of an uninterrupted run: no duplicate record, charge or adjustment. In every sandbox behaviour variant
/// (<see cref="SandboxVariants"/>): where Autotask ignores a price or cost write the operation says NotApplied, and the
/// only thing a re-run adds is its one new attempt at that write (an adjustment of 0 units that bills nothing).
/// </summary>
public sealed class CrashAndFaultTests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>> References = new();

    public static TheoryData<string> Variants => SandboxVariants.Disjoint;

    public static TheoryData<string> TouchingVariants => SandboxVariants.Touching;

    [Theory]
    [MemberData(nameof(TouchingVariants))]
    public Task The_scenario_plans_fifty_operations_and_applies_them_all_when_unit_rows_touch(string variant) =>
        The_scenario_plans_fifty_operations_and_applies_them_all(variant);

    [Theory]
    [MemberData(nameof(TouchingVariants))]
    public Task A_run_stopped_after_any_operation_converges_on_a_fresh_rerun_when_unit_rows_touch(string variant) =>
        A_run_stopped_after_any_operation_converges_on_a_fresh_rerun(variant);

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_scenario_plans_fifty_operations_and_applies_them_all(string variant)
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today, variant);
        var (plan, summary, results) = await tenant.SyncAsync(FiftyOperationScenario.Seed(tenant));

        Assert.Equal(50, plan.Operations.Count);
        // Every kind a contract sync plans (the ones after UpdatePriceAndCost belong to the customer, catalog and quote pushes).
        Assert.Equal(Enum.GetValues<SyncOperationKind>().Count(static k => k <= SyncOperationKind.UpdatePriceAndCost), plan.Operations.Select(static op => op.Kind).Distinct().Count());
        var notApplied = results.Where(static r => r.Status == SyncStatus.NotApplied).ToList();
        Assert.All(notApplied, static r => Assert.Equal((SyncOperationKind.UpdatePriceAndCost, SyncReasonCode.IgnoredByAutotask), (r.OperationKind, r.ReasonCode)));
        Assert.All(notApplied, static r => Assert.Contains("Autotask bills", r.Reason, StringComparison.Ordinal));
        if (SandboxVariants.TakesCosts(variant))
        {
            Assert.Equal((50, 0), (summary.Applied, summary.ExitCode));
        }
        else
        {
            Assert.NotEmpty(notApplied);
            Assert.Equal((50, 1), (summary.Applied + summary.NotApplied, summary.ExitCode));
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_run_stopped_after_any_operation_converges_on_a_fresh_rerun(string variant)
    {
        var reference = await ReferenceAsync(variant);
        using var parallel = new SemaphoreSlim(4);

        // Every stopping point in the default variant; every seventh in the others, to keep the machine's load sane.
        var stops = Enumerable.Range(0, 50).Where(stop => variant == SandboxVariants.Default || stop % 7 == 0);
        var runs = stops.Select(async stopAfter =>
        {
            await parallel.WaitAsync();
            try
            {
                return (stopAfter, await StopAndRerunAsync(stopAfter, variant));
            }
            finally
            {
                parallel.Release();
            }
        });

        foreach (var (stopAfter, (cancelled, rerun, fingerprint)) in await Task.WhenAll(runs))
        {
            Assert.True(cancelled, $"stopping after {stopAfter}");
            Assert.Equal((0, 0), (rerun.Failed, rerun.NotRun));
            Assert.Equal(SandboxVariants.TakesCosts(variant) ? 0 : 1, rerun.ExitCode);
            if (SandboxVariants.TakesCosts(variant))
            {
                Assert.Equal(reference, fingerprint);
            }
            else
            {
                Assert.Equal(BillingState(reference), BillingState(fingerprint));
                Assert.True(IgnoredAttempts(fingerprint) <= IgnoredAttempts(reference) * 2, $"stopping after {stopAfter}: one new attempt per run at most");
            }
        }
    }

    [Theory]
    [InlineData(SandboxFaultKind.RequestThresholdExceeded)]
    [InlineData(SandboxFaultKind.ThreadThresholdExceeded)]
    [InlineData(SandboxFaultKind.CommitThenDropConnection)]
    public async Task Faults_on_a_tenth_of_requests_change_nothing_in_the_end_state(SandboxFaultKind fault)
    {
        var reference = await ReferenceAsync(SandboxVariants.Default);
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
        var reference = await ReferenceAsync(SandboxVariants.Default);
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
    private static async Task<(bool Cancelled, SyncRunSummary Rerun, IReadOnlyList<string> Fingerprint)> StopAndRerunAsync(int stopAfter, string variant)
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today, variant);
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

    private static Task<IReadOnlyList<string>> ReferenceAsync(string variant) =>
        References.GetOrAdd(variant, v => new Lazy<Task<IReadOnlyList<string>>>(() => UninterruptedRunAsync(v))).Value;

    private static async Task<IReadOnlyList<string>> UninterruptedRunAsync(string variant)
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today, variant);
        await tenant.SyncAsync(FiftyOperationScenario.Seed(tenant));
        return tenant.Fingerprint();
    }

    /// <summary>The end state without the adjustments of 0 units that Autotask ignored (they bill nothing).</summary>
    private static IReadOnlyList<string> BillingState(IReadOnlyList<string> fingerprint) =>
        fingerprint.Where(line => !IsIgnoredAttempt(line)).ToList();

    private static int IgnoredAttempts(IReadOnlyList<string> fingerprint) => fingerprint.Count(IsIgnoredAttempt);

    // Adjustment|contract|service|date|unitChange|price|cost: a 0-unit adjustment is a price or cost write.
    private static bool IsIgnoredAttempt(string line) => line.StartsWith("Adjustment|", StringComparison.Ordinal) && line.Split('|')[4] == "0";
}
