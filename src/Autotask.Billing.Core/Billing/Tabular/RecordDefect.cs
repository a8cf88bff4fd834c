namespace Autotask.Billing.Tabular;

/// <summary>Why a record cannot be trusted as a whole (its fields do not line up with the header), found while parsing.</summary>
internal sealed class RecordDefect
{
    public RecordDefect(string reason, int columnNumber, string message)
    {
        Reason = reason;
        ColumnNumber = columnNumber;
        Message = message;
    }

    /// <summary>One of <see cref="BillingProblemReason"/>.</summary>
    public string Reason { get; }

    /// <summary>1-based field position where the record goes wrong.</summary>
    public int ColumnNumber { get; }

    public string Message { get; }
}
