using System.Globalization;

namespace Autotask.Billing;

/// <summary>
/// Resolves the culture a vendor file's slash dates are declared in (-Culture, a profile's 'culture'): the one
/// place a culture name becomes the day/month order <see cref="Tabular.CellFormat"/> reads by.
/// </summary>
public static class BillingCulture
{
    /// <summary>A named culture with a day and a month in its short date pattern; the reason otherwise.</summary>
    public static bool TryResolve(string? name, out CultureInfo? culture, out string? problem)
    {
        culture = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            problem = "is empty; give a culture name such as en-GB (day/month/year) or en-US (month/day/year).";
            return false;
        }

        try
        {
            culture = CultureInfo.GetCultureInfo(name!.Trim());
        }
        catch (CultureNotFoundException)
        {
            problem = $"'{name}' is not a culture name; give one such as en-GB (day/month/year) or en-US (month/day/year).";
            return false;
        }

        var pattern = culture.DateTimeFormat.ShortDatePattern;
        if (pattern.IndexOf('d') < 0 || pattern.IndexOf('M') < 0)
        {
            problem = $"'{name}' has no day/month date pattern ('{pattern}').";
            culture = null;
            return false;
        }

        return true;
    }

    /// <summary>The culture of <paramref name="name"/>; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static CultureInfo Resolve(string name) =>
        TryResolve(name, out var culture, out var problem)
            ? culture!
            : throw new ArgumentException($"Culture {problem}", nameof(name));
}
