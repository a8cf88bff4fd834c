namespace Autotask.Billing.Autotask;

/// <summary>How many requests a client had sent at one moment, in total and per endpoint.</summary>
public sealed class AutotaskRequestCounterSnapshot
{
    public AutotaskRequestCounterSnapshot(long total, IReadOnlyDictionary<string, long> byEndpoint)
    {
        Total = total;
        ByEndpoint = byEndpoint;
    }

    public long Total { get; }

    public IReadOnlyDictionary<string, long> ByEndpoint { get; }

    /// <summary>The requests sent between an earlier snapshot and this one, e.g. what one run used.</summary>
    public AutotaskRequestCounterSnapshot Since(AutotaskRequestCounterSnapshot earlier)
    {
        var byEndpoint = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in ByEndpoint)
        {
            var before = earlier.ByEndpoint.TryGetValue(pair.Key, out var count) ? count : 0;
            if (pair.Value - before > 0)
            {
                byEndpoint[pair.Key] = pair.Value - before;
            }
        }

        return new AutotaskRequestCounterSnapshot(Total - earlier.Total, byEndpoint);
    }

    public override string ToString() => $"{Total} requests";
}
