using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The vendor side of a run after the mapping's filters (<see cref="ComparisonLines"/>): seats in force per Source ×
/// Customer × SKU and the one-time, usage and credit lines, with a count of everything that was left out and why.
/// </summary>
internal sealed class ComparisonInput
{
    /// <summary>Settings under which only a source's own customer price counts (the price basis applies later, in Compare).</summary>
    private static readonly BillingSettings SourcePricesOnly = new() { PriceBasis = PriceBasis.KeepAutotaskPrice };

    private static readonly BillingSettings ListPrices = new() { PriceBasis = PriceBasis.ListPrice };

    public ComparisonInput(DateTime asOf)
    {
        AsOf = asOf;
    }

    public DateTime AsOf { get; }

    public List<TransactionSummary> Seats { get; } = new();

    public List<Transaction> Charges { get; } = new();

    public int SkippedNotExported { get; init; }

    public int SkippedNotExportedLines { get; init; }

    public int LinesBeforeSyncStart { get; init; }

    public int ExcludedSkuLines { get; init; }

    /// <summary>
    /// PRISM's Azure rule: a usage SKU carried as a service has quantity 1 and the period's usage as its price and
    /// cost, so next period's usage replaces it.
    /// </summary>
    public static IEnumerable<TransactionSummary> UsageSeats(IEnumerable<Transaction> usage, DateTime asOf) =>
        usage
            .GroupBy(t => MappingKeys.Of(t.Source, MappingKeys.Of(t.CustomerId, t.Sku)), MappingKeys.Comparer)
            .Select(group =>
            {
                var lines = group.OrderBy(t => t.ServiceStart).ThenBy(t => t.SourceFile, StringComparer.Ordinal).ThenBy(t => t.SourceLine).ToList();
                var last = lines[lines.Count - 1];
                var contact = lines.LastOrDefault(TransactionSummarizer.HasAddress);
                return new TransactionSummary
                {
                    Source = last.Source,
                    CustomerId = last.CustomerId,
                    Customer = SeatCustomer.Of(
                        null, last.CustomerName, last.CustomerDomain, TransactionSummarizer.LatestText(lines, t => t.CustomerPhone),
                        contact?.CustomerAddress, contact?.CustomerCity, contact?.CustomerState, contact?.CustomerPostalCode),
                    Sku = last.Sku,
                    ProductName = last.ProductName,
                    Quantity = 1m,
                    // The month's usage as one unit: its money from the vendor's line amounts, as a charge would be written.
                    UnitPrice = lines.All(t => t.UnitPrice is not null) ? lines.Sum(t => VendorPrices.ChargeTotals(SourcePricesOnly, t).Price ?? 0m) : null,
                    UnitCost = lines.Sum(t => VendorPrices.ChargeTotals(SourcePricesOnly, t).Cost ?? 0m),
                    ListUnitPrice = lines.All(t => t.ListUnitPrice is not null) ? lines.Sum(t => VendorPrices.ChargeTotals(ListPrices, t).Price ?? 0m) : null,
                    Currency = last.Currency,
                    BillingCycle = last.BillingCycle,
                    ChangeDate = lines.Min(t => t.ServiceStart),
                    ServiceStart = lines.Min(t => t.ServiceStart),
                    ServiceEnd = lines.Max(t => t.ServiceEnd),
                    Lines = ExplicitSeatLines.Of(
                        lines.Select(t => t.SubscriptionId).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                        lines.Select(t => new TransactionReference(t.TransactionId, t.SourceFile, t.SourceLine)).ToList()),
                    AsOf = asOf,
                };
            });
}
