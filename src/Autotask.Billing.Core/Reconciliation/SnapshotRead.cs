namespace Autotask.Billing.Reconciliation;

/// <summary>
/// One bulk read a snapshot needed, with the rows it returned and the fewest requests the rows could have been read
/// with: one per 500 rows (Autotask's largest page), at least one per <see cref="IdsPerRequest"/> ids named in an "in"
/// filter (the client's chunk size), and at least one (a read that finds nothing still costs a request). A read by id
/// whose ids came in page by page is one read of all its ids: the early first request it starts them with (to overlap
/// the pages) is not something the rows need, so the minimum leaves it out and <see cref="EarlyRequests"/> counts it
/// for the allowance (<see cref="ContractSnapshot.AllowedRequests"/>). A read stopped before it ended because the load
/// reads all of it whole (<see cref="Stopped"/>) needs no request at all: what it may have sent counts in the
/// allowance only.
/// </summary>
public sealed class SnapshotRead
{
    public const int RowsPerPage = 500;

    public SnapshotRead(string entity, string what, long rows, int idsNamed = 0, bool sent = true, int idsPerRequest = RowsPerPage, int chunksRead = 0)
    {
        if (idsPerRequest < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(idsPerRequest), "A request carries at least one id.");
        }

        IdsPerRequest = idsPerRequest;
        Sent = sent;
        Entity = entity;
        What = what;
        Rows = rows;
        IdsNamed = idsNamed;
        ChunksRead = chunksRead;
    }

    public string Entity { get; }

    /// <summary>What was read, e.g. "by contractID (2000 ids)" or "picklists".</summary>
    public string What { get; }

    public long Rows { get; }

    /// <summary>How many ids the read's "in" filter named; 0 for a read without one.</summary>
    public int IdsNamed { get; }

    /// <summary>The most ids one request of the read carried (the client's InChunkSize); 500 at most.</summary>
    public int IdsPerRequest { get; }

    /// <summary>How many requests' worth of ids a read by id started as its ids came in; 0 when it was not counted.</summary>
    public int ChunksRead { get; }

    /// <summary>
    /// The requests a read by id sent beyond its fewest because it started before it knew all its ids (at most one:
    /// the first, partial chunk of a read that starts as pages come in).
    /// </summary>
    public long EarlyRequests =>
        !Sent ? 0 : IsStopped ? Chunks(IdsNamed, IdsPerRequest) : Math.Max(0, ChunksRead - Chunks(IdsNamed, IdsPerRequest));

    /// <summary>Whether the read was stopped before it ended, its rows read whole by another read (<see cref="Stopped"/>).</summary>
    public bool IsStopped { get; private init; }

    /// <summary>False for a read the client answered from what it already held (no request at all).</summary>
    public bool Sent { get; }

    public long MinimumRequests =>
        Sent && !IsStopped ? Math.Max(1, Math.Max(Chunks(Rows, RowsPerPage), Chunks(IdsNamed, IdsPerRequest))) : 0;

    /// <summary>
    /// A read by id stopped before it ended (a prefetch's, once the load reads every row whole): no rows, no minimum,
    /// and at most one request per <paramref name="idsPerRequest"/> ids sent, which the allowance takes in (<see cref="EarlyRequests"/>).
    /// </summary>
    public static SnapshotRead Stopped(string entity, string what, int idsNamed, int idsPerRequest) =>
        new(entity, what, 0, idsNamed, sent: true, idsPerRequest) { IsStopped = true };

    private static long Chunks(long count, int perRequest) => (count + perRequest - 1) / perRequest;

    public override string ToString() => $"{Entity} {What}: {Rows} rows, at least {MinimumRequests} requests";
}
