using System.Collections;
using System.Globalization;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>Every public property of each item as text, lists by their items: two items describe alike only when every property does.</summary>
internal static class PropertyText
{
    public static List<string> Describe<T>(IEnumerable<T> items) =>
        items.Select(item => string.Join("|", typeof(T).GetProperties().Select(p => $"{p.Name}={Text(p.GetValue(item))}"))).ToList();

    // Lists (provenance, subscription ids) by their items, so a seat naming another line differs.
    private static string? Text(object? value) =>
        value is IEnumerable items and not string
            ? "[" + string.Join(",", items.Cast<object?>().Select(Text)) + "]"
            : Convert.ToString(value, CultureInfo.InvariantCulture);
}
