using System.Reflection;
using Autotask.Billing.Loose;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Rebuilds a <see cref="ContractDifference"/> from a property bag, as Sync-AtContract gets it back from Import-Csv
/// (every value a string, empty meaning no value) or Import-Clixml (typed values). Names match without regard to
/// case; unknown names (PowerShell's own note properties, computed columns) are ignored; values are read by
/// <see cref="LooseValue"/> (one culture policy for every round trip), dates as UTC calendar dates or times.
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
            if (!byName.TryGetValue(name, out var value) || LooseValue.IsEmpty(value))
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


    private static object? Convert(PropertyInfo property, object? value)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        if (LooseValue.IsEmpty(value))
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
        if (target == typeof(string))
        {
            return value is string text ? text : LooseValue.Text(value);
        }

        object? parsed = null;
        var ok = target switch
        {
            _ when target.IsEnum => LooseValue.TryEnum(target, value, out parsed),
            _ when target == typeof(bool) => Box(LooseValue.TryBool(value, out var flag), flag, out parsed),
            _ when target == typeof(DateTime) => Box(LooseValue.TryTimestamp(value, out var date), date, out parsed),
            _ when target == typeof(decimal) => Box(LooseValue.TryDecimal(value, out var number), number, out parsed),
            _ when target == typeof(long) => Box(LooseValue.TryLong(value, out var whole), whole, out parsed),
            _ when target == typeof(int) => Box(LooseValue.TryLong(value, out var small) && small is >= int.MinValue and <= int.MaxValue, (int)small, out parsed),
            _ => throw new NotSupportedException($"ContractDifference.{property.Name} has a type ({target.Name}) the reader does not know."),
        };
        return ok ? parsed : throw new ContractDifferencePropertyException(property.Name, value, $"it is not a {Describe(target)}.");
    }

    private static bool Box<T>(bool ok, T value, out object? boxed)
    {
        boxed = ok ? value : null;
        return ok;
    }

    private static string Describe(Type type) =>
        type.IsEnum ? $"{type.Name} (one of {string.Join(", ", Enum.GetNames(type))})"
        : type == typeof(bool) ? "boolean (True or False)"
        : type == typeof(DateTime) ? "date (e.g. 2026-10-31 or 10/31/2026 00:00:00)"
        : type == typeof(decimal) ? "number (e.g. 1234.5, or 1234,5 where the decimal separator is a comma)"
        : type == typeof(long) || type == typeof(int) ? "whole number"
        : type.Name;
}
