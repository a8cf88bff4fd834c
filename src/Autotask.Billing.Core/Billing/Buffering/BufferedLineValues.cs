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

    public BufferedLineValues(TransactionBuffer lines, int[] positions, Func<TransactionBuffer, int, T> read)
    {
        _lines = lines;
        _positions = positions;
        _read = read;
    }

    public int Count => _positions.Length;

    public T this[int index] => _read(_lines, _positions[index]);

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var position in _positions)
        {
            yield return _read(_lines, position);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
