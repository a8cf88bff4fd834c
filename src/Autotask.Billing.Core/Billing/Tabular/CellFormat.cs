using System.Globalization;

namespace Autotask.Billing.Tabular;

/// <summary>
/// Culture-safe parsing of number and date cells. Numbers: '.' decimals; a lone ',' is a decimal comma when the
/// file is ';'-delimited or the profile says so (or when it cannot be a thousands separator); when both appear the
/// later one is the decimal separator; a leading apostrophe (Excel's text guard) is dropped. Dates: ISO 8601,
/// M/d/yyyy (+ H:mm, H:mm:ss, h:mm:ss tt), d.M.yyyy, plus any formats a profile declares; 0001-01-01 means none.
/// </summary>
internal sealed class CellFormat
{
    private static readonly string[] BuiltInDateFormats =
    {
        "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm tt", "M/d/yyyy h:mm:ss tt",
        "d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "yyyy-MM-dd", "yyyy/MM/dd",
    };

    private const NumberStyles DecimalStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private readonly string[] _dateFormats;

    public CellFormat(bool commaIsDecimal, IEnumerable<string>? extraDateFormats = null)
    {
        CommaIsDecimal = commaIsDecimal;
        _dateFormats = (extraDateFormats ?? Enumerable.Empty<string>()).Concat(BuiltInDateFormats).ToArray();
    }

    public static CellFormat Default { get; } = new(false);

    /// <summary>
    /// Pipeline objects (Import-Csv rows of lines this module wrote, Clixml, JSON): read by <see cref="Loose.LooseValue"/>,
    /// whose one culture policy knows what Export-Csv writes in the session's culture.
    /// </summary>
    public static CellFormat Session { get; } = new(false) { _session = true };

    private bool _session;

    public bool CommaIsDecimal { get; }

    public bool TryParseDecimal(string text, out decimal value)
    {
        if (_session)
        {
            return Loose.LooseValue.TryDecimal(text, out value);
        }

        var s = text.Trim();
        if (s.StartsWith("'", StringComparison.Ordinal))
        {
            s = s.Substring(1).TrimStart();
        }

        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (lastComma >= 0)
        {
            if (lastDot > lastComma)
            {
                s = s.Replace(",", string.Empty);
            }
            else if (lastDot >= 0)
            {
                s = s.Replace(".", string.Empty).Replace(',', '.');
            }
            else
            {
                var single = s.IndexOf(',') == lastComma;
                var decimalComma = single && (CommaIsDecimal || !IsThousandsGroup(s, lastComma));
                s = decimalComma ? s.Replace(',', '.') : s.Replace(",", string.Empty);
            }
        }

        return decimal.TryParse(s, DecimalStyles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A calendar date exactly as written (time and offset ignored), at midnight UTC.</summary>
    public bool TryParseDate(string text, out DateTime? value)
    {
        value = null;
        if (_session)
        {
            var found = Loose.LooseValue.TryDate(text, out var date);
            value = found ? date : null;
            return found;
        }

        var s = text.Trim();
        if (IsIsoDate(s))
        {
            if (!DateTime.TryParseExact(s.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
            {
                return false;
            }

            value = isoDate.Year <= 1 ? null : BillingWindow.AsDate(isoDate);
            return true;
        }

        if (!DateTime.TryParseExact(s, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        value = parsed.Year <= 1 ? null : BillingWindow.AsDate(parsed);
        return true;
    }

    /// <summary>An instant in UTC; text without an offset is taken as UTC (Partner Center writes UTC).</summary>
    public bool TryParseTimestamp(string text, out DateTime? value)
    {
        value = null;
        if (_session)
        {
            var found = Loose.LooseValue.TryTimestamp(text, out var instant);
            value = found ? instant : null;
            return found;
        }

        var s = text.Trim();
        if (IsIsoDate(s))
        {
            if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                return false;
            }

            value = instant.Year <= 1 ? null : instant.UtcDateTime;
            return true;
        }

        if (!DateTime.TryParseExact(s, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        value = parsed.Year <= 1 ? null : DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return true;
    }

    private static bool IsIsoDate(string s) =>
        s.Length >= 10 && char.IsDigit(s[0]) && char.IsDigit(s[3]) && s[4] == '-' && s[7] == '-';

    private static bool IsThousandsGroup(string s, int commaIndex)
    {
        var digitsAfter = s.Length - commaIndex - 1;
        if (digitsAfter != 3)
        {
            return false;
        }

        for (var i = commaIndex + 1; i < s.Length; i++)
        {
            if (!char.IsDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
