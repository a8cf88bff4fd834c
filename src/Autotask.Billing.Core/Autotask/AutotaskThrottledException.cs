namespace Autotask.Billing.Autotask;

/// <summary>Autotask kept refusing the request because a request or thread threshold was exceeded, and the retries ran out.</summary>
public sealed class AutotaskThrottledException : AutotaskApiException
{
    public AutotaskThrottledException(
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
