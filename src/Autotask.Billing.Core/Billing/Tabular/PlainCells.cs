namespace Autotask.Billing.Tabular;

/// <summary>
/// The few shapes nearly every number and date cell of a vendor file takes (10, -2.50, 2026-10-01,
/// 2026-10-01T06:00:00.0000000Z), read directly. A month's Partner Center file has a million such cells, and the
/// framework's general parsers were a tenth of reading it (issue 15). Each method accepts only text it reads to
/// exactly the value the general parser <see cref="CellFormat"/> falls back to would give (PlainCellsTests compares
/// them), and says false for anything else, which is then left to that parser.
/// </summary>
internal static class PlainCells
{
    // 18 digits always fit a long, so the value is exact before it becomes a decimal.
    private const int MostDigits = 18;

    /// <summary>An optional '-', digits, and optionally '.' and more digits: the value with as many decimals as written.</summary>
    public static bool TryDecimal(string s, out decimal value)
    {
        value = 0m;
        var at = s.Length > 0 && s[0] == '-' ? 1 : 0;
        long digits = 0;
        var count = 0;
        var scale = -1;
        for (; at < s.Length; at++)
        {
            var c = s[at];
            if (c >= '0' && c <= '9')
            {
                if (++count > MostDigits)
                {
                    return false;
                }

                digits = (digits * 10) + (c - '0');
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        var negative = s.Length > 0 && s[0] == '-';

        // A lone sign, a point without digits on both sides and a negative zero are left to the general parser.
        if (count == 0 || scale == 0 || (negative && digits == 0) || (negative ? s.Length > 1 && s[1] == '.' : s[0] == '.'))
        {
            return false;
        }

        value = new decimal((int)digits, (int)(digits >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>yyyy-MM-dd as the first ten characters (what follows is the caller's), a real date.</summary>
    public static bool TryIsoDate(string s, out DateTime date)
    {
        date = default;
        return s.Length >= 10 && s[4] == '-' && s[7] == '-'
            && TryDigits(s, 0, 4, out var year) && TryDigits(s, 5, 2, out var month) && TryDigits(s, 8, 2, out var day)
            && TryDate(year, month, day, out date);
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss, an optional fraction of up to seven digits, and 'Z': the instant in UTC.</summary>
    public static bool TryUtcTimestamp(string s, out DateTime instant)
    {
        instant = default;
        if (s.Length < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[s.Length - 1] != 'Z'
            || !TryIsoDate(s, out var date)
            || !TryDigits(s, 11, 2, out var hour) || hour > 23
            || !TryDigits(s, 14, 2, out var minute) || minute > 59
            || !TryDigits(s, 17, 2, out var second) || second > 59)
        {
            return false;
        }

        long ticks = 0;
        var fraction = s.Length - 21;
        if (fraction >= 0)
        {
            // ".fffffff": the fraction's digits are ticks once padded to seven.
            if (s[19] != '.' || fraction < 1 || fraction > 7 || !TryDigits(s, 20, fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction; i < 7; i++)
            {
                ticks *= 10;
            }
        }
        else if (s.Length != 20)
        {
            return false;
        }

        instant = new DateTime(date.Year, date.Month, date.Day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    /// <summary>The date of these numbers, when there is one (month 1–12, the day in the month, year 1–9999).</summary>
    public static bool TryDate(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day);
        return true;
    }

    private static bool TryDigits(string s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = s[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
