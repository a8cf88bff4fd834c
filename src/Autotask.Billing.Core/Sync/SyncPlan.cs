namespace Autotask.Billing.Sync;

/// <summary>
/// The ordered writes a sync would make (dependencies first), built by reads only. Show it (-WhatIf), ask about each
/// operation (ShouldProcess), then hand it with the approved ids to <see cref="SyncExecutor"/>.
/// </summary>
public sealed class SyncPlan
{
    internal SyncPlan(
        SyncContext context,
        IReadOnlyList<SyncOperation> operations,
        IReadOnlyList<ContractDifference> notActionable,
        DateTime earliestDate,
        IReadOnlyDictionary<long, long> companiesOfFoundContracts,
        long requestsUsed)
    {
        Context = context;
        Operations = operations;
        NotActionable = notActionable;
        EarliestDate = earliestDate;
        CompaniesOfFoundContracts = companiesOfFoundContracts;
        RequestsUsed = requestsUsed;
    }

    public IReadOnlyList<SyncOperation> Operations { get; }

    /// <summary>Differences that lead to no write (matches, unmapped, report-only, expired contracts, ...).</summary>
    public IReadOnlyList<ContractDifference> NotActionable { get; }

    /// <summary>The differences that lead to no write but wait for a person (every kind but Match).</summary>
    public int Unresolved => NotActionable.Count(static difference => difference.Kind != DifferenceKind.Match);

    /// <summary>The Autotask requests planning took (reads only).</summary>
    public long RequestsUsed { get; }

    internal SyncContext Context { get; }

    /// <summary>The company of each existing contract planning found by company and name (contract id → company id).</summary>
    internal IReadOnlyDictionary<long, long> CompaniesOfFoundContracts { get; }

    /// <summary>The earliest date any operation looks at; unit rows ending before it are not read.</summary>
    internal DateTime EarliestDate { get; }
}
