using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// The best any client can do against Autotask's limit of 3 requests in flight per endpoint: an endpoint that must
/// receive n requests is busy for at least ceil(n / 3) × latency, so a set of reads cannot end before its busiest
/// endpoint is done; a read that needs another's answer first (the catalog by the ids on the contracts) adds rounds.
/// Request counts come from the sandbox server's own statistics, never from the client's counter.
/// </summary>
public static class RequestFloor
{
    public const int InFlightPerEndpoint = 3;

    public static double Seconds(IReadOnlyDictionary<string, long> requestsByEndpoint, TimeSpan latency, int dependentRounds = 0) =>
        (requestsByEndpoint.Values.Select(n => Math.Ceiling(n / (double)InFlightPerEndpoint)).DefaultIfEmpty(0).Max() + dependentRounds) * latency.TotalSeconds;

    public static string Explanation(TimeSpan latency, int dependentRounds, string counted = "minimum requests") =>
        $"(max over endpoints of ceil({counted} / {InFlightPerEndpoint}) + {dependentRounds} dependent round(s)) × {latency.TotalMilliseconds:0} ms";

    /// <summary>Requests the sandbox served, per endpoint.</summary>
    public static IReadOnlyDictionary<string, long> Served(SandboxStatistics statistics) =>
        statistics.Endpoints.Where(e => e.Requests > 0).ToDictionary(e => e.Endpoint, e => e.Requests, StringComparer.OrdinalIgnoreCase);

    public static int MaxConcurrent(SandboxStatistics statistics) =>
        statistics.Endpoints.Select(e => e.MaxConcurrent).DefaultIfEmpty(0).Max();

    public static void Print(IReadOnlyDictionary<string, long> served, IReadOnlyDictionary<string, long>? minimum = null)
    {
        var endpoints = served.Keys.Concat(minimum?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(e => e, StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var count = served.TryGetValue(endpoint, out var n) ? n : 0;
            var least = minimum is not null && minimum.TryGetValue(endpoint, out var m) ? $" (at least {m:N0})" : string.Empty;
            Console.WriteLine($"  {endpoint,-28} {count,6:N0} requests served{least}");
        }
    }
}
