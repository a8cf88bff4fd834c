namespace Autotask.Billing.Reconciliation;

/// <summary>
/// One bulk read a snapshot needed, with the rows it returned and the fewest requests any client could have used for
/// it: one per 500 rows (Autotask's largest page), at least one per 500 ids named in an "in" filter (the most one
/// request carries), and at least one (a read that finds nothing still costs a request).
/// </summary>
public sealed class SnapshotRead
{
    public const int RowsPerPage = 500;

    public SnapshotRead(string entity, string what, long rows, int idsNamed = 0, bool sent = true)
    {
        Sent = sent;
        Entity = entity;
        What = what;
        Rows = rows;
        IdsNamed = idsNamed;
    }

    public string Entity { get; }

    /// <summary>What was read, e.g. "by contractID (2000 ids)" or "picklists".</summary>
    public string What { get; }

    public long Rows { get; }

    /// <summary>How many ids the read's "in" filter named; 0 for a read without one.</summary>
    public int IdsNamed { get; }

    /// <summary>False for a read the client answered from what it already held (no request at all).</summary>
    public bool Sent { get; }

    public long MinimumRequests =>
        Sent ? Math.Max(1, Math.Max(PagesFor(Rows), PagesFor(IdsNamed))) : 0;

    private static long PagesFor(long count) => (count + RowsPerPage - 1) / RowsPerPage;

    public override string ToString() => $"{Entity} {What}: {Rows} rows, at least {MinimumRequests} requests";
}
