namespace Autotask.Billing.Reporting;

/// <summary>What a pipeline object turned out to be.</summary>
public enum ReportItemKind
{
    Difference,
    SyncResult,
    SyncRunSummary,
    ComparisonSummary,
}
