namespace Autotask.Billing.Sync;

/// <summary>
/// How the operations of one run ended, counted as they finish (contract syncs and the customer, catalog and quote
/// pushes alike); the caller holds its reporting lock around <see cref="Count"/>.
/// </summary>
internal sealed class RunTally
{
    public int Applied { get; private set; }

    public int Skipped { get; private set; }

    public int Failed { get; private set; }

    public int NotApplied { get; private set; }

    public int Unconfirmed { get; private set; }

    public int NotRun { get; private set; }

    /// <summary>Skipped operations a person has to look at (which reasons those are is the run's own rule).</summary>
    public int NeedsAttention { get; private set; }

    public int Finished => Applied + Skipped + Failed + NotApplied + Unconfirmed + NotRun;

    public void Count(SyncStatus status, bool needsAttention)
    {
        switch (status)
        {
            case SyncStatus.Applied:
                Applied++;
                break;
            case SyncStatus.Skipped:
                Skipped++;
                NeedsAttention += needsAttention ? 1 : 0;
                break;
            case SyncStatus.Failed:
                Failed++;
                break;
            case SyncStatus.NotApplied:
                NotApplied++;
                break;
            case SyncStatus.Unconfirmed:
                Unconfirmed++;
                break;
            default:
                NotRun++;
                break;
        }
    }
}
