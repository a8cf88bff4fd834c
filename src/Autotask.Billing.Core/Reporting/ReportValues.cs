using System.Collections;
using System.Globalization;
using Autotask.Billing.Loose;

namespace Autotask.Billing.Reporting;

/// <summary>
/// Reads one named value from a property bag, whether it holds the typed value (the live object, Import-Clixml) or
/// its text (Import-Csv, written under any culture), through <see cref="LooseValue"/>'s one culture policy. Bad values are a <see cref="ReportInputException"/> naming the
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
            string text => text.Length == 0 ? null : text,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    public string RequiredText(string name) =>
        Text(name) ?? throw Invalid(name, null, "is missing or empty");

    public decimal? Decimal(string name)
    {
        var value = Raw(name);
        if (value is null || (value is string empty && empty.Length == 0))
        {
            return null;
        }

        return LooseValue.TryDecimal(value, out var number) ? number : throw Invalid(name, Text(name), "is not a number");
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
        if (value is null || Text(name) is null)
        {
            return false;
        }

        return LooseValue.TryBool(value, out var flag) ? flag : throw Invalid(name, Text(name), "is not True or False");
    }

    /// <summary>A calendar date at UTC midnight; the local time zone never moves it.</summary>
    public DateTime? Date(string name)
    {
        var value = Raw(name);
        if (value is DateTime { Year: <= 1 } || Text(name) is null)
        {
            return null;
        }

        return LooseValue.TryDate(value, out var date) ? date : throw Invalid(name, Text(name), "is not a date");
    }

    /// <summary>An instant in UTC; text and kind-less values without an offset are taken as UTC.</summary>
    public DateTime? Timestamp(string name)
    {
        var value = Raw(name);
        if (Text(name) is null)
        {
            return null;
        }

        return LooseValue.TryTimestamp(value, out var utc) ? utc : throw Invalid(name, Text(name), "is not a date and time");
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
        where TEnum : struct, System.Enum
    {
        var value = Raw(name);
        if (Text(name) is null)
        {
            return null;
        }

        return LooseValue.TryEnum<TEnum>(value, out var parsed)
            ? parsed
            : throw Invalid(name, Text(name), $"is not one of {string.Join(", ", System.Enum.GetNames(typeof(TEnum)))}");
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

    private object? Raw(string name) => _properties.TryGetValue(name, out var value) ? value : null;

    private ReportInputException Invalid(string name, string? value, string problem) =>
        new(value is null
            ? $"The {_itemDescription}'s {name} {problem}."
            : $"The {_itemDescription}'s {name} '{value}' {problem}.");
}
