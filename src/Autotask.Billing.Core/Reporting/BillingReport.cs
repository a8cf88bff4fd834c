namespace Autotask.Billing.Reporting;

/// <summary>
/// What the differences and sync results of a run come to, arranged the way the report files show them: totals,
/// per-customer changes, unmapped items, sync failures and a chart of monthly impact by customer. Build it with
/// <see cref="BillingReportBuilder"/>.
/// </summary>
public sealed class BillingReport
{
    internal BillingReport(
        string title,
        DateTime generatedUtc,
        IReadOnlyList<ReportDifference> differences,
        IReadOnlyList<ReportSyncResult> syncResults,
        IReadOnlyList<ReportRunSummary> runSummaries,
        IReadOnlyList<ReportComparisonSummary> comparisonSummaries)
    {
        Title = title;
        GeneratedUtc = DateTime.SpecifyKind(generatedUtc, DateTimeKind.Utc);
        Differences = differences;
        SyncResults = syncResults;
        RunSummaries = runSummaries;
        ComparisonSummaries = comparisonSummaries;

        Totals = differences.Count > 0 || comparisonSummaries.Count == 0
            ? CurrencyTotal.Of(differences)
            : comparisonSummaries
                .GroupBy(s => s.Currency, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CurrencyTotal(g.Key, g.Sum(s => s.MonthlyRevenueImpact), g.Sum(s => s.MonthlyCostImpact), g.Sum(s => s.Differences), g.Sum(s => s.Actionable),
                    g.Sum(s => s.OneTimeRevenueImpact), g.Sum(s => s.OneTimeCostImpact)))
                .ToList();
        CountsByKind = differences.Count > 0 || comparisonSummaries.Count == 0
            ? differences.GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g => new KindCount(g.Key, g.Count())).ToList()
            : comparisonSummaries.SelectMany(s => s.CountsByKind).GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => new KindCount(g.Key, g.Sum(c => c.Count))).ToList();
        UnmappedCustomers = differences.Count > 0 ? differences.Count(d => d.Kind == DifferenceKind.UnmappedCustomer) : comparisonSummaries.Sum(s => s.UnmappedCustomers);
        UnmappedSkus = differences.Count > 0 ? differences.Count(d => d.Kind == DifferenceKind.UnmappedSku) : comparisonSummaries.Sum(s => s.UnmappedSkus);
        NeedingReview = differences.Count > 0
            ? differences.Count(d => d.NeedsReview)
            : comparisonSummaries.Sum(s => s.UnmappedCustomers + s.UnmappedSkus + s.RequiringForce);
        SyncTotals = syncResults.Count > 0
            ? new SyncTotals(
                syncResults.Count(r => r.Status == ReportSyncResult.Applied),
                syncResults.Count(r => r.Status == ReportSyncResult.Skipped),
                syncResults.Count(r => r.Status == ReportSyncResult.Failed),
                syncResults.Count(r => r.Status == ReportSyncResult.NotRun),
                syncResults.Count(r => r.Status == ReportSyncResult.Skipped && r.NeedsAttention))
            : runSummaries.Count > 0
                ? new SyncTotals(runSummaries.Sum(s => s.Applied), runSummaries.Sum(s => s.Skipped), runSummaries.Sum(s => s.Failed), runSummaries.Sum(s => s.NotRun), runSummaries.Sum(s => s.NeedsAttention))
                : null;

        Customers = BuildCustomers(differences, syncResults);
        Unmapped = differences.Where(d => d.IsUnmapped).OrderBy(d => d.Kind).ThenBy(d => d.CustomerName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Sku, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.DifferenceId, StringComparer.Ordinal).ToList();
        PriceChanges = differences.Where(d => d.IsPriceChange).OrderBy(d => d.CustomerName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Sku, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.DifferenceId, StringComparer.Ordinal).ToList();
        Failures = syncResults.Where(r => r.NeedsAttention).OrderBy(r => r.Status == ReportSyncResult.Failed ? 0 : r.Status == ReportSyncResult.NotRun ? 1 : 2).ThenBy(r => r.CustomerName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.OperationId, StringComparer.Ordinal).ToList();
        Charts = BuildCharts(Customers);
    }

    public string Title { get; }

    public DateTime GeneratedUtc { get; }

    public IReadOnlyList<ReportDifference> Differences { get; }

    public IReadOnlyList<ReportSyncResult> SyncResults { get; }

    public IReadOnlyList<ReportRunSummary> RunSummaries { get; }

    public IReadOnlyList<ReportComparisonSummary> ComparisonSummaries { get; }

    /// <summary>Monthly impact per currency of the actionable differences (or of the comparison summaries when no differences came).</summary>
    public IReadOnlyList<CurrencyTotal> Totals { get; }

    public IReadOnlyList<KindCount> CountsByKind { get; }

    public int UnmappedCustomers { get; }

    public int UnmappedSkus { get; }

    /// <summary>Differences someone must look at: unmapped, expired contracts, currency clashes, changes needing -Force.</summary>
    public int NeedingReview { get; }

    /// <summary>Null when no sync results or run summaries came.</summary>
    public SyncTotals? SyncTotals { get; }

    /// <summary>Customers by name, each with its changes and sync outcomes.</summary>
    public IReadOnlyList<CustomerSection> Customers { get; }

    public IReadOnlyList<ReportDifference> Unmapped { get; }

    /// <summary>Unit price and unit cost changes (the warnings PSA admins ask to be told about).</summary>
    public IReadOnlyList<ReportDifference> PriceChanges { get; }

    /// <summary>Sync results that failed, did not run, or were skipped for a reason someone must look at.</summary>
    public IReadOnlyList<ReportSyncResult> Failures { get; }

    /// <summary>One chart per currency.</summary>
    public IReadOnlyList<ImpactChart> Charts { get; }

    private static IReadOnlyList<CustomerSection> BuildCustomers(IReadOnlyList<ReportDifference> differences, IReadOnlyList<ReportSyncResult> syncResults)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = new Dictionary<string, List<ReportDifference>>(StringComparer.Ordinal);
        var results = new Dictionary<string, List<ReportSyncResult>>(StringComparer.Ordinal);

        foreach (var difference in differences.Where(d => !d.IsUnmapped && d.Kind != DifferenceKind.Match))
        {
            var key = CustomerKey(difference.CustomerId, difference.CustomerName);
            Remember(names, key, difference.CustomerName);
            ListFor(changes, key).Add(difference);
        }

        foreach (var result in syncResults)
        {
            var key = CustomerKey(result.CustomerId, result.CustomerName);
            Remember(names, key, result.CustomerName ?? result.CustomerId ?? string.Empty);
            ListFor(results, key).Add(result);
        }

        return names
            .OrderBy(n => n.Value, StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new CustomerSection(
                n.Key,
                n.Value,
                (changes.TryGetValue(n.Key, out var c) ? c : new List<ReportDifference>())
                    .OrderBy(d => d.Kind).ThenBy(d => d.Sku, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.DifferenceId, StringComparer.Ordinal).ToList(),
                (results.TryGetValue(n.Key, out var r) ? r : new List<ReportSyncResult>())
                    .OrderBy(s => s.OperationId, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private static IReadOnlyList<ImpactChart> BuildCharts(IReadOnlyList<CustomerSection> customers) =>
        customers
            .SelectMany(c => c.Totals.Where(t => t.Actionable > 0).Select(t => (Customer: c, Total: t)))
            .GroupBy(x => x.Total.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ImpactChart(g.Key, g.Select(x => new ChartBar(x.Customer.CustomerName, x.Total.MonthlyRevenueImpact)).ToList()))
            .ToList();

    private static string CustomerKey(string? customerId, string? customerName) =>
        string.IsNullOrEmpty(customerId) ? "name:" + (customerName ?? string.Empty) : "id:" + customerId;

    private static void Remember(Dictionary<string, string> names, string key, string name)
    {
        if (!names.TryGetValue(key, out var known) || known.Length == 0)
        {
            names[key] = name;
        }
    }

    private static List<T> ListFor<T>(Dictionary<string, List<T>> lists, string key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = new List<T>();
            lists[key] = list;
        }

        return list;
    }
}
