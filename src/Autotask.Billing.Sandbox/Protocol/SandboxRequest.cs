namespace Autotask.Billing.Sandbox.Protocol;

// One HTTP request as both hosts see it, so the handler and the HttpListener host answer identically.
internal sealed class SandboxRequest
{
    public SandboxRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, string? body)
    {
        Method = method.ToUpperInvariant();
        Uri = uri;
        Headers = new Dictionary<string, string>(headers.ToDictionary(h => h.Key, h => h.Value), StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    public string Method { get; }

    public Uri Uri { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? Body { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryParameter(string name)
    {
        var query = Uri.Query;
        if (query.Length <= 1)
        {
            return null;
        }

        foreach (var pair in query.Substring(1).Split('&'))
        {
            var separator = pair.IndexOf('=');
            var key = separator < 0 ? pair : pair.Substring(0, separator);
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.OrdinalIgnoreCase))
            {
                return separator < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(separator + 1).Replace('+', ' '));
            }
        }

        return null;
    }

    // Scheme, host and (non-default) port the client used, e.g. "http://127.0.0.1:5123".
    public string Authority => Uri.GetLeftPart(UriPartial.Authority);
}
