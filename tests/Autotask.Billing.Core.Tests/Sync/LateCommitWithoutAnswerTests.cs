using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Sync;

/// <summary>No answer comes before the client gives up; the backend commits later. See <see cref="LateCommitScenario"/>.</summary>
public sealed class LateCommitWithoutAnswerTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(1200)]
    public Task Creates_of_every_keyed_entity_and_adjustments_committing_within_the_timeout_are_confirmed_once(int lateMs) =>
        LateCommitScenario.WithinTheTimeoutAsync(SandboxFaultKind.CommitLateWithoutAnswer, lateMs);

    [Theory]
    [InlineData("Companies")]
    [InlineData("Contracts")]
    [InlineData("Services")]
    [InlineData("Products")]
    [InlineData("ContractServices")]
    [InlineData("ContractCharges")]
    [InlineData("ContractServiceAdjustments")]
    public Task A_create_committing_after_the_confirm_window_is_unconfirmed_and_the_next_run_converges_without_a_duplicate(string endpoint) =>
        LateCommitScenario.AfterTheConfirmWindowAsync(SandboxFaultKind.CommitLateWithoutAnswer, endpoint);
}
