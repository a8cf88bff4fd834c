namespace Autotask.Billing.Tabular;

/// <summary>
/// Shares one instance among equal text values the readers keep (customer, SKU, product, currency, … repeat on
/// line after line), so a held transaction costs its own fields, not fresh copies of the same names. Bounded: a
/// fixed table of <see cref="Slots"/> strings of at most <see cref="MaxLength"/> chars, each value in the slot its
/// hash picks, replacing whatever was there; a file of unique values only churns the table, never grows it. Only
/// identity changes: the value returned is always ordinally equal to the one given.
/// </summary>
internal sealed class StringPool
{
    public const int Slots = 1 << 14;
    public const int MaxLength = 128;

    private readonly string?[] _slots = new string?[Slots];

    // The value each of the first columns shared last: a file repeats a customer's name, domain and SKU on line after
    // line, and one comparison is cheaper than hashing the text to find its slot.
    private readonly string?[] _lastOfColumn = new string?[64];

    /// <summary>The pooled instance equal to <paramref name="text"/>, or <paramref name="text"/> itself (then pooled).</summary>
    public string Share(string text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            return text;
        }

        var slot = StringComparer.Ordinal.GetHashCode(text) & (Slots - 1);
        var pooled = _slots[slot];
        if (pooled is not null && string.Equals(pooled, text, StringComparison.Ordinal))
        {
            return pooled;
        }

        _slots[slot] = text;
        return text;
    }

    /// <summary>As <see cref="Share(string)"/>, first against the value column <paramref name="column"/> shared last.</summary>
    public string Share(string text, int column)
    {
        if ((uint)column >= (uint)_lastOfColumn.Length)
        {
            return Share(text);
        }

        var last = _lastOfColumn[column];
        if (last is not null && string.Equals(last, text, StringComparison.Ordinal))
        {
            return last;
        }

        return _lastOfColumn[column] = Share(text);
    }

    /// <summary>As <see cref="Share(string, int)"/> for text in a reader's buffer: a string is made only for a value not pooled.</summary>
    public string Share(ReadOnlySpan<char> text, int column)
    {
#if NET
        if (text.Length <= MaxLength && (uint)column < (uint)_lastOfColumn.Length)
        {
            var last = _lastOfColumn[column];
            return last is not null && text.SequenceEqual(last.AsSpan())
                ? last
                : _lastOfColumn[column] = Pooled(text) ?? Share(text.ToString());
        }
#endif
        return Share(text.ToString(), column);
    }

    /// <summary>
    /// As <see cref="Share(string)"/> for <paramref name="first"/> + <paramref name="separator"/> + <paramref name="second"/>
    /// (a SKU from product and SKU ids), without building the joined text when it is already pooled (issue 15).
    /// </summary>
    public string Share(string first, char separator, string second)
    {
#if NET
        var length = first.Length + 1 + second.Length;
        if (length <= MaxLength)
        {
            Span<char> text = stackalloc char[length];
            first.AsSpan().CopyTo(text);
            text[first.Length] = separator;
            second.AsSpan().CopyTo(text.Slice(first.Length + 1));

            if (Pooled(text) is { } pooled)
            {
                return pooled;
            }
        }
#endif
        return Share(first + separator + second);
    }

#if NET
    /// <summary>The pooled instance equal to <paramref name="text"/>, or null: string.GetHashCode of a span is the ordinal hash of the equal string, so the slot is the one Share(string) picks.</summary>
    private string? Pooled(ReadOnlySpan<char> text)
    {
        var pooled = _slots[string.GetHashCode(text) & (Slots - 1)];
        return pooled is not null && text.SequenceEqual(pooled.AsSpan()) ? pooled : null;
    }
#endif
}
