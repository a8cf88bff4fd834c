using System.Globalization;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Loose;

/// <summary>
/// The one reader of loosely typed values: what comes back from Import-Csv (text written by Export-Csv under the
/// session's culture), Import-Clixml (typed values; enums as their numbers) and ConvertFrom-Json (numbers as double or
/// long, enums as numbers). Every command that rebuilds differences, mappings or report rows from such objects reads
/// its numbers, dates, flags and enums here, under one culture policy:
/// <list type="bullet">
/// <item>numbers: invariant first (what typed values, Clixml and JSON give), then the session culture's decimal
/// separator without grouping (what Export-Csv writes under sv-SE, de-DE, fr-FR); grouping is never guessed, so
/// "4,80" is 4.80 and never 480;</item>
/// <item>dates: ISO first (unambiguous), then the session culture (Export-Csv's form: 31/10/2026 in en-GB, 10/31/2026
/// in en-US), then the invariant spellings;</item>
/// <item>enums: by name (any case) or by their defined number; flags: True/False, Yes/No, Y/N, 1/0, and X for a
/// ticked box (what CRM and spreadsheet check-box columns export).</item>
/// </list>
/// The session culture is the thread's current culture, which is the culture Export-Csv used in that session.
/// </summary>
public static class LooseValue
{
    private const NumberStyles DecimalStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool IsEmpty(object? value) => value is null || (value is string text && text.Trim().Length == 0);

    /// <summary>A typed value as the invariant text the readers take (enums by name, dates as ISO), or the text as it is.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "True" : "False",
        Enum named => named.ToString(),
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static bool TryDecimal(object? value, out decimal number)
    {
        switch (value)
        {
            case decimal exact:
                number = exact;
                return true;
            case double or float or int or long or short or byte or uint or ulong or ushort or sbyte:
                number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
            case string text:
                return TryDecimal(text, out number);
            default:
                number = 0;
                return false;
        }
    }

    public static bool TryDecimal(string text, out decimal number)
    {
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed, DecimalStyles, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        // The session culture's own signs (sv-SE writes U+2212 for minus) and decimal separator, never its grouping.
        var culture = CultureInfo.CurrentCulture.NumberFormat;
        var normalised = culture.NegativeSign == "-" ? trimmed : trimmed.Replace(culture.NegativeSign, "-");
        var separator = culture.NumberDecimalSeparator;
        if (separator != "." && normalised.IndexOf('.') < 0)
        {
            normalised = normalised.Replace(separator, ".");
        }

        return normalised != trimmed
            && decimal.TryParse(normalised, DecimalStyles, CultureInfo.InvariantCulture, out number);
    }

    public static bool TryLong(object? value, out long number)
    {
        switch (value)
        {
            case long whole:
                number = whole;
                return true;
            case int or short or byte or uint or ushort or sbyte:
                number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return true;
            case decimal or double or float when TryDecimal(value, out var exact) && exact == decimal.Truncate(exact) && exact >= long.MinValue && exact <= long.MaxValue:
                number = (long)exact;
                return true;
            case string text:
                return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    public static bool TryBool(object? value, out bool flag)
    {
        switch (value)
        {
            case bool typed:
                flag = typed;
                return true;
            case int or long when TryLong(value, out var number) && number is 0 or 1:
                flag = number == 1;
                return true;
        }

        switch (Text(value)?.Trim().ToUpperInvariant())
        {
            case "TRUE" or "YES" or "Y" or "1" or "X":
                flag = true;
                return true;
            case "FALSE" or "NO" or "N" or "0":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    /// <summary>An enum by name (any case) or by a defined number: Clixml and JSON carry enums as their numbers.</summary>
    public static bool TryEnum(Type enumType, object? value, out object? parsed)
    {
        parsed = null;
        if (value is null)
        {
            return false;
        }

        if (value.GetType() == enumType)
        {
            parsed = value;
            return true;
        }

        if (value is not string && TryLong(value, out var number) || value is string digits && TryLong(digits, out number))
        {
            var numeric = Enum.ToObject(enumType, number);
            parsed = Enum.IsDefined(enumType, numeric) ? numeric : null;
            return parsed is not null;
        }

        var text = Text(value)!.Trim();
        var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return false;
        }

        parsed = Enum.Parse(enumType, name);
        return true;
    }

    public static bool TryEnum<TEnum>(object? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        var ok = TryEnum(typeof(TEnum), value, out var boxed);
        parsed = ok ? (TEnum)boxed! : default;
        return ok;
    }

    /// <summary>A calendar date at midnight UTC; the time of a typed value is dropped, its kind never moves the date.</summary>
    public static bool TryDate(object? value, out DateTime date)
    {
        switch (value)
        {
            case DateTime typed:
                date = DateTime.SpecifyKind(typed.Date, DateTimeKind.Utc);
                return true;
            case DateTimeOffset offset:
                date = DateTime.SpecifyKind(offset.Date, DateTimeKind.Utc);
                return true;
        }

        date = default;
        var text = Text(value)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if ((IsIso(text!) && CellFormat.Default.TryParseDate(text!, out var parsed))
            || TryCurrentCulture(text!, out parsed)
            || CellFormat.Default.TryParseDate(text!, out parsed))
        {
            if (parsed is { } found)
            {
                date = found;
                return true;
            }
        }

        return false;
    }

    /// <summary>An instant in UTC; a kind-less time or text without an offset is taken as UTC.</summary>
    public static bool TryTimestamp(object? value, out DateTime utc)
    {
        switch (value)
        {
            case DateTime typed:
                utc = typed.Kind == DateTimeKind.Local ? typed.ToUniversalTime() : DateTime.SpecifyKind(typed, DateTimeKind.Utc);
                return true;
            case DateTimeOffset offset:
                utc = offset.UtcDateTime;
                return true;
        }

        utc = default;
        var text = Text(value)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (IsIso(text!) && CellFormat.Default.TryParseTimestamp(text!, out var parsed) && parsed is { } iso)
        {
            utc = iso;
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var local))
        {
            utc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
            return true;
        }

        if (CellFormat.Default.TryParseTimestamp(text!, out parsed) && parsed is { } other)
        {
            utc = other;
            return true;
        }

        return false;
    }

    private static bool IsIso(string text) => text.Length >= 10 && char.IsDigit(text[0]) && text[4] == '-' && text[7] == '-';

    private static bool TryCurrentCulture(string text, out DateTime? value)
    {
        value = null;
        if (!DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        value = parsed.Year <= 1 ? null : DateTime.SpecifyKind(parsed.Date, DateTimeKind.Utc);
        return true;
    }
}
