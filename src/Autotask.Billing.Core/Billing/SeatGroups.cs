using Autotask.Billing.Buffering;

namespace Autotask.Billing;

/// <summary>
/// The positions of recurring lines by Source × CustomerId × Sku (<see cref="SeatGroupKey"/>), filled one line at a
/// time: each group and its positions in the order they first appear. The one grouping rule of
/// <see cref="TransactionSummarizer"/>, whether the lines are all at hand or still arriving.
/// <para>A group's positions are kept as a run (first, count) while its lines follow one another, as a vendor file
/// lists them: a month's file has hundreds of thousands of groups, and a list of each group's positions cost more than
/// its seat (issue 15).</para>
/// </summary>
internal sealed class SeatGroups
{
    private readonly Dictionary<SeatGroupKey, int> _numbers = new();
    private readonly List<Group> _groups = new();
    private Transaction? _previous;
    private int _previousGroup = -1;

    public int Count => _groups.Count;

    /// <summary>The positions of group <paramref name="group"/>, in the order they were added.</summary>
    public LinePositions this[int group] =>
        _groups[group] is { Scattered: { } scattered } ? LinePositions.Of(scattered.ToArray()) : LinePositions.Run(_groups[group].First, _groups[group].Count);

    /// <summary>How many lines group <paramref name="group"/> has.</summary>
    public int CountOf(int group) => _groups[group].Count;

    /// <summary>Adds a recurring line at <paramref name="position"/> and returns its group's number.</summary>
    public int Add(Transaction line, int position)
    {
        // A vendor file lists a customer's lines of one SKU together: the spelling of the line before needs no lookup.
        if (_previous is null || !SameSpelling(_previous, line))
        {
            var key = new SeatGroupKey(line);
            if (!_numbers.TryGetValue(key, out _previousGroup))
            {
                _previousGroup = _groups.Count;
                _numbers.Add(key, _previousGroup);
                _groups.Add(new Group(position));
                _previous = line;
                return _previousGroup;
            }
        }

        _groups[_previousGroup] = _groups[_previousGroup].With(position);
        _previous = line;
        return _previousGroup;
    }

    private static bool SameSpelling(Transaction a, Transaction b) =>
        string.Equals(a.Sku, b.Sku, StringComparison.Ordinal)
        && string.Equals(a.CustomerId, b.CustomerId, StringComparison.Ordinal)
        && string.Equals(a.Source, b.Source, StringComparison.Ordinal);

    private readonly struct Group
    {
        public Group(int first)
            : this(first, 1, null)
        {
        }

        private Group(int first, int count, List<int>? scattered)
        {
            First = first;
            Count = count;
            Scattered = scattered;
        }

        public int First { get; }

        public int Count { get; }

        /// <summary>Every position, once one did not follow the one before; null while they form a run.</summary>
        public List<int>? Scattered { get; }

        public Group With(int position)
        {
            if (Scattered is null && position == First + Count)
            {
                return new Group(First, Count + 1, null);
            }

            var scattered = Scattered ?? Enumerable.Range(First, Count).ToList();
            scattered.Add(position);
            return new Group(First, Count + 1, scattered);
        }
    }
}
