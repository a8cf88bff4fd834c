namespace Autotask.Billing.Reporting;

/// <summary>How a CSV or JSON cell is written: JSON gives numbers and booleans their own token types.</summary>
internal enum ReportCellType
{
    Text,
    Number,
    Boolean,
}
