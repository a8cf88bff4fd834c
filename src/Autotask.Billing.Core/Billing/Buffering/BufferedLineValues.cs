using System.Collections;

namespace Autotask.Billing.Buffering;

/// <summary>
/// A seat's list of something about some of its lines (their subscription ids, their provenance; see
/// <see cref="SeatLines"/>), read from the buffer at the lines' positions when asked for.
/// </summary>
internal sealed class BufferedLineValues<T> : IReadOnlyList<T>
{
    private readonly TransactionBuffer _lines;
    private readonly int _generation;
    private readonly LinePositions _positions;
    private readonly Func<TransactionBuffer, int, T> _read;

    public BufferedLineValues(TransactionBuffer lines, int generation, LinePositions positions, Func<TransactionBuffer, int, T> read)
    {
        _lines = lines;
        _generation = generation;
        _positions = positions;
        _read = read;
    }

    public int Count => _positions.Count;

    public T this[int index] => Read(_positions[index]);

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _positions.Count; i++)
        {
            yield return Read(_positions[i]);
        }
    }

    // A cleared buffer may hold other lines at the same positions: fail rather than name another line.
    private T Read(int position) =>
        _lines.Generation == _generation
            ? _read(_lines, position)
            : throw new InvalidOperationException("The billing lines these seats name were cleared from their buffer after the seats were summed.");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
