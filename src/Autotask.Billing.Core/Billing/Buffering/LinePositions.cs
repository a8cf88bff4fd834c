namespace Autotask.Billing.Buffering;

/// <summary>
/// Positions of some lines of a <see cref="TransactionBuffer"/>: a run (first, count) when they follow one another, as
/// a vendor file lists a seat's lines, so that most seats need no array at all; the list itself otherwise.
/// </summary>
internal readonly struct LinePositions
{
    private readonly int[]? _list;
    private readonly int _first;

    private LinePositions(int[]? list, int first, int count)
    {
        _list = list;
        _first = first;
        Count = count;
    }

    public int Count { get; }

    public int this[int index] => _list is null ? _first + index : _list[index];

    /// <summary>The <paramref name="count"/> positions from <paramref name="first"/> on.</summary>
    public static LinePositions Run(int first, int count) => new(null, first, count);

    public static LinePositions Of(int[] positions)
    {
        for (var i = 1; i < positions.Length; i++)
        {
            if (positions[i] != positions[0] + i)
            {
                return new LinePositions(positions, 0, positions.Length);
            }
        }

        return Run(positions.Length == 0 ? 0 : positions[0], positions.Length);
    }
}
