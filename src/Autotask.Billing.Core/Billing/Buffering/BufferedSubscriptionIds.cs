using System.Collections;

namespace Autotask.Billing.Buffering;

/// <summary>A summary's subscription ids as the positions of lines that carry them, read from the buffer when asked for.</summary>
internal sealed class BufferedSubscriptionIds : IReadOnlyList<string>
{
    private readonly TransactionBuffer _lines;
    private readonly int[] _positions;

    public BufferedSubscriptionIds(TransactionBuffer lines, int[] positions)
    {
        _lines = lines;
        _positions = positions;
    }

    public int Count => _positions.Length;

    public string this[int index] => _lines.SubscriptionIdAt(_positions[index]);

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var position in _positions)
        {
            yield return _lines.SubscriptionIdAt(position);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
