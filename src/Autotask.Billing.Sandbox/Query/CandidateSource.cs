using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Query;

// A subset of a table, in id order, that is known to contain every row the query can match.
internal sealed class CandidateSource
{
    private CandidateSource(IReadOnlyList<EntityRow>? rows, long minimumId, long maximumId = long.MaxValue)
    {
        Rows = rows;
        MinimumId = minimumId;
        MaximumId = maximumId;
    }

    public IReadOnlyList<EntityRow>? Rows { get; }

    public long MinimumId { get; }

    public long MaximumId { get; }

    public static CandidateSource FromRows(IReadOnlyList<EntityRow> rows) => new(rows, long.MinValue);

    public static CandidateSource FromMinimumId(long minimumId) => new(null, minimumId);

    public static CandidateSource FromMaximumId(long maximumId) => new(null, long.MinValue, maximumId);
}
