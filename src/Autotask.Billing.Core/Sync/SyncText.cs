using System.Globalization;

namespace Autotask.Billing.Sync;

/// <summary>Numbers, money and dates as an accountant reads them in Target and Action texts (invariant culture).</summary>
internal static class SyncText
{
    public static string Units(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "none";

    public static string Money(decimal? value, string currency) =>
        value is null ? "not set" : value.Value.ToString("0.00", CultureInfo.InvariantCulture) + Currency(currency);

    public static string SignedMoney(decimal value, string currency) =>
        (value >= 0 ? "+" : "") + value.ToString("0.00", CultureInfo.InvariantCulture) + Currency(currency);

    public static string Date(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "today";

    public static string Join(params string?[] parts) => string.Join(" — ", parts.Where(static part => !string.IsNullOrWhiteSpace(part)));

    private static string Currency(string currency) => string.IsNullOrWhiteSpace(currency) ? string.Empty : " " + currency;
}
