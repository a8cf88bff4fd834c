namespace Autotask.Billing.Sandbox;

// Counters for one endpoint (the entity a route acts on), as a snapshot.
public sealed class SandboxEndpointStatistics
{
    internal SandboxEndpointStatistics(string endpoint, long requests, IReadOnlyDictionary<string, long> byMethod, IReadOnlyDictionary<SandboxRequestKind, long> byKind, int maxConcurrent)
    {
        Endpoint = endpoint;
        Requests = requests;
        ByMethod = byMethod;
        ByKind = byKind;
        MaxConcurrent = maxConcurrent;
    }

    public string Endpoint { get; }

    public long Requests { get; }

    public IReadOnlyDictionary<string, long> ByMethod { get; }

    public IReadOnlyDictionary<SandboxRequestKind, long> ByKind { get; }

    // The most requests seen in flight on this endpoint at the same moment.
    public int MaxConcurrent { get; }

    public long Method(string method) => ByMethod.TryGetValue(method.ToUpperInvariant(), out var count) ? count : 0;

    public long Kind(SandboxRequestKind kind) => ByKind.TryGetValue(kind, out var count) ? count : 0;
}
