namespace Autotask.Billing;

/// <summary>
/// The outcome of one sync run. <see cref="ExitCode"/>: 0 when every operation was applied or already in step (or
/// there was nothing to do); 1 when any operation failed or is unconfirmed, or the run stopped early (cancelled, or the
/// API budget ran out) leaving operations not run, or when Autotask ignored a write (NotApplied: it does not bill what
/// was written); otherwise 2 when anything was skipped because it needs -Force, Autotask changed since the compare, or
/// it was declined — or when differences that sync cannot act on wait for a person (unmapped customers or SKUs,
/// expired contracts, currency mismatches).
/// </summary>
public sealed class SyncRunSummary
{
    public SyncRunSummary(
        string runId,
        DateTime startedUtc,
        DateTime finishedUtc,
        int applied,
        int skipped,
        int failed,
        int notRun,
        int needsAttention,
        long requestsUsed,
        string? journalPath,
        bool budgetExhausted,
        bool cancelled,
        int unresolved = 0,
        int notApplied = 0,
        int unconfirmed = 0)
    {
        NotApplied = notApplied;
        Unconfirmed = unconfirmed;
        RunId = runId;
        StartedUtc = DateTime.SpecifyKind(startedUtc, DateTimeKind.Utc);
        FinishedUtc = DateTime.SpecifyKind(finishedUtc, DateTimeKind.Utc);
        Applied = applied;
        Skipped = skipped;
        Failed = failed;
        NotRun = notRun;
        NeedsAttention = needsAttention;
        RequestsUsed = requestsUsed;
        JournalPath = journalPath;
        BudgetExhausted = budgetExhausted;
        Cancelled = cancelled;
        Unresolved = unresolved;
    }

    public string RunId { get; }

    public DateTime StartedUtc { get; }

    public DateTime FinishedUtc { get; }

    public TimeSpan Duration => FinishedUtc - StartedUtc;

    public int Applied { get; }

    /// <summary>All skipped operations, those already in step included.</summary>
    public int Skipped { get; }

    public int Failed { get; }

    public int NotRun { get; }

    /// <summary>Written and accepted, but Autotask does not bill them (read back after the write).</summary>
    public int NotApplied { get; }

    /// <summary>Sent, but not seen in Autotask afterwards within the confirm window; the next run converges.</summary>
    public int Unconfirmed { get; }

    public int Total => Applied + Skipped + Failed + NotRun + NotApplied + Unconfirmed;

    /// <summary>Skipped because they need -Force, Autotask changed since the compare, or they were declined.</summary>
    public int NeedsAttention { get; }

    /// <summary>Differences sync could not act on that wait for a person: unmapped, expired, other currency, report-only.</summary>
    public int Unresolved { get; }

    public long RequestsUsed { get; }

    public string? JournalPath { get; }

    public bool BudgetExhausted { get; }

    public bool Cancelled { get; }

    public int ExitCode => Failed > 0 || NotRun > 0 || NotApplied > 0 || Unconfirmed > 0 ? 1 : NeedsAttention > 0 || Unresolved > 0 ? 2 : 0;

    public override string ToString() =>
        $"Run {RunId}: {Applied} applied, {Skipped} skipped, {Failed} failed, {NotRun} not run, {NotApplied} not applied{(Unconfirmed > 0 ? $", {Unconfirmed} unconfirmed" : "")}, {Unresolved} unresolved; {RequestsUsed} requests; exit code {ExitCode}";
}
