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
    public static readonly IEqualityComparer<(string, string)> PairComparer = new KeyPairComparer(Separator);

    public static string Of(string source, string id) => source + Separator + id;

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
}
