using System.Globalization;

namespace Autotask.Billing.Tabular;

/// <summary>
/// Culture-safe parsing of number and date cells. Numbers: '.' decimals; a lone ',' is a decimal comma when the
/// file is ';'-delimited or the profile says so (or when it cannot be a thousands separator); when both appear the
/// later one is the decimal separator; a leading apostrophe (Excel's text guard) is dropped. Dates: ISO 8601,
/// d.M.yyyy, yyyy/MM/dd, plus any formats a profile declares; 0001-01-01 means none. A slash date a/b/yyyy
/// (+ H:mm, H:mm:ss, h:mm:ss tt) is read in the declared culture's day/month order; without one it is read only
/// when the numbers decide the order (one of them above 12, or both equal), the first such date fixes the order
/// for the rest of the file, and a date that could be read either way is rejected (issue 10 item 13: never
/// half a file one way and half the other).
/// </summary>
internal sealed class CellFormat
{
    private static readonly string[] BuiltInDateFormats =
    {
        "d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "yyyy-MM-dd", "yyyy/MM/dd",
    };

    private const NumberStyles DecimalStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private static readonly string[] SlashTimes = { string.Empty, " H:mm", " H:mm:ss", " h:mm tt", " h:mm:ss tt" };

    // Built once, not per cell: a Partner Center line has three slash dates.
    private static readonly string[] DayFirstSlashFormats = SlashTimes.Select(t => "d/M/yyyy" + t).ToArray();
    private static readonly string[] MonthFirstSlashFormats = SlashTimes.Select(t => "M/d/yyyy" + t).ToArray();

    private readonly string[] _extraDateFormats;
    private readonly string[] _dateFormats;
    private readonly CultureInfo? _culture;
    private readonly bool? _declaredDayFirst;
    private readonly bool _perFile;
    private bool? _inferredDayFirst;
    private string? _inferredFrom;

    /// <summary>One file's conventions; <paramref name="culture"/> (null: none declared) fixes the day/month order.</summary>
    public CellFormat(bool commaIsDecimal, IEnumerable<string>? extraDateFormats = null, CultureInfo? culture = null)
        : this(commaIsDecimal, extraDateFormats, culture, perFile: true)
    {
    }

    private CellFormat(bool commaIsDecimal, IEnumerable<string>? extraDateFormats, CultureInfo? culture, bool perFile)
    {
        CommaIsDecimal = commaIsDecimal;
        _extraDateFormats = (extraDateFormats ?? Enumerable.Empty<string>()).ToArray();
        _dateFormats = _extraDateFormats.Concat(BuiltInDateFormats).ToArray();
        _culture = culture;
        _declaredDayFirst = culture is null ? null : IsDayFirst(culture);
        _perFile = perFile;
    }

    /// <summary>Shared and stateless: reads only dates whose own numbers decide the day/month order.</summary>
    public static CellFormat Default { get; } = new(false, null, null, perFile: false);

    /// <summary>
    /// Pipeline objects (Import-Csv rows of lines this module wrote, Clixml, JSON): read by <see cref="Loose.LooseValue"/>,
    /// whose one culture policy knows what Export-Csv writes in the session's culture.
    /// </summary>
    public static CellFormat Session { get; } = new(false, null, null, perFile: false) { _session = true };

    private bool _session;

    public bool CommaIsDecimal { get; }

    public bool TryParseDecimal(string text, out decimal value)
    {
        if (_session)
        {
            return Loose.LooseValue.TryDecimal(text, out value);
        }

        var s = text.Trim();
        if (PlainCells.TryDecimal(s, out value))
        {
            return true;
        }

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
    public bool TryParseDate(string text, out DateTime? value) => TryParseDate(text, out value, out _);

    /// <summary>As <see cref="TryParseDate(string, out DateTime?)"/>; <paramref name="ambiguity"/> says why a slash date was refused.</summary>
    public bool TryParseDate(string text, out DateTime? value, out string? ambiguity)
    {
        value = null;
        ambiguity = null;
        if (_session)
        {
            var found = Loose.LooseValue.TryDate(text, out var date);
            value = found ? date : null;
            return found;
        }

        var s = text.Trim();
        if (IsIsoDate(s))
        {
            if (!PlainCells.TryIsoDate(s, out var isoDate)
                && !DateTime.TryParseExact(s.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out isoDate))
            {
                return false;
            }

            value = isoDate.Year <= 1 ? null : BillingWindow.AsDate(isoDate);
            return true;
        }

        if (!TryParseWritten(s, out var parsed, out ambiguity))
        {
            return false;
        }

        value = parsed.Year <= 1 ? null : BillingWindow.AsDate(parsed);
        return true;
    }

    /// <summary>An instant in UTC; text without an offset is taken as UTC (Partner Center writes UTC).</summary>
    public bool TryParseTimestamp(string text, out DateTime? value) => TryParseTimestamp(text, out value, out _);

    /// <summary>As <see cref="TryParseTimestamp(string, out DateTime?)"/>, with the reason a slash date was refused.</summary>
    public bool TryParseTimestamp(string text, out DateTime? value, out string? ambiguity)
    {
        value = null;
        ambiguity = null;
        if (_session)
        {
            var found = Loose.LooseValue.TryTimestamp(text, out var instant);
            value = found ? instant : null;
            return found;
        }

        var s = text.Trim();
        if (IsIsoDate(s))
        {
            if (PlainCells.TryUtcTimestamp(s, out var utc))
            {
                value = utc.Year <= 1 ? null : utc;
                return true;
            }

            if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                return false;
            }

            value = instant.Year <= 1 ? null : instant.UtcDateTime;
            return true;
        }

        if (!TryParseWritten(s, out var parsed, out ambiguity))
        {
            return false;
        }

        value = parsed.Year <= 1 ? null : DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return true;
    }

