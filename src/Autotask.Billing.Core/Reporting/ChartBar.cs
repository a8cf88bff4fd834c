namespace Autotask.Billing.Reporting;

/// <summary>One customer's monthly revenue impact in a chart's currency.</summary>
public sealed class ChartBar
{
    public ChartBar(string customerName, decimal monthlyRevenueImpact)
    {
        CustomerName = customerName;
        MonthlyRevenueImpact = monthlyRevenueImpact;
    }

    public string CustomerName { get; }

    public decimal MonthlyRevenueImpact { get; }
}
