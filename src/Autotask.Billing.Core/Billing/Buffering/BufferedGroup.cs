using System.Runtime.CompilerServices;

namespace Autotask.Billing.Buffering;

/// <summary>
/// One Source × Customer × SKU group of a <see cref="TransactionBuffer"/> being summarised: its lines were read from
/// the buffer at known positions, so the summary can name them by position instead of keeping a copy of every
/// transaction and subscription id (one of each per line of a monthly file: most of a summary's memory, issue 15).
/// The buffer must stay unchanged while the summaries live.
/// </summary>
internal sealed class BufferedGroup
{
    private readonly TransactionBuffer _lines;
    private readonly LinePositions _positions;

    public BufferedGroup(TransactionBuffer lines, LinePositions positions)
    {
        _lines = lines;
        _positions = positions;
    }

    /// <summary>
    /// The lines a seat of <paramref name="group"/> (read from these positions, in order) names: <paramref name="applied"/>,
    /// and for each of <paramref name="ids"/> the first line that spells it so.
    /// </summary>
    public SeatLines Lines(List<Transaction> group, List<Transaction> applied, List<string> ids) =>
        new(_lines, References(group, applied), LinePositions.Of(SubscriptionIds(group, ids)));

    private LinePositions References(List<Transaction> group, List<Transaction> applied)
    {
        // Most seats apply every line of their group, in order: their positions are the group's.
        if (applied.Count == group.Count && Same(group, applied))
        {
            return _positions;
        }

        var indexOf = IndexOfLine(group);
        var positions = new int[applied.Count];
        for (var k = 0; k < applied.Count; k++)
        {
            positions[k] = _positions[indexOf(applied[k])];
        }

        return LinePositions.Of(positions);
    }

    private static bool Same(List<Transaction> group, List<Transaction> applied)
    {
        for (var i = 0; i < group.Count; i++)
        {
            if (!ReferenceEquals(group[i], applied[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int[] SubscriptionIds(List<Transaction> group, List<string> ids)
    {
        Dictionary<string, int>? firstLine = null;
        if (group.Count > 16)
        {
            firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = group.Count - 1; i >= 0; i--)
            {
                firstLine[group[i].SubscriptionId] = i;
            }
        }

        var positions = new int[ids.Count];
        for (var k = 0; k < ids.Count; k++)
        {
            var id = ids[k];
            positions[k] = _positions[firstLine?[id] ?? FirstSpelling(group, id)];
        }

        return positions;
    }

    // A loop, not FindIndex with a lambda: that allocated a closure per id of every seat.
    private static int FirstSpelling(List<Transaction> group, string id)
    {
        for (var i = 0; i < group.Count; i++)
        {
            if (string.Equals(group[i].SubscriptionId, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static Func<Transaction, int> IndexOfLine(List<Transaction> group)
    {
        if (group.Count <= 16)
        {
            return line => group.IndexOf(line);
        }

        var index = new Dictionary<Transaction, int>(group.Count, SameObject.Instance);
        for (var i = 0; i < group.Count; i++)
        {
            index[group[i]] = i;
        }

        return line => index[line];
    }

    private sealed class SameObject : IEqualityComparer<Transaction>
    {
        public static readonly SameObject Instance = new();

        public bool Equals(Transaction? x, Transaction? y) => ReferenceEquals(x, y);

        public int GetHashCode(Transaction obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
