using System.Collections.Concurrent;

namespace Autotask.Billing.Tabular;

/// <summary>
/// Remembers a pure function of a cell's exact text (a term, a billing cycle): such columns take a handful of
/// distinct values, so folding case on every line only made garbage (issue 15). Keyed ordinally on the text as
/// given, so the answer is the one the function gives; bounded: past <see cref="Capacity"/> distinct values the
/// function is simply called.
/// </summary>
internal sealed class TextMemo<T>
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);
    private readonly Func<string, T> _compute;

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, on every miss once it is full.
    private int _count;

    public TextMemo(Func<string, T> compute) => _compute = compute;

    public T Of(string text)
    {
        if (_known.TryGetValue(text, out var value))
        {
            return value;
        }

        value = _compute(text);
        if (Volatile.Read(ref _count) < Capacity && _known.TryAdd(text, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }
}
