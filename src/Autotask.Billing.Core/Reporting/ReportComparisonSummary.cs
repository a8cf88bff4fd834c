namespace Autotask.Billing.Reporting;

/// <summary>
/// The parts of a ComparisonSummary a report or notification shows, read by property name; used for totals when the
/// differences themselves were not piped in.
/// </summary>
public sealed class ReportComparisonSummary
{
    private ReportComparisonSummary()
    {
    }

    public DateTime? AsOf { get; private init; }

    public string Currency { get; private init; } = string.Empty;

    public int Differences { get; private init; }

    public int Actionable { get; private init; }

    public int RequiringForce { get; private init; }

    public decimal MonthlyRevenueImpact { get; private init; }

    public decimal MonthlyCostImpact { get; private init; }

    public decimal MonthlyMarginImpact => MonthlyRevenueImpact - MonthlyCostImpact;

    public decimal OneTimeRevenueImpact { get; private init; }

    public decimal OneTimeCostImpact { get; private init; }

    public int UnmappedCustomers { get; private init; }

    public int UnmappedSkus { get; private init; }

    public long AutotaskRequests { get; private init; }

    public TimeSpan? Duration { get; private init; }

    /// <summary>Counts by kind when the summary still carries them (a live or Import-Clixml object; Export-Csv flattens them away).</summary>
    public IReadOnlyList<KindCount> CountsByKind { get; private init; } = Array.Empty<KindCount>();

    internal static ReportComparisonSummary Read(ReportValues values) => new()
    {
        AsOf = values.Date(nameof(AsOf)),
        Currency = (values.Text(nameof(Currency)) ?? string.Empty).Trim().ToUpperInvariant(),
        Differences = values.Int(nameof(Differences)),
        Actionable = values.Int(nameof(Actionable)),
        RequiringForce = values.Int(nameof(RequiringForce)),
        MonthlyRevenueImpact = values.RequiredDecimal(nameof(MonthlyRevenueImpact)),
        MonthlyCostImpact = values.RequiredDecimal(nameof(MonthlyCostImpact)),
        OneTimeRevenueImpact = values.RequiredDecimal(nameof(OneTimeRevenueImpact)),
        OneTimeCostImpact = values.RequiredDecimal(nameof(OneTimeCostImpact)),
        UnmappedCustomers = values.Int(nameof(UnmappedCustomers)),
        UnmappedSkus = values.Int(nameof(UnmappedSkus)),
        AutotaskRequests = values.Long(nameof(AutotaskRequests)) ?? 0,
        Duration = values.Duration(nameof(Duration)),
        CountsByKind = ReadCounts(values),
    };

    private static IReadOnlyList<KindCount> ReadCounts(ReportValues values)
    {
        var counts = new List<KindCount>();
        foreach (var entry in values.Entries(nameof(CountsByKind)))
        {
            var count = new ReportValues(new Dictionary<string, object?> { [entry.Key] = entry.Value }, "comparison summary's CountsByKind");
            var kind = new ReportValues(new Dictionary<string, object?> { ["Kind"] = entry.Key }, "comparison summary's CountsByKind").Enum<DifferenceKind>("Kind");
            counts.Add(new KindCount(kind!.Value, count.Int(entry.Key)));
        }

        return counts.OrderBy(c => c.Kind).ToList();
    }
}
