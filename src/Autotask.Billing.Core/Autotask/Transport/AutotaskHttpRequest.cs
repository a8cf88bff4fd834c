
namespace Autotask.Billing.Autotask.Transport;

/// <summary>One logical Autotask call; the transport may send it several times.</summary>
internal sealed class AutotaskHttpRequest
{
    /// <param name="path">Relative to the zone's V1.0 root (e.g. "Companies/query"), or an absolute URL Autotask returned.</param>
    public AutotaskHttpRequest(HttpMethod method, string path, AutotaskOperation operation, string endpoint, AutotaskRequestKind kind, string? body = null)
    {
        Method = method;
        Path = path;
        Operation = operation;
        Endpoint = endpoint;
        Kind = kind;
        Body = body;
    }

    /// <summary>PATCH, which netstandard2.0's HttpMethod has no property for.</summary>
    public static HttpMethod Patch { get; } = new("PATCH");

    public HttpMethod Method { get; }

    public string Path { get; }

    public AutotaskOperation Operation { get; }

    /// <summary>The entity whose thread limit and counters the request belongs to.</summary>
    public string Endpoint { get; }

    public AutotaskRequestKind Kind { get; }

    public string? Body { get; }

    public bool IsAbsolute => Uri.TryCreate(Path, UriKind.Absolute, out _);
}
