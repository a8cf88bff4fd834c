using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// 10 % and 30 % of all requests hit by throttling, thread-threshold errors, server faults or dropped connections:
/// the run (and, where a create was refused or left unconfirmed, one re-run without faults) ends in exactly the state
/// of an undisturbed run, with no duplicate.
/// </summary>
public sealed class FaultRateTests
{
    private static readonly Lazy<Task<IReadOnlyList<string>>> Reference = new(UninterruptedRunAsync);

    [Theory]
    [InlineData(0.10, SandboxFaultKind.RequestThresholdExceeded)]
    [InlineData(0.30, SandboxFaultKind.RequestThresholdExceeded)]
    [InlineData(0.10, SandboxFaultKind.ThreadThresholdExceeded)]
    [InlineData(0.30, SandboxFaultKind.ThreadThresholdExceeded)]
    [InlineData(0.10, SandboxFaultKind.InternalServerError)]
    [InlineData(0.30, SandboxFaultKind.InternalServerError)]
    [InlineData(0.10, SandboxFaultKind.CommitThenDropConnection)]
    [InlineData(0.30, SandboxFaultKind.CommitThenDropConnection)]
    public async Task Faults_on_a_share_of_all_requests_end_in_the_undisturbed_state_without_duplicates(double rate, SandboxFaultKind fault)
    {
        var reference = await Reference.Value;
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        tenant.Sandbox.Faults.FailRandomly(rate, fault, seed: (int)(rate * 100) + (int)fault);

        var (_, faulted, _) = await tenant.SyncAsync(differences, clientOptions: tenant.PatientOptions with { MaxAttempts = 15 });
        tenant.Sandbox.Faults.Clear();
        var (_, rerun, _) = await tenant.SyncAsync(differences);

        Assert.Equal((0, 0, 0, 0), (rerun.Failed, rerun.NotRun, rerun.Unconfirmed, rerun.ExitCode));
        Assert.Equal(reference, tenant.Fingerprint());
        if (fault != SandboxFaultKind.InternalServerError)
        {
            // Only a refused create (an answer) leaves work for the re-run; throttling and lost answers do not.
            Assert.Equal((50, 0), (faulted.Applied, faulted.Failed));
        }
    }

    private static async Task<IReadOnlyList<string>> UninterruptedRunAsync()
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        await tenant.SyncAsync(FiftyOperationScenario.Seed(tenant));
        return tenant.Fingerprint();
    }
}
