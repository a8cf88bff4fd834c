namespace Autotask.Billing.Mapping;

/// <summary>One catalog field's values, looked up without regard to case or surrounding space.</summary>
internal sealed class CatalogFieldIndex
{
    private readonly Dictionary<string, List<(int Item, string Value)>> entries = new(StringComparer.OrdinalIgnoreCase);

    public CatalogFieldIndex(SkuMatchRule rule, double confidence, double caseOnlyConfidence)
    {
        Rule = rule;
        Confidence = confidence;
        CaseOnlyConfidence = caseOnlyConfidence;
    }

    public SkuMatchRule Rule { get; }

    /// <summary>The confidence when the value equals the SKU exactly.</summary>
    public double Confidence { get; }

    /// <summary>The confidence when the value differs from the SKU only in case.</summary>
    public double CaseOnlyConfidence { get; }

    public void Add(int item, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var trimmed = value!.Trim();
        if (!entries.TryGetValue(trimmed, out var list))
        {
            entries[trimmed] = list = new List<(int, string)>(1);
        }

        list.Add((item, trimmed));
    }

    public IEnumerable<(int Item, double Confidence)> Find(string value)
    {
        var trimmed = value.Trim();
        return entries.TryGetValue(trimmed, out var list)
            ? list.Select(entry => (entry.Item, string.Equals(entry.Value, trimmed, StringComparison.Ordinal) ? Confidence : CaseOnlyConfidence))
            : Enumerable.Empty<(int, double)>();
    }
}
