namespace Autotask.Billing.Mapping;

/// <summary>
/// Compares pairs of strings exactly as <see cref="StringComparer.OrdinalIgnoreCase"/> compares the key strings
/// <c>first + separator + second</c>, without building them: a lookup made for every line builds no string. Only a
/// pair whose parts hold the separator itself (keys that can be split two ways) builds its key string, to stay exact.
/// </summary>
internal sealed class KeyPairComparer : IEqualityComparer<(string, string)>
{
    private static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    private readonly char _separator;

    public KeyPairComparer(char separator)
    {
        _separator = separator;
    }

    public bool Equals((string, string) x, (string, string) y)
    {
        if (x.Item1.Length == y.Item1.Length)
        {
            // The separators line up: the keys are equal exactly when both parts are.
            return x.Item2.Length == y.Item2.Length && Comparer.Equals(x.Item1, y.Item1) && Comparer.Equals(x.Item2, y.Item2);
        }

        // Parts of different lengths make equal keys only when a part holds the separator.
        return x.Item1.Length + x.Item2.Length == y.Item1.Length + y.Item2.Length && Comparer.Equals(KeyOf(x), KeyOf(y));
    }

    public int GetHashCode((string, string) pair)
    {
        // Equal keys hold the separator at the same places: a key with only the one between its parts hashes by part
        // (any key equal to it splits the same way); one with more hashes as its key string, as any key equal to it does.
        if (pair.Item1.IndexOf(_separator) >= 0 || pair.Item2.IndexOf(_separator) >= 0)
        {
            return Comparer.GetHashCode(KeyOf(pair));
        }

        unchecked
        {
            return (Comparer.GetHashCode(pair.Item1) * 31) + Comparer.GetHashCode(pair.Item2);
        }
    }

    private string KeyOf((string, string) pair) => pair.Item1 + _separator.ToString() + pair.Item2;
}
