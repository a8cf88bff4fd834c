namespace Autotask.Billing.Reporting;

/// <summary>The file a billing report is written as.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained page: totals, a chart, per-customer changes, unmapped items and failures.</summary>
    Html,

    /// <summary>One row per difference or sync result, with stable columns.</summary>
    Csv,

    /// <summary>The totals and the same rows as the CSV.</summary>
    Json,
}
