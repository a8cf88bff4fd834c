using Autotask.Billing.Loose;

namespace Autotask.Billing.Crm;

/// <summary>
/// The column aliases of sales-system exports: the first of a field's names that has a value is read, and read by
/// <see cref="LooseValue"/> (the one reader of loose values), so a spreadsheet value means the same in a CRM import as
/// in a billing file. A value LooseValue cannot read is refused with the row and the column it came from.
/// </summary>
internal static class RowValues
{
    public static string? Text(IReadOnlyDictionary<string, object?> row, string[] names)
    {
        foreach (var name in names)
        {
            if (row.TryGetValue(name, out var value) && CrmText.Clean(LooseValue.Text(value)) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    public static bool Flag(IReadOnlyDictionary<string, object?> row, string[] names, string where) =>
        First(row, names) is var (name, value)
            ? LooseValue.TryBool(value, out var flag) ? flag : throw Refused(where, name, value, "is not true or false")
            : false;

    public static decimal? Decimal(IReadOnlyDictionary<string, object?> row, string[] names, string where) =>
        First(row, names) is var (name, value)
            ? LooseValue.TryDecimal(value, out var number)
                ? number
                : throw Refused(where, name, value, "is not a number (a dot or the session culture's decimal separator, no thousands separators)")
            : null;

    /// <summary>A whole number such as a record id: a fraction or a number past a long is refused, never cut short.</summary>
    public static long? Long(IReadOnlyDictionary<string, object?> row, string[] names, string where) =>
        First(row, names) is var (name, value)
            ? LooseValue.TryLong(value, out var number) ? number : throw Refused(where, name, value, "is not a whole number")
            : null;

    /// <summary>A calendar date (midnight UTC): ISO, or as the session culture writes dates.</summary>
    public static DateTime? Date(IReadOnlyDictionary<string, object?> row, string[] names, string where) =>
        First(row, names) is var (name, value)
            ? LooseValue.TryDate(value, out var date) ? date : throw Refused(where, name, value, "is not a date (use yyyy-MM-dd)")
            : null;

    /// <summary>The first of the names with a value; empty text counts as none.</summary>
    private static (string Name, object Value)? First(IReadOnlyDictionary<string, object?> row, string[] names)
    {
        foreach (var name in names)
        {
            if (row.TryGetValue(name, out var value) && !LooseValue.IsEmpty(value))
            {
                return (name, value!);
            }
        }

        return null;
    }

    private static CustomerInputException Refused(string where, string name, object value, string reason) =>
        new($"{where}: {name} '{LooseValue.Text(value)?.Trim()}' {reason}.");
}
