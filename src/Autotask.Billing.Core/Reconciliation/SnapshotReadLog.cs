namespace Autotask.Billing.Reconciliation;

/// <summary>The bulk reads of one snapshot as they finish; reads run side by side, so adding is locked.</summary>
internal sealed class SnapshotReadLog
{
    private readonly List<SnapshotRead> _reads = new();

    public void Add(SnapshotRead read)
    {
        lock (_reads)
        {
            _reads.Add(read);
        }
    }

    public IReadOnlyList<SnapshotRead> ToList()
    {
        lock (_reads)
        {
            return _reads.ToList();
        }
    }
}
