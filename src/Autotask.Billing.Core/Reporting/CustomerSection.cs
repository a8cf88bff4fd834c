namespace Autotask.Billing.Reporting;

/// <summary>One customer's part of a report: its changes (unmapped items are listed apart) and its sync outcomes.</summary>
public sealed class CustomerSection
{
    internal CustomerSection(string customerId, string customerName, IReadOnlyList<ReportDifference> changes, IReadOnlyList<ReportSyncResult> syncResults)
    {
        CustomerId = customerId;
        CustomerName = customerName;
        Changes = changes;
        SyncResults = syncResults;
        Totals = CurrencyTotal.Of(changes);
    }

    public string CustomerId { get; }

    public string CustomerName { get; }

    public IReadOnlyList<ReportDifference> Changes { get; }

    public IReadOnlyList<ReportSyncResult> SyncResults { get; }

    public IReadOnlyList<CurrencyTotal> Totals { get; }
}
