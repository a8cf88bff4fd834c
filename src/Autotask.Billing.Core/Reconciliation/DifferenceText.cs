using System.Globalization;

namespace Autotask.Billing.Reconciliation;

/// <summary>Numbers, money and dates as reasons show them: invariant, so a reason reads the same on every machine.</summary>
internal static class DifferenceText
{
    public static string Units(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "no";

    public static string Money(decimal? amount, string currency) =>
        amount is decimal value ? $"{value.ToString("0.00##", CultureInfo.InvariantCulture)} {currency}".TrimEnd() : "no price";

    public static string SignedMoney(decimal amount, string currency) =>
        $"{(amount >= 0 ? "+" : "-")}{Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture)} {currency}".TrimEnd();

    public static string Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "an unknown date";

    public static string Impact(decimal revenue, decimal cost, string currency) =>
        $"Monthly revenue {SignedMoney(revenue, currency)}, cost {SignedMoney(cost, currency)}.";
}
