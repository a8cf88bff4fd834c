using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Query;

// Walks the narrowest candidate set in id order from a cursor up to any id ceiling, so a page costs the rows it
// inspects rather than the table size whenever the query names ids, an id range or indexed parent ids.
internal static class QueryExecutor
{
    public static IReadOnlyList<EntityRow> Page(EntityTable table, QuerySpec query, long afterId, out bool hasMore)
    {
        var page = new List<EntityRow>(Math.Min(query.MaxRecords, 64));
        hasMore = false;
        foreach (var row in Scan(table, query, afterId))
        {
            if (page.Count == query.MaxRecords)
            {
                hasMore = true;
                break;
            }

            page.Add(row);
        }

        return page;
    }

    public static int Count(EntityTable table, QuerySpec query) => Scan(table, query, long.MinValue).Count();

    private static IEnumerable<EntityRow> Scan(EntityTable table, QuerySpec query, long afterId)
    {
        var start = afterId == long.MaxValue ? afterId : afterId + 1;
        var end = long.MaxValue;
        IReadOnlyList<EntityRow> rows = table.Rows;
        foreach (var candidate in query.Candidates)
        {
            if (candidate.Rows == null)
            {
                start = Math.Max(start, candidate.MinimumId);
                end = Math.Min(end, candidate.MaximumId);
            }
            else if (candidate.Rows.Count < rows.Count)
            {
                rows = candidate.Rows;
            }
        }

        for (var i = EntityTable.IndexOfFirstAtOrAfter(rows, start); i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Id > end)
            {
                yield break;
            }

            if (query.Predicate(row))
            {
                yield return row;
            }
        }
    }
}
