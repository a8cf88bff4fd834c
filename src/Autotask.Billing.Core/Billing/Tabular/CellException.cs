namespace Autotask.Billing.Tabular;

/// <summary>A cell that cannot be read; the orchestrator turns it into a <see cref="BillingLineProblem"/> for its row.</summary>
internal sealed class CellException : Exception
{
    public CellException(string column, string? value, string reason, string message)
        : base(message)
    {
        Column = column;
        Value = value;
        Reason = reason;
    }

    public string Column { get; }

    public string? Value { get; }

    public string Reason { get; }
}
