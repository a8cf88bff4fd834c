namespace Autotask.Billing;

/// <summary>
/// The positions of recurring lines by Source × CustomerId × Sku (<see cref="SeatGroupKey"/>), filled one line at a
/// time: each group and its positions in the order they first appear. The one grouping rule of
/// <see cref="TransactionSummarizer"/>, whether the lines are all at hand or still arriving.
/// </summary>
internal sealed class SeatGroups
{
    private readonly Dictionary<SeatGroupKey, int> _numbers = new();
    private readonly List<List<int>> _groups = new();
    private Transaction? _previous;
    private int _previousGroup = -1;

    public int Count => _groups.Count;

    /// <summary>The positions of group <paramref name="group"/>, in the order they were added.</summary>
    public List<int> this[int group] => _groups[group];

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
                _groups.Add(new List<int>());
            }
        }

        _groups[_previousGroup].Add(position);
        _previous = line;
        return _previousGroup;
    }

    private static bool SameSpelling(Transaction a, Transaction b) =>
        string.Equals(a.Sku, b.Sku, StringComparison.Ordinal)
        && string.Equals(a.CustomerId, b.CustomerId, StringComparison.Ordinal)
        && string.Equals(a.Source, b.Source, StringComparison.Ordinal);
}
