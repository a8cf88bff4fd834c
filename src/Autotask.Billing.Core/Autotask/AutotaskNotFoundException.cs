namespace Autotask.Billing.Autotask;

/// <summary>Autotask has no such route or record (e.g. a child entity written at the wrong parent).</summary>
public sealed class AutotaskNotFoundException : AutotaskApiException
{
    public AutotaskNotFoundException(
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
