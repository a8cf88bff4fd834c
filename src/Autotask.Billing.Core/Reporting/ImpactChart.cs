namespace Autotask.Billing.Reporting;

/// <summary>Monthly revenue impact by customer in one currency: one bar per customer with actionable changes.</summary>
public sealed class ImpactChart
{
    public ImpactChart(string currency, IReadOnlyList<ChartBar> bars)
    {
        Currency = currency;
        Bars = bars;
    }

    public string Currency { get; }

    public IReadOnlyList<ChartBar> Bars { get; }

    /// <summary>The largest bar either way; zero when every impact is zero.</summary>
    public decimal Scale => Bars.Count == 0 ? 0m : Bars.Max(b => Math.Abs(b.MonthlyRevenueImpact));
}
