using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Sync;

/// <summary>A gateway answers 504 at once and the backend commits later. See <see cref="LateCommitScenario"/>.</summary>
public sealed class LateCommitAfterGatewayTimeoutTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(1200)]
    public Task Creates_of_every_keyed_entity_and_adjustments_committing_within_the_timeout_are_confirmed_once(int lateMs) =>
        LateCommitScenario.WithinTheTimeoutAsync(SandboxFaultKind.CommitLateAfterGatewayTimeout, lateMs);

    [Theory]
    [InlineData("Companies")]
    [InlineData("Contracts")]
    [InlineData("Services")]
    [InlineData("Products")]
    [InlineData("ContractServices")]
    [InlineData("ContractCharges")]
    [InlineData("ContractServiceAdjustments")]
    public Task A_create_committing_after_the_confirm_window_is_unconfirmed_and_the_next_run_converges_without_a_duplicate(string endpoint) =>
        LateCommitScenario.AfterTheConfirmWindowAsync(SandboxFaultKind.CommitLateAfterGatewayTimeout, endpoint);
}
