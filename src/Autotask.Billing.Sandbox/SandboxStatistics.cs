namespace Autotask.Billing.Sandbox;

// What clients did to the sandbox, for assertions in tests. Thread-safe; getters return snapshots.
public sealed class SandboxStatistics
{
    private readonly object _sync = new();
    private readonly Dictionary<string, Counters> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<SandboxRequestLogEntry> _log = new();
    private readonly int _logCapacity;
    private long _total;

    internal SandboxStatistics(int logCapacity)
    {
        _logCapacity = logCapacity;
    }

    public long TotalRequests
    {
        get
        {
            lock (_sync)
            {
                return _total;
            }
        }
    }

    public IReadOnlyList<SandboxEndpointStatistics> Endpoints
    {
        get
        {
            lock (_sync)
            {
                return _endpoints.Select(e => e.Value.Snapshot(e.Key)).ToList();
            }
        }
    }

    public IReadOnlyList<SandboxRequestLogEntry> RequestLog
    {
        get
        {
            lock (_sync)
            {
                return _log.ToList();
            }
        }
    }

    public SandboxEndpointStatistics Endpoint(string endpoint)
    {
        lock (_sync)
        {
            return _endpoints.TryGetValue(endpoint, out var counters) ? counters.Snapshot(endpoint) : new Counters().Snapshot(endpoint);
        }
    }

    public void Reset()
    {
        lock (_sync)
        {
            _total = 0;
            _endpoints.Clear();
            _log.Clear();
        }
    }

    internal void Enter(string endpoint)
    {
        lock (_sync)
        {
            var counters = For(endpoint);
            counters.InFlight++;
            counters.MaxConcurrent = Math.Max(counters.MaxConcurrent, counters.InFlight);
        }
    }

    internal void Exit(string endpoint)
    {
        lock (_sync)
        {
            For(endpoint).InFlight--;
        }
    }

    internal void Record(SandboxRequestLogEntry entry)
    {
        lock (_sync)
        {
            _total++;
            if (entry.Endpoint != null)
            {
                var counters = For(entry.Endpoint);
                counters.Requests++;
                counters.ByMethod[entry.Method] = (counters.ByMethod.TryGetValue(entry.Method, out var m) ? m : 0) + 1;
                var kind = entry.Kind ?? SandboxRequestKind.Metadata;
                counters.ByKind[kind] = (counters.ByKind.TryGetValue(kind, out var k) ? k : 0) + 1;
            }

            _log.Enqueue(entry);
            while (_log.Count > _logCapacity)
            {
                _log.Dequeue();
            }
        }
    }

    private Counters For(string endpoint)
    {
        if (!_endpoints.TryGetValue(endpoint, out var counters))
        {
            counters = new Counters();
            _endpoints[endpoint] = counters;
        }

        return counters;
    }

    private sealed class Counters
    {
        public long Requests { get; set; }

        public int InFlight { get; set; }

        public int MaxConcurrent { get; set; }

        public Dictionary<string, long> ByMethod { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<SandboxRequestKind, long> ByKind { get; } = new();

        public SandboxEndpointStatistics Snapshot(string endpoint) =>
            new(endpoint, Requests, new Dictionary<string, long>(ByMethod, StringComparer.OrdinalIgnoreCase), new Dictionary<SandboxRequestKind, long>(ByKind), MaxConcurrent);
    }
}
