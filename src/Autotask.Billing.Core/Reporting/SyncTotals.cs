namespace Autotask.Billing.Reporting;

/// <summary>Sync operations by outcome: from the results when they were piped in, else from the run summaries.</summary>
public sealed class SyncTotals
{
    public SyncTotals(int applied, int skipped, int failed, int notRun, int needsAttention)
    {
        Applied = applied;
        Skipped = skipped;
        Failed = failed;
        NotRun = notRun;
        NeedsAttention = needsAttention;
    }

    public int Applied { get; }

    public int Skipped { get; }

    public int Failed { get; }

    public int NotRun { get; }

    /// <summary>Skipped ones someone must look at (need -Force, changed since the compare, declined, ...).</summary>
    public int NeedsAttention { get; }

    public int Total => Applied + Skipped + Failed + NotRun;
}
