namespace Autotask.Billing.Autotask;

/// <summary>
/// One HTTP attempt, for diagnostics (-Debug). It never holds headers, bodies or query strings.
/// </summary>
public sealed class AutotaskRequestLogEntry
{
    public AutotaskRequestLogEntry(string method, string path, string endpoint, AutotaskOperation operation, int? statusCode, TimeSpan duration, int attempt, string? failure)
    {
        Method = method;
        Path = path;
        Endpoint = endpoint;
        Operation = operation;
        StatusCode = statusCode;
        Duration = duration;
        Attempt = attempt;
        Failure = failure;
    }

    public string Method { get; }

    /// <summary>The URL path only, without the query string.</summary>
    public string Path { get; }

    /// <summary>The entity whose thread limit the request counts against.</summary>
    public string Endpoint { get; }

    public AutotaskOperation Operation { get; }

    /// <summary>Null when no response arrived.</summary>
    public int? StatusCode { get; }

    public TimeSpan Duration { get; }

    /// <summary>1 for the first try, 2 for the first retry, and so on.</summary>
    public int Attempt { get; }

    /// <summary>A short description of a transport failure or timeout, when there was one.</summary>
    public string? Failure { get; }

    public override string ToString() =>
        $"{Method} {Path} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Failure ?? "no response")} " +
        $"in {Duration.TotalMilliseconds:0} ms (attempt {Attempt})";
}
