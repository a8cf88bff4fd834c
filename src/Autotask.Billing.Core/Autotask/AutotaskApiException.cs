namespace Autotask.Billing.Autotask;

/// <summary>
/// Autotask refused or failed a request: the HTTP status (null when no response arrived), Autotask's errors[]
/// messages, and what the client was doing (entity, operation, method and path without the query string).
/// </summary>
public class AutotaskApiException : AutotaskException
{
    public AutotaskApiException(
        string message,
        int? statusCode,
        IReadOnlyList<string> errors,
        string? entityName,
        AutotaskOperation operation,
        string method,
        string path,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Errors = errors;
        EntityName = entityName;
        Operation = operation;
        Method = method;
        Path = path;
    }

    public int? StatusCode { get; }

    public IReadOnlyList<string> Errors { get; }

    public string? EntityName { get; }

    public AutotaskOperation Operation { get; }

    public string Method { get; }

    public string Path { get; }
}
