namespace Autotask.Billing.Sync;

/// <summary>How far a run has got; reported after every operation's outcome.</summary>
public sealed class SyncProgress
{
    public SyncProgress(int completed, int total, SyncResult latest)
    {
        Completed = completed;
        Total = total;
        Latest = latest;
    }

    public int Completed { get; }

    public int Total { get; }

    public SyncResult Latest { get; }

    public int PercentComplete => Total == 0 ? 100 : (int)(100L * Completed / Total);
}
