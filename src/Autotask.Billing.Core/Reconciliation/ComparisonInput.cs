using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The vendor side of a run after the mapping's filters: seats in force per Source × Customer × SKU (raw recurring
/// lines summarised with <see cref="TransactionSummarizer"/>) and the one-time, usage and credit lines, with a count
/// of everything that was left out and why.
/// </summary>
internal sealed class ComparisonInput
{
    /// <summary>Settings under which only a source's own customer price counts (the price basis applies later, in Compare).</summary>
    private static readonly BillingSettings SourcePricesOnly = new() { PriceBasis = PriceBasis.KeepAutotaskPrice };

    private static readonly BillingSettings ListPrices = new() { PriceBasis = PriceBasis.ListPrice };

    private readonly HashSet<string> _skippedCustomers = new(StringComparer.OrdinalIgnoreCase);
    private readonly LineMappingLookup _lookups = new();

    private ComparisonInput(DateTime asOf)
    {
        AsOf = asOf;
    }

    public DateTime AsOf { get; }

    public List<TransactionSummary> Seats { get; } = new();

    public List<Transaction> Charges { get; } = new();

    public int SkippedNotExported => _skippedCustomers.Count;

    public int SkippedNotExportedLines { get; private set; }

    public int LinesBeforeSyncStart { get; private set; }

    public int ExcludedSkuLines { get; private set; }

    /// <summary>The vendor side as of <paramref name="asOf"/> (see <see cref="AsOfFor"/>).</summary>
    public static ComparisonInput Build(
        IReadOnlyList<Transaction> lineList, IReadOnlyList<TransactionSummary> summaryList, MappingDocument mapping, CompareOptions options, DateTime asOf)
    {
        var input = new ComparisonInput(asOf);

        // Recurring lines by position: from a TransactionBuffer the summariser fetches them one group at a time.
        var recurring = new List<int>();
        var usageAsService = new List<Transaction>();
        var usage = new List<Transaction>();
        for (var i = 0; i < lineList.Count; i++)
        {
            var line = lineList[i];
            if (!input.Keep(mapping, line.Source, line.CustomerId, line.Sku, line.ServiceEnd ?? line.ServiceStart))
            {
                continue;
            }

            if (line.ChargeType == ChargeType.Recurring)
            {
                recurring.Add(i);
            }
            else if (line.ChargeType == ChargeType.Usage && options.UsageAsService == true && mapping.FindService(line.Source, line.Sku)?.ServiceId is not null)
            {
                usageAsService.Add(line);
            }
            else if (line.ChargeType == ChargeType.Usage)
            {
                usage.Add(line);
            }
            else
            {
                input.Charges.Add(line);
            }
        }

        input.Charges.AddRange(UsageMonth.Merge(usage, mapping.Settings));

        input.Seats.AddRange(summaryList.Where(s => input.Keep(mapping, s.Source, s.CustomerId, s.Sku, s.ServiceEnd ?? s.ServiceStart)));
        // Seats of buffered lines name their lines by position: the lines outlive the run's seats (ContractComparer.Compare).
        input.Seats.AddRange(TransactionSummarizer.Summarize(lineList, recurring, input.AsOf, referToLines: true));
        input.Seats.AddRange(UsageSeats(usageAsService, input.AsOf));
        return input;
    }

    /// <summary>
    /// PRISM's Azure rule: a usage SKU carried as a service has quantity 1 and the period's usage as its price and
    /// cost, so next period's usage replaces it.
    /// </summary>
    private static IEnumerable<TransactionSummary> UsageSeats(IEnumerable<Transaction> usage, DateTime asOf) =>
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
                    CustomerName = last.CustomerName,
                    CustomerDomain = last.CustomerDomain,
                    CustomerPhone = TransactionSummarizer.LatestText(lines, t => t.CustomerPhone),
                    CustomerAddress = contact?.CustomerAddress,
                    CustomerCity = contact?.CustomerCity,
                    CustomerState = contact?.CustomerState,
                    CustomerPostalCode = contact?.CustomerPostalCode,
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
                    SubscriptionIds = lines.Select(t => t.SubscriptionId).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    Provenance = lines.Select(t => new TransactionReference(t.TransactionId, t.SourceFile, t.SourceLine)).ToList(),
                    AsOf = asOf,
                };
            });

    /// <summary>The as-of date the run's options give (-AsOf, else the window's last day), known before any line is.</summary>
    public static DateTime? KnownAsOf(CompareOptions options) =>
        options.AsOf is DateTime asOf ? BillingWindow.AsDate(asOf) : options.Window?.Until;

    /// <summary>
    /// The date whose seats are compared: <see cref="KnownAsOf"/>, else the summaries' as-of date, else the last day of
    /// the calendar month of the latest service start among the lines.
    /// </summary>
    public static DateTime AsOfFor(IReadOnlyList<Transaction> lines, IReadOnlyList<TransactionSummary> summaries, CompareOptions options)
    {
        if (KnownAsOf(options) is DateTime known)
        {
            return known;
        }

        if (summaries.Count > 0)
        {
            return BillingWindow.AsDate(summaries.Max(s => s.AsOf));
        }

        var latest = lines.Select(t => t.ServiceStart ?? t.ServiceEnd).Where(d => d.HasValue).Select(d => d!.Value).DefaultIfEmpty(DateTime.UtcNow).Max();
        var firstOfMonth = new DateTime(latest.Year, latest.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return firstOfMonth.AddMonths(1).AddDays(-1);
    }

    private bool Keep(MappingDocument mapping, string source, string customerId, string sku, DateTime? lineDate)
    {
        var (customer, service) = _lookups.Find(mapping, source, customerId, sku);
        if (customer is { Export: false })
        {
            _skippedCustomers.Add(MappingKeys.Of(source.Trim(), customerId.Trim()));
            SkippedNotExportedLines++;
            return false;
        }

        if (customer?.SyncStartDate is DateTime start && lineDate is DateTime date && date.Date < start.Date)
        {
            LinesBeforeSyncStart++;
            return false;
        }

        if (service is { Excluded: true })
        {
            ExcludedSkuLines++;
            return false;
        }

        return true;
    }
}
