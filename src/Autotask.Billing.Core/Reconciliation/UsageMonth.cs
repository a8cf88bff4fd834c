using System.Globalization;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Usage is idempotent per customer × SKU × month (BILLING-RULES §4): every usage line of one source, customer, SKU,
/// service month and currency becomes one charge line whose transaction id is that key, for the month's money as the
/// vendor totals it. When a month's lines come both from a closed (invoiced) file and from the unbilled "recent
/// activity" estimate, the invoiced lines win, so the same usage is never counted twice. A month already charged
/// is compared by its money (see DifferenceFinder's UsageCorrection).
/// </summary>
internal static class UsageMonth
{
    /// <summary>The transaction id (and charge key) of one customer × SKU × month: short, stable, never a vendor's.</summary>
    public static string KeyOf(string source, string customerId, string sku, DateTime month, string currency) =>
        "u-" + ChargeKey.Hash(
            string.Join("|", source.Trim().ToUpperInvariant(), customerId.Trim().ToUpperInvariant(), sku.Trim().ToUpperInvariant(),
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture), currency.Trim().ToUpperInvariant()),
            32);

    /// <summary>The key of the n-th correction charge of a month (n ≥ 2): the first charge carries the month's key itself.</summary>
    public static string CorrectionKey(string monthKey, int number) => monthKey + "-" + number.ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<Transaction> Merge(IEnumerable<Transaction> usage, BillingSettings settings)
    {
        foreach (var group in usage.GroupBy(t => KeyOf(t.Source, t.CustomerId, t.Sku, MonthOf(t), t.Currency), StringComparer.Ordinal))
        {
            var all = group.OrderBy(t => t.SourceFile, StringComparer.Ordinal).ThenBy(t => t.SourceLine).ToList();
            var lines = all.Any(t => !t.IsUnbilled) ? all.Where(t => !t.IsUnbilled).ToList() : all;
            var totals = lines.Select(t => VendorPrices.ChargeTotals(settings, t)).ToList();
            var first = lines[0];
            var month = MonthOf(first);
            var cost = totals.Sum(t => t.Cost ?? 0m);

            // One line keeps its own quantity and per-unit money; a month of several lines is one unit of their sum.
            var perUnit = lines.Count == 1 && first.Quantity != 0m ? Math.Abs(first.Quantity) : 1m;
            yield return new Transaction
            {
                Source = first.Source,
                TransactionId = group.Key,
                CustomerId = first.CustomerId,
                CustomerName = first.CustomerName,
                CustomerDomain = first.CustomerDomain,
                CustomerPhone = first.CustomerPhone,
                CustomerAddress = first.CustomerAddress,
                CustomerCity = first.CustomerCity,
                CustomerState = first.CustomerState,
                CustomerPostalCode = first.CustomerPostalCode,
                Sku = first.Sku,
                ProductName = first.ProductName,
                Description = lines.Count == 1 ? first.Description : $"{first.ProductName} usage {month:yyyy-MM} ({lines.Count} lines)",
                ChargeType = ChargeType.Usage,
                Kind = ChargeKind.Usage,
                Category = first.Category,
                Quantity = lines.Count == 1 ? first.Quantity : 1m,
                UnitPrice = totals.All(t => t.Price is not null) ? totals.Sum(t => t.Price!.Value) / perUnit : null,
                UnitCost = cost / perUnit,
                Amount = cost,
                Currency = first.Currency,
                ServiceStart = lines.Min(t => t.ServiceStart) ?? month,
                ServiceEnd = lines.Max(t => t.ServiceEnd) ?? month.AddMonths(1).AddDays(-1),
                SubscriptionId = first.SubscriptionId,
                BillingCycle = first.BillingCycle,
                IsUnbilled = lines.All(t => t.IsUnbilled),
                SourceFile = first.SourceFile,
                SourceLine = first.SourceLine,
            };
        }
    }

    private static DateTime MonthOf(Transaction line)
    {
        var day = line.ServiceStart ?? line.ServiceEnd ?? line.OrderDate ?? DateTime.MinValue;
        return new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
    }
}
