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
}
