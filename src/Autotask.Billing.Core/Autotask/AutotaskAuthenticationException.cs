namespace Autotask.Billing.Autotask;

/// <summary>Autotask did not accept the API user's credentials (or the user lacks the API-only security level).</summary>
public sealed class AutotaskAuthenticationException : AutotaskApiException
{
    public AutotaskAuthenticationException(
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