    /// <summary>The profile's own formats first (they declare their order), then slash dates, then the rest.</summary>
    private bool TryParseWritten(string s, out DateTime parsed, out string? ambiguity)
    {
        ambiguity = null;
        if (_extraDateFormats.Length > 0
            && DateTime.TryParseExact(s, _extraDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed))
        {
            return true;
        }

        if (!IsSlashDate(s, out var first, out var second, out var year, out var end))
        {
            return DateTime.TryParseExact(s, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed);
        }

        parsed = default;
        var dayFirst = _declaredDayFirst ?? OrderOf(s, first, second, out ambiguity);
        if (dayFirst is not { } order)
        {
            return false;
        }

        // A slash date alone (no time after it) whose numbers make a date is that date.
        if (end == s.Length && PlainCells.TryDate(year, order ? second : first, order ? first : second, out parsed))
        {
            return true;
        }

        if (DateTime.TryParseExact(s, order ? DayFirstSlashFormats : MonthFirstSlashFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed))
        {
            return true;
        }

        if (_culture is not null)
        {
            ambiguity = $"'{s}' is not a date in the declared culture '{_culture.Name}' ({(order ? "day/month/year" : "month/day/year")}).";
        }

        return false;
    }

    /// <summary>The order the numbers prove (one above 12) or that the file already showed; null with the reason otherwise.</summary>
    private bool? OrderOf(string s, int first, int second, out string? ambiguity)
    {
        ambiguity = null;
        bool? proven = first > 12 && second <= 12 ? true : second > 12 && first <= 12 ? false : null;
        if (proven is null)
        {
            if (first == second)
            {
                return _inferredDayFirst ?? false;
            }

            ambiguity = $"'{s}' can be read day-first or month-first; declare the file's culture "
                + "(-Culture en-GB for day/month/year, -Culture en-US for month/day/year, or 'culture' in the billing profile).";
            return null;
        }

        if (_perFile)
        {
            if (_inferredDayFirst is { } seen && seen != proven)
            {
                ambiguity = $"'{s}' is {Order(proven.Value)} but '{_inferredFrom}' earlier in the file is {Order(seen)}; "
                    + "declare the file's culture (-Culture, or 'culture' in the billing profile).";
                return null;
            }

            _inferredDayFirst = proven;
            _inferredFrom ??= s;
        }

        return proven;
    }

    private static string Order(bool dayFirst) => dayFirst ? "day-first" : "month-first";

    /// <summary>Day before month in the culture's short date pattern (en-GB, de-DE) or not (en-US, invariant).</summary>
    private static bool IsDayFirst(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var day = pattern.IndexOf('d');
        var month = pattern.IndexOf('M');
        return day >= 0 && month >= 0 && day < month;
    }

    /// <summary>
    /// Whether <paramref name="s"/> starts with a slash date: 1–2 digits, '/', 1–2 digits, '/', 4 digits, then its end
    /// or white space (a time may follow); <paramref name="first"/> and <paramref name="second"/> are its two leading
    /// numbers. Written out, not a regex: Partner Center files have four such dates a line (issue 15).
    /// </summary>
    internal static bool IsSlashDate(string s, out int first, out int second) => IsSlashDate(s, out first, out second, out _, out _);

    /// <summary>As <see cref="IsSlashDate(string, out int, out int)"/>, with the year and where the date ends.</summary>
    private static bool IsSlashDate(string s, out int first, out int second, out int year, out int end)
    {
        second = 0;
        year = 0;
        end = 0;
        return Number(s, ref end, 1, 2, out first) && Slash(s, ref end)
            && Number(s, ref end, 1, 2, out second) && Slash(s, ref end)
            && Number(s, ref end, 4, 4, out year) && (end == s.Length || char.IsWhiteSpace(s[end]));
    }

    private static bool Slash(string s, ref int at) => at < s.Length && s[at++] == '/';

    private static bool Number(string s, ref int at, int fewest, int most, out int value)
    {
        value = 0;
        var start = at;
        while (at < s.Length && at - start < most && s[at] >= '0' && s[at] <= '9')
        {
            value = (value * 10) + (s[at++] - '0');
        }

        return at - start >= fewest;
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
