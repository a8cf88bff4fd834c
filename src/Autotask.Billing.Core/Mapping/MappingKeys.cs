namespace Autotask.Billing.Mapping;

/// <summary>How mapping keys compare: vendor ids and SKUs are matched without regard to case or surrounding space.</summary>
internal static class MappingKeys
{
    public const char Separator = '\u001F';

    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// Compares (source, id) pairs exactly as <see cref="Comparer"/> compares their keys <see cref="Of"/>, without
    /// building the key string for every lookup (a month's compare looks up every line's customer and SKU).
    /// </summary>
    public static readonly IEqualityComparer<(string Source, string Id)> PairComparer = new KeyPairComparer();

    public static string Of(string source, string id) => source + "\u001F" + id;

    public static string RequireText(string value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required.", parameterName);
        }

        return value.Trim();
    }

    public static int Compare(string leftSource, string leftId, string rightSource, string rightId)
    {
        var bySource = Comparer.Compare(leftSource, rightSource);
        return bySource != 0 ? bySource : Comparer.Compare(leftId, rightId);
    }

    private sealed class KeyPairComparer : IEqualityComparer<(string Source, string Id)>
    {
        public bool Equals((string Source, string Id) x, (string Source, string Id) y)
        {
            if (x.Source.Length == y.Source.Length)
            {
                // The separators line up: the keys are equal exactly when both parts are.
                return x.Id.Length == y.Id.Length && Comparer.Equals(x.Source, y.Source) && Comparer.Equals(x.Id, y.Id);
            }

            // Parts of different lengths can still make equal keys only when a part holds the separator itself.
            return x.Source.Length + x.Id.Length == y.Source.Length + y.Id.Length
                && Comparer.Equals(Of(x.Source, x.Id), Of(y.Source, y.Id));
        }

        public int GetHashCode((string Source, string Id) key)
        {
            // Keys equal by Comparer hold the separator at the same places: a key with only the one between its parts
            // hashes by part; one with more (a part holds it) hashes as the whole key string, as any key equal to it does.
            if (key.Source.IndexOf(Separator) >= 0 || key.Id.IndexOf(Separator) >= 0)
            {
                return Comparer.GetHashCode(Of(key.Source, key.Id));
            }

            unchecked
            {
                return (Comparer.GetHashCode(key.Source) * 31) + Comparer.GetHashCode(key.Id);
            }
        }
    }
}
