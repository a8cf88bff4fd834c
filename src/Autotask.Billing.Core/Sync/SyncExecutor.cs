namespace Autotask.Billing.Sync;

/// <summary>
/// EXECUTE: applies the approved operations of a plan. Independent contracts proceed in parallel (the client keeps
/// every endpoint at its limit of requests in flight); each write is preceded by the drift check against a bulk read
/// of its contract; results stream through <paramref name="onResult"/> as they happen, serialised so the caller needs
/// no locking (the cmdlet posts them to the pipeline thread). Cancellation stops new writes; writes already sent
/// settle and are journalled. When the API budget runs out the run stops the same way, leaving the rest NotRun.
/// </summary>
public static class SyncExecutor
{
    public static async Task<SyncRunSummary> ExecuteAsync(
        SyncPlan plan,
        IEnumerable<string> approvedOperationIds,
        SyncOptions options,
        Action<SyncResult>? onResult = null,
        IProgress<SyncProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (approvedOperationIds is null)
        {
            throw new ArgumentNullException(nameof(approvedOperationIds));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        using var run = new SyncRun(plan, new HashSet<string>(approvedOperationIds, StringComparer.Ordinal), options, onResult, progress, cancellationToken);
        return await run.RunAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The summary of a run that wrote nothing — nothing to apply, or every write declined (-WhatIf, -Confirm "no"):
    /// no journal, the declined operations counted as needing attention, the unresolved differences counted.
    /// </summary>
    public static SyncRunSummary SummarizeWithoutWrites(SyncPlan plan, int declined)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        var now = DateTime.UtcNow;
        return new SyncRunSummary(
            SyncRun.NewRunId(), now, now, applied: 0, skipped: declined, failed: 0, notRun: 0, needsAttention: declined,
            plan.RequestsUsed, journalPath: null, budgetExhausted: false, cancelled: false, plan.Unresolved);
    }
}
