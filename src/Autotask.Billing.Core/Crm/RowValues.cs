using System.Globalization;

namespace Autotask.Billing.Crm;

/// <summary>The one place loosely typed export values (text, yes/no, numbers in the invariant culture) are read.</summary>
internal static class RowValues
{
    public static string? Text(IReadOnlyDictionary<string, object?> row, string[] names)
    {
        foreach (var name in names)
        {
            if (row.TryGetValue(name, out var value) && CrmText.Clean(Convert.ToString(value, CultureInfo.InvariantCulture)) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    public static bool Flag(IReadOnlyDictionary<string, object?> row, string[] names, string where)
    {
        foreach (var name in names)
        {
            if (!row.TryGetValue(name, out var value) || value is null)
            {
                continue;
            }

            if (value is bool flag)
            {
                return flag;
            }

            var text = CrmText.Clean(Convert.ToString(value, CultureInfo.InvariantCulture))?.ToUpperInvariant();
            switch (text)
            {
                case null: continue;
                case "TRUE" or "YES" or "Y" or "1" or "X": return true;
                case "FALSE" or "NO" or "N" or "0": return false;
                default: throw new CustomerInputException($"{where}: {name} '{value}' is not true or false.");
            }
        }

        return false;
    }

    public static decimal? Decimal(IReadOnlyDictionary<string, object?> row, string[] names, string where)
    {
        foreach (var name in names)
        {
            if (!row.TryGetValue(name, out var value) || value is null)
            {
                continue;
            }

            switch (value)
            {
                case decimal exact:
                    return exact;
                case double or float or int or long:
                    return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            }

            var text = CrmText.Clean(Convert.ToString(value, CultureInfo.InvariantCulture));
            if (text is null)
            {
                continue;
            }

            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new CustomerInputException($"{where}: {name} '{text}' is not a number (use a dot for decimals).");
        }

        return null;
    }
}
