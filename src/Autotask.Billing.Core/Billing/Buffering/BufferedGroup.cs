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
        new(_lines, LinePositions.Of(References(group, applied)), LinePositions.Of(SubscriptionIds(group, ids)));

    private int[] References(List<Transaction> group, List<Transaction> applied)
    {
        var indexOf = IndexOfLine(group);
        var positions = new int[applied.Count];
        for (var k = 0; k < applied.Count; k++)
        {
            positions[k] = _positions[indexOf(applied[k])];
        }

        return positions;
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
            var i = firstLine?[id] ?? group.FindIndex(line => string.Equals(line.SubscriptionId, id, StringComparison.Ordinal));
            positions[k] = _positions[i];
        }

        return positions;
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
