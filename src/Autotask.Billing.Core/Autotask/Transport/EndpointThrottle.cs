using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// Caps requests in flight per endpoint: Autotask answers a fourth concurrent request on one endpoint with a
/// thread-threshold error, so the client queues it instead. Autotask counts threads per integration code (API
/// tracking identifier) and endpoint, not per connection, so every client in this process with the same integration
/// code and Autotask host shares one set of gates. Other processes cannot see these gates: two processes with one
/// integration code can still exceed the limit together, and then the thread-threshold error is retried with backoff.
/// </summary>
internal sealed class EndpointThrottle
{
    private static readonly ConcurrentDictionary<string, EndpointThrottle> Shared = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxInFlight;

    public EndpointThrottle(int maxInFlight)
    {
        _maxInFlight = maxInFlight;
    }

    /// <summary>
    /// The gates shared by every client of this process that uses the integration code against the host. The key holds
    /// a hash of the code, never the code. The gates live as long as the process (a few semaphores per endpoint).
    /// </summary>
    public static EndpointThrottle For(string integrationCode, Uri host, int maxInFlight)
    {
        using var sha = SHA256.Create();
        var hash = BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(integrationCode))).Replace("-", string.Empty);
        var key = $"{hash}|{host.GetLeftPart(UriPartial.Authority).ToLowerInvariant()}|{maxInFlight}";
        return Shared.GetOrAdd(key, _ => new EndpointThrottle(maxInFlight));
    }

    public async Task<IDisposable> EnterAsync(string endpoint, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(endpoint, _ => new SemaphoreSlim(_maxInFlight, _maxInFlight));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(gate);
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
