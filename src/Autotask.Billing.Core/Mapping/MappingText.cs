using System.Globalization;
using Autotask.Billing.Loose;

namespace Autotask.Billing.Mapping;

/// <summary>
/// The text forms of mapping values, shared by the JSON store and CSV rows so that both round-trip:
/// ids as invariant integers, enums by name, dates as <c>yyyy-MM-dd</c>, times as ISO 8601 UTC with <c>Z</c>.
/// </summary>
internal static class MappingText
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>
    /// Free text as a mapping keeps it (a note, a name template, a CSV cell): trimmed, and blank as none, which is
    /// what an Export-Csv / Import-Csv round trip reads back.
    /// </summary>
    public static string? OptionalText(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    public static string FormatId(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string FormatDate(DateTime? date) =>
        date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A time without a kind is taken as UTC already: converting it would let the local time zone move it.</summary>
    public static string FormatTimestamp(DateTime? utc) =>
        utc is DateTime value
            ? (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(TimestampFormat, CultureInfo.InvariantCulture)
            : string.Empty;

    public static string FormatBool(bool value) => value ? "True" : "False";

    public static string? CheckId(long id) =>
        id > 0 ? null : $"{id} is not an Autotask id; ids are positive whole numbers";

    public static bool TryParseId(string text, out long id, out string? problem)
    {
        problem = null;
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id))
        {
            problem = $"'{text}' is not an Autotask id; ids are positive whole numbers";
            return false;
        }

        problem = CheckId(id);
        return problem is null;
    }

    /// <summary>
    /// Reads a date-only value written as <c>yyyy-MM-dd</c>. When <paramref name="acceptExportCsvForms"/> is set it
    /// also accepts a date-time at midnight in the invariant or the current culture, which is what <c>Export-Csv</c>
    /// writes for a DateTime property.
    /// </summary>
    public static bool TryParseDate(string text, bool acceptExportCsvForms, out DateTime date, out string? problem)
    {
        var trimmed = text.Trim();
        problem = null;
        if (DateTime.TryParseExact(trimmed, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || (acceptExportCsvForms && LooseValue.TryTimestamp(trimmed, out date)))
        {
            if (date.TimeOfDay != TimeSpan.Zero)
            {
                problem = $"'{text}' has a time of day; write the date alone as yyyy-MM-dd";
                return false;
            }

            date = DateTime.SpecifyKind(date, DateTimeKind.Utc);
            return true;
        }

        problem = $"'{text}' is not a date; write it as yyyy-MM-dd, e.g. 2024-05-01";
        return false;
    }

    public static bool TryParseTimestamp(string text, out DateTime utc, out string? problem)
    {
        problem = null;
        if (DateTime.TryParse(
                text.Trim(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.RoundtripKind,
                out utc)
            && utc.Kind == DateTimeKind.Utc)
        {
            return true;
        }

        problem = $"'{text}' is not a UTC time; write it as yyyy-MM-ddTHH:mm:ssZ";
        return false;
    }

    public static bool TryParseBool(string text, out bool value, out string? problem)
    {
        problem = LooseValue.TryBool(text, out value) ? null : $"'{text}' is not a yes/no value; use True or False";
        return problem is null;
    }

    /// <summary>
    /// Reads an enum by name, or by its defined number (Export-Clixml and ConvertTo-Json write enums as numbers);
    /// undefined words and numbers are refused with the list of valid words.
    /// </summary>
    public static bool TryParseEnum<TEnum>(string text, string what, out TEnum value, out string? problem)
        where TEnum : struct, Enum
    {
        problem = LooseValue.TryEnum(text, out value) ? null : $"'{text}' is not {what}; use one of {string.Join(", ", Enum.GetNames(typeof(TEnum)))}";
        return problem is null;
    }

    public static string CamelCase(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
}
