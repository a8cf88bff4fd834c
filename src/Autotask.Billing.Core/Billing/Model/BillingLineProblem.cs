namespace Autotask.Billing;

/// <summary>A source line that was not turned into a transaction, and why.</summary>
public sealed class BillingLineProblem
{
    public BillingLineProblem(string file, int lineNumber, string? column, string? value, string reason, string message)
    {
        File = file;
        LineNumber = lineNumber;
        Column = column;
        Value = value;
        Reason = reason;
        Message = message;
    }

    /// <summary>The file path, or "&lt;pipeline&gt;" for objects bound from the pipeline.</summary>
    public string File { get; }

    /// <summary>1-based physical line of the record's start; for pipeline objects the 1-based input index.</summary>
    public int LineNumber { get; }

    public string? Column { get; }

    public string? Value { get; }

    /// <summary>Stable reason code, one of <see cref="BillingProblemReason"/>.</summary>
    public string Reason { get; }

    public string Message { get; }

    /// <summary>1-based field position of <see cref="Column"/> on the line, when known.</summary>
    public int? ColumnNumber { get; init; }

    /// <summary>The vendor customer id the line names, when it could be read; null when it cannot be told.</summary>
    public string? CustomerId { get; init; }

    public override string ToString() => $"{File}:{LineNumber}{(ColumnNumber is { } column ? ":" + column : string.Empty)} [{Reason}] {Message}";
}
