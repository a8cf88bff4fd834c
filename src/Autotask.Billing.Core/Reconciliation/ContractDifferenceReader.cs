using System.Globalization;
using System.Reflection;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Rebuilds a <see cref="ContractDifference"/> from a property bag, as Sync-AtContract gets it back from Import-Csv
/// (every value a string, empty meaning no value) or Import-Clixml (typed values). Names match without regard to
/// case; unknown names (PowerShell's own note properties, computed columns) are ignored; numbers and dates are read
/// in the invariant culture (PowerShell writes them that way), dates as UTC calendar dates or times.
/// DifferenceId and Kind are required.
/// <para>
/// Text crosses files guarded: a difference's text (vendor names, ids, phones) is formula-guarded when the difference
/// is made (<see cref="Guarded"/>), so an exported review file is safe to open in a spreadsheet and reads back to the
/// very object Compare-AtContract emitted; <see cref="Restored"/> gives the original text where it is used (the sync
/// plan), once.
/// </para>
/// </summary>
public static class ContractDifferenceReader
{
    private static readonly ContractDifference Defaults = new();

    private static readonly PropertyInfo[] Settable = typeof(ContractDifference)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetSetMethod(nonPublic: true) is not null)
        .ToArray();

    private static readonly string[] Required = { nameof(ContractDifference.DifferenceId), nameof(ContractDifference.Kind) };

    public static ContractDifference FromProperties(IReadOnlyDictionary<string, object?> properties)
    {
        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in properties)
        {
            byName[pair.Key.Trim()] = pair.Value;
        }

        foreach (var name in Required)
        {
            if (!byName.TryGetValue(name, out var value) || IsEmpty(value))
            {
                throw new ContractDifferencePropertyException(name, null, "it is required to rebuild a difference.");
            }
        }

        var difference = new ContractDifference();
        foreach (var property in Settable)
        {
            if (byName.TryGetValue(property.Name, out var value))
            {
                property.SetValue(difference, Convert(property, value));
            }
        }

        return difference;
    }

    /// <summary>Guards every text property of a difference being made (see <see cref="SpreadsheetText"/>).</summary>
    internal static ContractDifference Guarded(ContractDifference difference)
    {
        foreach (var property in Settable.Where(static p => p.PropertyType == typeof(string)))
        {
            property.SetValue(difference, SpreadsheetText.Guard((string?)property.GetValue(difference)));
        }

        return difference;
    }

    /// <summary>A copy of a (live or rebuilt) difference with its text as the vendor and mapping gave it.</summary>
    public static ContractDifference Restored(ContractDifference difference)
    {
        if (difference is null)
        {
            throw new ArgumentNullException(nameof(difference));
        }

        var copy = new ContractDifference();
        foreach (var property in Settable)
        {
            var value = property.GetValue(difference);
            property.SetValue(copy, property.PropertyType == typeof(string) ? SpreadsheetText.Restore((string?)value) : value);
        }

        return copy;
    }

    private static bool IsEmpty(object? value) => value is null || (value is string text && text.Trim().Length == 0);

    private static object? Convert(PropertyInfo property, object? value)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        if (IsEmpty(value))
        {
            if (type == typeof(string))
            {
                return property.GetValue(Defaults) is null ? null : string.Empty;
            }

            if (underlying is not null)
            {
                return null;
            }

            throw new ContractDifferencePropertyException(property.Name, null, $"a {Describe(type)} is required.");
        }

        var target = underlying ?? type;
        try
        {
            return target switch
            {
                _ when target == typeof(string) => value is string text ? text : System.Convert.ToString(value, CultureInfo.InvariantCulture),
                _ when target.IsEnum => ToEnum(target, value!),
                _ when target == typeof(bool) => ToBool(value!),
                _ when target == typeof(DateTime) => ToDate(value!),
                _ when target == typeof(decimal) => value is string text
                    ? decimal.Parse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)
                    : System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                _ when target == typeof(long) || target == typeof(int) => value is string text
                    ? System.Convert.ChangeType(long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture), target, CultureInfo.InvariantCulture)
                    : System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
                _ => throw new NotSupportedException($"ContractDifference.{property.Name} has a type ({target.Name}) the reader does not know."),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException && e is not ContractDifferencePropertyException)
        {
            throw new ContractDifferencePropertyException(property.Name, value, $"it is not a {Describe(target)}.");
        }
    }

    private static object ToEnum(Type type, object value)
    {
        if (value.GetType() == type)
        {
            return value;
        }

        var text = value is string s ? s.Trim() : System.Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            var numeric = Enum.ToObject(type, number);
            return Enum.IsDefined(type, numeric) ? numeric : throw new ArgumentException("undefined value");
        }

        var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException("unknown name");
        return Enum.Parse(type, name);
    }

    private static bool ToBool(object value)
    {
        if (value is bool flag)
        {
            return flag;
        }

        var text = System.Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim();
        if (bool.TryParse(text, out var parsed))
        {
            return parsed;
        }

        return text switch
        {
            "1" => true,
            "0" => false,
            _ => throw new FormatException("not a boolean"),
        };
    }

    private static DateTime ToDate(object value)
    {
        if (value is DateTime date)
        {
            return date.Kind switch
            {
                DateTimeKind.Utc => date,
                DateTimeKind.Local => date.ToUniversalTime(),
                _ => DateTime.SpecifyKind(date, DateTimeKind.Utc),
            };
        }

        if (value is DateTimeOffset offset)
        {
            return offset.UtcDateTime;
        }

        var text = System.Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim();
        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static string Describe(Type type) =>
        type.IsEnum ? $"{type.Name} (one of {string.Join(", ", Enum.GetNames(type))})"
        : type == typeof(bool) ? "boolean (True or False)"
        : type == typeof(DateTime) ? "date (e.g. 2026-10-31 or 10/31/2026 00:00:00)"
        : type == typeof(decimal) ? "number in invariant form (e.g. 1234.5)"
        : type == typeof(long) || type == typeof(int) ? "whole number"
        : type.Name;
}
