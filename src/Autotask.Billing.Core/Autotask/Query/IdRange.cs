namespace Autotask.Billing.Autotask.Query;

/// <summary>
/// One id range of a read split beyond its first page. Splits what lies beyond a first page of rows into id ranges that can be read side by side. Autotask pages rows in
/// ascending id order, so after a full first page everything still to read has a larger id. Each range is sized to
/// hold one page at the first page's id spacing, so that at an even spacing every range is one request (a full page
/// ending on the range's upper bound needs no second look); the last range has no upper bound, so a spacing that
/// changes costs requests, never rows.
/// </summary>
internal readonly struct IdRange
{
    private IdRange(long after, long? upTo)
    {
        After = after;
        UpTo = upTo;
    }

    /// <summary>The range's rows have ids greater than this.</summary>
    public long After { get; }

    /// <summary>The range's rows have ids up to this; null for no upper bound.</summary>
    public long? UpTo { get; }

    public static IdRange Bounded(long after, long width) => new(after, after + width);

    /// <summary>
    /// The ids one page of rows is expected to span after <paramref name="pageIds"/>: the spacing of the page's upper
    /// half times the page size. The rows that follow are most like the latest ones, and an old outlier (a tenant's
    /// first record, created long before the rest) must not stretch every range.
    /// </summary>
    public static long Width(IReadOnlyList<long> pageIds, int pageSize)
    {
        var sorted = pageIds.OrderBy(static id => id).ToList();
        var high = sorted[sorted.Count - 1];
        var middle = sorted.Count / 2;
        var idsPerRow = sorted.Count - 1 > middle ? Math.Max(1d, (high - sorted[middle]) / (double)(sorted.Count - 1 - middle)) : 1d;
        return Math.Max(1L, (long)Math.Round(Math.Max(1, pageSize) * idsPerRow));
    }

    /// <summary>Ranges of <paramref name="width"/> ids after <paramref name="after"/> for about <paramref name="rows"/> rows, the last one open-ended.</summary>
    public static IReadOnlyList<IdRange> Beyond(long after, long width, long rows, int pageSize)
    {
        var count = Math.Max(1L, (rows + pageSize - 1) / pageSize);
        var ranges = new List<IdRange>();
        var start = after;
        for (var i = 1; i < count && start <= long.MaxValue - width; i++)
        {
            ranges.Add(new IdRange(start, start + width));
            start += width;
        }

        ranges.Add(new IdRange(start, null));
        return ranges;
    }

    /// <param name="cursor">The largest id read so far in this range.</param>
    public AutotaskFilter[] Filters(long cursor) =>
        UpTo is { } upTo
            ? new[] { AutotaskFilter.Gt("id", cursor), AutotaskFilter.Lte("id", upTo) }
            : new[] { AutotaskFilter.Gt("id", cursor) };
}
