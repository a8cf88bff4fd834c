namespace Autotask.Billing;

/// <summary>
/// Two strings are equal when their <see cref="string.ToUpperInvariant"/> forms are: the summarizer's rule for which
/// Source, CustomerId, Sku and ReferenceId spellings are one. It builds no upper-case copy when both strings are ASCII
/// (every vendor id in practice). <see cref="StringComparer.OrdinalIgnoreCase"/> is not a substitute: outside ASCII
/// its case table is not the invariant culture's on every runtime (e.g. 'ſ' upper-cases to 'S'), and a changed
/// comparer would silently merge or split a customer's seats.
/// </summary>
internal sealed class UpperInvariantComparer : IEqualityComparer<string>
{
    public static UpperInvariantComparer Instance { get; } = new();

    private UpperInvariantComparer()
    {
    }

    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        // Only ASCII letters change case in an all-ASCII string; a non-ASCII character may upper-case to ASCII, so
        // any other pair is compared by its upper-case forms.
        return IsAscii(x) && IsAscii(y)
            ? AsciiEqualsIgnoreCase(x, y)
            : string.Equals(x.ToUpperInvariant(), y.ToUpperInvariant(), StringComparison.Ordinal);
    }

    /// <summary>The hash of the upper-case form, so that strings equal under <see cref="Equals(string, string)"/> hash alike.</summary>
    public int GetHashCode(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var upper = IsAscii(text) ? text : text.ToUpperInvariant();
        unchecked
        {
            // FNV-1a over the upper-case characters (an upper-case form has no 'a'-'z' left to fold).
            var hash = 2166136261u;
            foreach (var c in upper)
            {
                hash = (hash ^ (c is >= 'a' and <= 'z' ? (uint)(c - 32) : c)) * 16777619u;
            }

            return (int)hash;
        }
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\x7f')
            {
                return false;
            }
        }

        return true;
    }

    private static bool AsciiEqualsIgnoreCase(string x, string y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b && ((a | 0x20) != (b | 0x20) || (a | 0x20) is < 'a' or > 'z'))
            {
                return false;
            }
        }

        return true;
    }
}
