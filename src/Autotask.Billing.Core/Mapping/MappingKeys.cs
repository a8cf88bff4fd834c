namespace Autotask.Billing.Mapping;

/// <summary>How mapping keys compare: vendor ids and SKUs are matched without regard to case or surrounding space.</summary>
internal static class MappingKeys
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

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
}
