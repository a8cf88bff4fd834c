namespace Autotask.Billing.Sandbox;

// One request as the sandbox saw it. Header values (credentials) are never recorded.
public sealed class SandboxRequestLogEntry
{
    internal SandboxRequestLogEntry(DateTime timestamp, string method, string path, string? endpoint, SandboxRequestKind? kind, int statusCode, TimeSpan duration)
    {
        Timestamp = timestamp;
        Method = method;
        Path = path;
        Endpoint = endpoint;
        Kind = kind;
        StatusCode = statusCode;
        Duration = duration;
    }

    public DateTime Timestamp { get; }

    public string Method { get; }

    public string Path { get; }

    // Null when the path matched no route.
    public string? Endpoint { get; }

    public SandboxRequestKind? Kind { get; }

    // 0 when the connection was dropped instead of answered.
    public int StatusCode { get; }

    public TimeSpan Duration { get; }

    public override string ToString() => $"{Method} {Path} → {StatusCode} ({Duration.TotalMilliseconds:0} ms)";
}
