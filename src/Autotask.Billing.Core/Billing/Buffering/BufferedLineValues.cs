using System.Collections;

namespace Autotask.Billing.Buffering;

/// <summary>
/// A summary's list of something about some of its lines (their subscription ids, their provenance), kept as the
/// lines' positions in the buffer and read from it when asked for: a few bytes per line instead of a copy.
/// </summary>
internal sealed class BufferedLineValues<T> : IReadOnlyList<T>
{
    private readonly TransactionBuffer _lines;
    private readonly int[] _positions;
    private readonly Func<TransactionBuffer, int, T> _read;
    private readonly int _generation;

    public BufferedLineValues(TransactionBuffer lines, int[] positions, Func<TransactionBuffer, int, T> read)
    {
        _lines = lines;
        _positions = positions;
        _read = read;
        _generation = lines.Generation;
    }

    public int Count => _positions.Length;

    public T this[int index] => Read(_positions[index]);

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var position in _positions)
        {
            yield return Read(position);
        }
    }

    // A cleared buffer may hold other lines at the same positions: fail rather than name another line.
    private T Read(int position) =>
        _lines.Generation == _generation
            ? _read(_lines, position)
            : throw new InvalidOperationException("The billing lines these seats name were cleared from their buffer after the seats were summed.");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
