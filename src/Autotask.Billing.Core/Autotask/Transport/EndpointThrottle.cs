using System.Collections.Concurrent;

namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// Caps requests in flight per endpoint: Autotask answers a fourth concurrent request on one endpoint with a
/// thread-threshold error, so the client queues it instead.
/// </summary>
internal sealed class EndpointThrottle : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxInFlight;

    public EndpointThrottle(int maxInFlight)
    {
        _maxInFlight = maxInFlight;
    }

    public async Task<IDisposable> EnterAsync(string endpoint, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(endpoint, _ => new SemaphoreSlim(_maxInFlight, _maxInFlight));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Lease : IDisposable
    {
        private SemaphoreSlim? _gate;

        public Lease(SemaphoreSlim gate)
        {
            _gate = gate;
        }

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
