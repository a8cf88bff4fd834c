using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The labels of the picklists a reconciliation shows or reasons with (contract status, contract type, period types,
/// company type), read from entityInformation/fields. Picklist numbers are tenant data; only labels mean anything.
/// </summary>
public sealed class PicklistLabels
{
    // The period labels Autotask ships, upper-cased without hyphens or spaces, and their months.
    private static readonly (string Word, int Months)[] PeriodWords =
    {
        ("MONTHLY", 1), ("QUARTERLY", 3), ("SEMIANNUAL", 6), ("SEMIANNUALLY", 6), ("YEARLY", 12), ("ANNUAL", 12), ("ANNUALLY", 12),
    };

    // Keyed by (entity, field), compared as the key "entity.field" ignoring case: a label looked up per contract
    // service builds no key string.
    private readonly Dictionary<(string, string), Dictionary<string, string>> _labels = new(new KeyPairComparer('.'));

    // The labels by number, for the values whose text is the number as Label formats it (the only ones it can find).
    private readonly Dictionary<(string, string), Dictionary<long, string>> _labelsByNumber = new(new KeyPairComparer('.'));

    public static PicklistLabels Empty { get; } = new();

    /// <summary>The label of a picklist value, or null when the field or value is unknown.</summary>
    public string? Label(string entityName, string field, long? value)
    {
        if (value is null || !_labelsByNumber.TryGetValue((entityName, field), out var values))
        {
            return null;
        }

        return values.TryGetValue(value.Value, out var label) ? label : null;
    }

    /// <summary>The value of a label (case-insensitive), or null when the picklist has no such label.</summary>
    public long? Value(string entityName, string field, string label)
    {
        if (!_labels.TryGetValue((entityName, field), out var values))
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
        // An ASCII label upper-cases to ASCII: it is compared in place, without a new string per call.
        var label = periodLabel ?? string.Empty;
        var ascii = IsAscii(label);
        var normalized = ascii ? label : label.ToUpperInvariant().Replace("-", string.Empty).Replace(" ", string.Empty);
        foreach (var (word, monthsOfWord) in PeriodWords)
        {
            if (ascii ? AsciiIs(label, word) : string.Equals(normalized, word, StringComparison.Ordinal))
            {
                months = monthsOfWord;
                return true;
            }
        }

        months = 0;
        return false;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    // Whether an ASCII label, upper-cased with its hyphens and spaces taken out, is the given upper-case word.
    private static bool AsciiIs(string label, string word)
    {
        var at = 0;
        foreach (var c in label)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (at == word.Length || (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) != word[at])
            {
                return false;
            }

            at++;
        }

        return at == word.Length;
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

            var byNumber = new Dictionary<long, string>();
            foreach (var pair in values)
            {
                if (long.TryParse(pair.Key, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    && number.ToString(System.Globalization.CultureInfo.InvariantCulture) == pair.Key)
                {
                    byNumber[number] = pair.Value;
                }
            }

            _labels[(entityName, field.Name)] = values;
            _labelsByNumber[(entityName, field.Name)] = byNumber;
        }
    }
}
