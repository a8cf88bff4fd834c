using Autotask.Billing.Autotask;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The labels of the picklists a reconciliation shows or reasons with (contract status, contract type, period types,
/// company type), read from entityInformation/fields. Picklist numbers are tenant data; only labels mean anything.
/// </summary>
public sealed class PicklistLabels
{
    private readonly Dictionary<string, Dictionary<string, string>> _labels = new(StringComparer.OrdinalIgnoreCase);

    public static PicklistLabels Empty { get; } = new();

    /// <summary>The label of a picklist value, or null when the field or value is unknown.</summary>
    public string? Label(string entityName, string field, long? value)
    {
        if (value is null || !_labels.TryGetValue(Key(entityName, field), out var values))
        {
            return null;
        }

        return values.TryGetValue(value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), out var label) ? label : null;
    }

    /// <summary>The value of a label (case-insensitive), or null when the picklist has no such label.</summary>
    public long? Value(string entityName, string field, string label)
    {
        if (!_labels.TryGetValue(Key(entityName, field), out var values))
        {
            return null;
        }

        foreach (var pair in values)
        {
            if (string.Equals(pair.Value.Trim(), label.Trim(), StringComparison.OrdinalIgnoreCase)
                && long.TryParse(pair.Key, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    /// <summary>
    /// Months in a billing period from its label (Monthly 1, Quarterly 3, Semi-Annual 6, Yearly/Annual 12); a period
    /// type that is missing or unknown counts as monthly (see <see cref="TryMonthsOf"/> to tell them apart).
    /// </summary>
    public static int MonthsOf(string? periodLabel) => TryMonthsOf(periodLabel, out var months) ? months : 1;

    /// <summary>Months in a billing period from its label, when it is one of the four Autotask ships (picklists are tenant-configurable).</summary>
    public static bool TryMonthsOf(string? periodLabel, out int months)
    {
        months = (periodLabel ?? string.Empty).ToUpperInvariant().Replace("-", string.Empty).Replace(" ", string.Empty) switch
        {
            "MONTHLY" => 1,
            "QUARTERLY" => 3,
            "SEMIANNUAL" or "SEMIANNUALLY" => 6,
            "YEARLY" or "ANNUAL" or "ANNUALLY" => 12,
            _ => 0,
        };
        return months > 0;
    }

    internal void Add(string entityName, IEnumerable<EntityFieldInformation> fields)
    {
        foreach (var field in fields.Where(f => f.IsPickList && f.PicklistValues is not null))
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in field.PicklistValues!)
            {
                values[value.Value] = value.Label;
            }

            _labels[Key(entityName, field.Name)] = values;
        }
    }

    private static string Key(string entityName, string field) => entityName + "." + field;
}
