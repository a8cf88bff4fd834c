using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// When each endpoint was read, as the sandbox server logged it (a request's end, less its duration, is its start):
/// the first start and last end after the first request of all, and the time the server spent on a request beyond its
/// latency. Shows whether the reads ended when the floor says they could.
/// </summary>
public static class RequestTimeline
{
    public static void Print(SandboxStatistics statistics, TimeSpan latency)
    {
        var log = statistics.RequestLog;
        if (log.Count == 0)
        {
            return;
        }

        var origin = log.Min(entry => entry.Timestamp - entry.Duration);
        foreach (var endpoint in log.GroupBy(entry => entry.Endpoint ?? "(no route)").OrderBy(group => group.Min(entry => entry.Timestamp - entry.Duration)))
        {
            var first = endpoint.Min(entry => entry.Timestamp - entry.Duration) - origin;
            var last = endpoint.Max(entry => entry.Timestamp) - origin;
            var serving = endpoint.Average(entry => (entry.Duration - latency).TotalMilliseconds);
            Console.WriteLine($"  {endpoint.Key,-28} {endpoint.Count(),4} requests from {first.TotalSeconds,5:F2} s to {last.TotalSeconds,5:F2} s; {serving,5:F1} ms served beyond the latency on average");
        }
    }
}
