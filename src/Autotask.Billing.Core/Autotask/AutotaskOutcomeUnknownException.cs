namespace Autotask.Billing.Autotask;

/// <summary>A create was sent but its outcome is unknown (the connection failed or timed out, or the server failed after receiving it), and no lookup confirmed it; it was not repeated, to avoid a duplicate.</summary>
public sealed class AutotaskOutcomeUnknownException : AutotaskApiException
{
    public AutotaskOutcomeUnknownException(
        string message,
        int? statusCode,
        IReadOnlyList<string> errors,
        string? entityName,
        AutotaskOperation operation,
        string method,
        string path,
        Exception? innerException = null)
        : base(message, statusCode, errors, entityName, operation, method, path, innerException)
    {
    }
}
