namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>What a comparison emitted, its summary, and the requests the sandbox saw.</summary>
internal sealed record ComparisonResult(IReadOnlyList<ContractDifference> Differences, ComparisonSummary Summary, long SandboxRequests)
{
    public ContractDifference Single(DifferenceKind kind) => Assert.Single(Differences, d => d.Kind == kind);
}
