namespace Autotask.Billing.Reporting;

/// <summary>A pipeline object the report cannot use: not a difference, sync result or summary, or a value that does not parse.</summary>
public sealed class ReportInputException : Exception
{
    public ReportInputException(string message)
        : base(message)
    {
    }
}
