namespace Autotask.Billing.Reporting;

/// <summary>
/// Monthly and one-time impact in one currency if every actionable difference is synced — the same rule as
/// ComparisonSummary, so a report and the compare that fed it agree. Amounts in different currencies are never added
/// together, and a one-time charge is never counted as monthly revenue.
/// </summary>
public sealed class CurrencyTotal
{
    public CurrencyTotal(
        string currency, decimal monthlyRevenueImpact, decimal monthlyCostImpact, int differences, int actionable,
        decimal oneTimeRevenueImpact = 0m, decimal oneTimeCostImpact = 0m)
    {
        OneTimeRevenueImpact = oneTimeRevenueImpact;
        OneTimeCostImpact = oneTimeCostImpact;
        Currency = currency;
        MonthlyRevenueImpact = monthlyRevenueImpact;
        MonthlyCostImpact = monthlyCostImpact;
        Differences = differences;
        Actionable = actionable;
    }

    public string Currency { get; }

    public decimal MonthlyRevenueImpact { get; }

    public decimal MonthlyCostImpact { get; }

    public decimal MonthlyMarginImpact => MonthlyRevenueImpact - MonthlyCostImpact;

    /// <summary>Revenue of the one-time, usage, credit and refund charges: once, in the month charged.</summary>
    public decimal OneTimeRevenueImpact { get; }

    public decimal OneTimeCostImpact { get; }

    public int Differences { get; }

    public int Actionable { get; }

    internal static IReadOnlyList<CurrencyTotal> Of(IEnumerable<ReportDifference> differences) =>
        differences
            .GroupBy(d => d.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var actionable = g.Where(d => d.IsActionable).ToList();
                return new CurrencyTotal(g.Key, actionable.Sum(d => d.MonthlyRevenueImpact), actionable.Sum(d => d.MonthlyCostImpact), g.Count(), actionable.Count,
                    actionable.Sum(d => d.OneTimeRevenueImpact), actionable.Sum(d => d.OneTimeCostImpact));
            })
            .ToList();
}
