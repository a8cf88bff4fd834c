using System.Globalization;

namespace Autotask.Billing.Reporting;

/// <summary>
/// How reports write numbers and dates: invariant culture whatever the machine's, money with two decimals and its
/// currency, unit prices with up to four, dates as yyyy-MM-dd — so a report reads the same in Munich and in Texas.
/// </summary>
internal static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An amount for people: "1,234.50 EUR".</summary>
    public static string Money(decimal amount, string currency) => Join(amount.ToString("#,##0.00", Invariant), currency);

    /// <summary>A change for people, signed: "+1,234.50 EUR", "-3.00 EUR", "0.00 EUR".</summary>
    public static string Change(decimal amount, string currency) => Join(amount.ToString("+#,##0.00;-#,##0.00;0.00", Invariant), currency);

    /// <summary>A unit price for people: two to four decimals, with its currency.</summary>
    public static string UnitPrice(decimal? amount, string currency) => amount is null ? string.Empty : Join(amount.Value.ToString("#,##0.00##", Invariant), currency);

    public static string Quantity(decimal? quantity) => quantity?.ToString("#,##0.####", Invariant) ?? string.Empty;

    public static string Date(DateTime? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? string.Empty;

    public static string Timestamp(DateTime? instant) => instant?.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant) ?? string.Empty;

    public static string Duration(TimeSpan? duration) => duration?.ToString(@"hh\:mm\:ss", Invariant) ?? string.Empty;

    public static string Count(long count) => count.ToString("#,##0", Invariant);

    /// <summary>A machine-readable amount (CSV, JSON): no grouping, two decimals.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", Invariant);

    /// <summary>A machine-readable unit price or quantity: no grouping, no trailing zeros beyond what it needs.</summary>
    public static string Number(decimal? value) => value?.ToString("0.############", Invariant) ?? string.Empty;

    private static string Join(string amount, string currency) => currency.Length == 0 ? amount : amount + " " + currency;
}
