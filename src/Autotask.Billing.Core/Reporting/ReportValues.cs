using System.Collections;
using System.Globalization;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Reporting;

/// <summary>
/// Reads one named value from a property bag, whether it holds the typed value (the live object, Import-Clixml) or
/// its text (Import-Csv, written under any culture). Bad values are a <see cref="ReportInputException"/> naming the
/// property and the value, never a silent zero.
/// </summary>
internal sealed class ReportValues
{
    private readonly IReadOnlyDictionary<string, object?> _properties;
    private readonly string _itemDescription;

    public ReportValues(IReadOnlyDictionary<string, object?> properties, string itemDescription)
    {
        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties)
        {
            if (!byName.ContainsKey(property.Key))
            {
                byName[property.Key] = property.Value;
            }
        }

        _properties = byName;
        _itemDescription = itemDescription;
    }

    public bool Has(string name) => _properties.ContainsKey(name);

    public string? Text(string name)
    {
        var value = Raw(name);
        return value switch
        {
            null => null,
            // A re-imported difference's text is formula-guarded; the report shows it as given (its CSV guards it again).
            string text => text.Length == 0 ? null : SpreadsheetText.Restore(text),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    public string RequiredText(string name) =>
        Text(name) ?? throw Invalid(name, null, "is missing or empty");

    public decimal? Decimal(string name)
    {
        var value = Raw(name);
        switch (value)
        {
            case null:
                return null;
            case decimal number:
                return number;
            case double or float or int or long or short or byte or uint or ulong:
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        }

        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (TryParseDecimal(text, out var parsed))
        {
            return parsed;
        }

        throw Invalid(name, text, "is not a number");
    }

    public decimal RequiredDecimal(string name) => Decimal(name) ?? 0m;

    public long? Long(string name)
    {
        var number = Decimal(name);
        if (number is null)
        {
            return null;
        }

        if (number != System.Math.Truncate(number.Value) || number < long.MinValue || number > long.MaxValue)
        {
            throw Invalid(name, Text(name), "is not a whole number");
        }

        return (long)number.Value;
    }

    public int Int(string name)
    {
        var number = Long(name) ?? 0;
        if (number < int.MinValue || number > int.MaxValue)
        {
            throw Invalid(name, Text(name), "is out of range");
        }

        return (int)number;
    }

    public bool Bool(string name)
    {
        var value = Raw(name);
        switch (value)
        {
            case null:
                return false;
            case bool flag:
                return flag;
        }

        var text = Text(name);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text.Trim(), out var parsed))
        {
            return parsed;
        }

        throw Invalid(name, text, "is not True or False");
    }

    /// <summary>A calendar date at UTC midnight; the local time zone never moves it.</summary>
    public DateTime? Date(string name)
    {
        var value = Raw(name);
        switch (value)
        {
            case null:
                return null;
            case DateTime date:
                return date.Year <= 1 ? null : DateTime.SpecifyKind(date.Date, DateTimeKind.Utc);
            case DateTimeOffset offset:
                return DateTime.SpecifyKind(offset.Date, DateTimeKind.Utc);
        }

        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        // ISO first (unambiguous); then the culture Export-Csv wrote with on this machine, so 01/11/2026 is
        // November 1 in Paris and January 11 in Texas; then the common spellings of other cultures.
        if ((IsIso(text) && CellFormat.Default.TryParseDate(text, out var parsed))
            || TryParseInCurrentCulture(text, out parsed)
            || CellFormat.Default.TryParseDate(text, out parsed))
        {
            return parsed;
        }

        throw Invalid(name, text, "is not a date");
    }

    /// <summary>An instant in UTC; text and kind-less values without an offset are taken as UTC.</summary>
    public DateTime? Timestamp(string name)
    {
        var value = Raw(name);
        switch (value)
        {
            case null:
                return null;
            case DateTime instant:
                return instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : DateTime.SpecifyKind(instant, DateTimeKind.Utc);
            case DateTimeOffset offset:
                return offset.UtcDateTime;
        }

        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (IsIso(text) && CellFormat.Default.TryParseTimestamp(text, out var parsed))
        {
            return parsed;
        }

        if (DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var local))
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        }

        if (CellFormat.Default.TryParseTimestamp(text, out parsed))
        {
            return parsed;
        }

        throw Invalid(name, text, "is not a date and time");
    }

    public TimeSpan? Duration(string name)
    {
        var value = Raw(name);
        if (value is TimeSpan span)
        {
            return span;
        }

        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw Invalid(name, text, "is not a duration");
    }

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(typeof(TEnum), parsed))
        {
            return parsed;
        }

        throw Invalid(name, text, $"is not one of {string.Join(", ", System.Enum.GetNames(typeof(TEnum)))}");
    }

    /// <summary>A dictionary-valued property (a live or deserialized one); text such as Export-Csv writes for it is ignored.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Entries(string name)
    {
        if (Raw(name) is not IDictionary dictionary)
        {
            yield break;
        }

        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
        }
    }

    /// <summary>
    /// Invariant text first (what the live object and Import-Clixml give); a lone decimal comma next (what Export-Csv
    /// writes under a culture like de-DE — it never writes thousands separators).
    /// </summary>
    internal static bool TryParseDecimal(string text, out decimal value)
    {
        const NumberStyles Styles = NumberStyles.Float;
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed, Styles, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var comma = trimmed.IndexOf(',');
        return comma >= 0
            && comma == trimmed.LastIndexOf(',')
            && trimmed.IndexOf('.') < 0
            && decimal.TryParse(trimmed.Replace(',', '.'), Styles, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsIso(string text)
    {
        var s = text.Trim();
        return s.Length >= 10 && char.IsDigit(s[0]) && s[4] == '-' && s[7] == '-';
    }

    private static bool TryParseInCurrentCulture(string text, out DateTime? value)
    {
        value = null;
        if (!DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        value = parsed.Year <= 1 ? null : DateTime.SpecifyKind(parsed.Date, DateTimeKind.Utc);
        return true;
    }

    private object? Raw(string name) => _properties.TryGetValue(name, out var value) ? value : null;

    private ReportInputException Invalid(string name, string? value, string problem) =>
        new(value is null
            ? $"The {_itemDescription}'s {name} {problem}."
            : $"The {_itemDescription}'s {name} '{value}' {problem}.");
}
