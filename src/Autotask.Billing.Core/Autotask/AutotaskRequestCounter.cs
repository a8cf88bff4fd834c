using System.Collections.Concurrent;

namespace Autotask.Billing.Autotask;

/// <summary>Counts every HTTP attempt a client sends (retries included), in total and per endpoint.</summary>
public sealed class AutotaskRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _byEndpoint = new(StringComparer.OrdinalIgnoreCase);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public AutotaskRequestCounterSnapshot Snapshot() =>
        new(Total, new Dictionary<string, long>(_byEndpoint, StringComparer.OrdinalIgnoreCase));

    internal void Record(string endpoint)
    {
        Interlocked.Increment(ref _total);
        _byEndpoint.AddOrUpdate(endpoint, 1, static (_, count) => count + 1);
    }

    public override string ToString() => $"{Total} requests";
}
