using System.Globalization;

namespace Autotask.Billing.Sandbox.Query;

// Orders and equates stored values against filter values: numbers numerically whatever their boxed type,
// strings case-insensitively, dates as UTC instants.
internal sealed class ValueComparer : IComparer<object>, IEqualityComparer<object>
{
    public static readonly ValueComparer Instance = new();

    public int Compare(object? x, object? y)
    {
        if (x is string xs && y is string ys)
        {
            return string.Compare(xs, ys, StringComparison.OrdinalIgnoreCase);
        }

        if (IsNumber(x) && IsNumber(y))
        {
            return ToDecimal(x!).CompareTo(ToDecimal(y!));
        }

        if (x is DateTime xd && y is DateTime yd)
        {
            return xd.CompareTo(yd);
        }

        if (x is bool xb && y is bool yb)
        {
            return xb.CompareTo(yb);
        }

        return string.Compare(Convert.ToString(x, CultureInfo.InvariantCulture), Convert.ToString(y, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    public new bool Equals(object? x, object? y) => Compare(x, y) == 0;

    public int GetHashCode(object obj) => obj switch
    {
        string s => StringComparer.OrdinalIgnoreCase.GetHashCode(s),
        long or int or decimal => ToDecimal(obj).GetHashCode(),
        _ => obj.GetHashCode(),
    };

    private static bool IsNumber(object? value) => value is long or int or decimal;

    private static decimal ToDecimal(object value) => value switch
    {
        long l => l,
        int i => i,
        _ => (decimal)value,
    };
}
