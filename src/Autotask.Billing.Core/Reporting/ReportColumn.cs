namespace Autotask.Billing.Reporting;

/// <summary>One stable column of the CSV and JSON reports: its name, type, and its value for a difference or a sync result.</summary>
internal sealed class ReportColumn
{
    public ReportColumn(string name, ReportCellType type, Func<ReportDifference, string?> ofDifference, Func<ReportSyncResult, string?> ofSyncResult)
    {
        Name = name;
        Type = type;
        OfDifference = ofDifference;
        OfSyncResult = ofSyncResult;
    }

    public string Name { get; }

    public ReportCellType Type { get; }

    public Func<ReportDifference, string?> OfDifference { get; }

    public Func<ReportSyncResult, string?> OfSyncResult { get; }
}
