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
    // Read only for the few seats that become differences: the whole line is read, for its id, file and line number.
    private static readonly Func<TransactionBuffer, int, TransactionReference> ReadReference = (lines, position) =>
    {
        var line = lines[position];
        return new TransactionReference(line.TransactionId, line.SourceFile, line.SourceLine);
    };

    private static readonly Func<TransactionBuffer, int, string> ReadSubscriptionId = (lines, position) => lines.SubscriptionIdAt(position);

    private readonly TransactionBuffer _lines;
    private readonly List<int> _positions;

    public BufferedGroup(TransactionBuffer lines, List<int> positions)
    {
        _lines = lines;
        _positions = positions;
    }

    /// <summary>References to <paramref name="applied"/>, lines of <paramref name="group"/> (read from these positions, in order).</summary>
    public IReadOnlyList<TransactionReference> References(List<Transaction> group, List<Transaction> applied)
    {
        var indexOf = IndexOfLine(group);
        var positions = new int[applied.Count];
        for (var k = 0; k < applied.Count; k++)
        {
            positions[k] = _positions[indexOf(applied[k])];
        }

        return new BufferedLineValues<TransactionReference>(_lines, positions, ReadReference);
    }

    /// <summary><paramref name="ids"/>, each taken from the first line of <paramref name="group"/> that spells it so.</summary>
    public IReadOnlyList<string> SubscriptionIds(List<Transaction> group, List<string> ids)
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

        return new BufferedLineValues<string>(_lines, positions, ReadSubscriptionId);
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
