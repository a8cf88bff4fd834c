namespace Autotask.Billing.Sandbox.Limits;

// Autotask's two limits: concurrent requests per (integration code, endpoint), and requests per rolling hour
// for the whole database.
internal sealed class RequestLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly object _sync = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<DateTime> _accepted = new();

    public bool TryEnter(string integrationCode, string endpoint, int limit)
    {
        var key = integrationCode + "\n" + endpoint;
        lock (_sync)
        {
            var current = _inFlight.TryGetValue(key, out var count) ? count : 0;
            if (current >= limit)
            {
                return false;
            }

            _inFlight[key] = current + 1;
            return true;
        }
    }

    public void Exit(string integrationCode, string endpoint)
    {
        var key = integrationCode + "\n" + endpoint;
        lock (_sync)
        {
            _inFlight[key]--;
        }
    }

    // Counts the request unless the hour's budget is spent.
    public bool TryCount(int threshold, DateTime now)
    {
        lock (_sync)
        {
            Expire(now);
            if (_accepted.Count >= threshold)
            {
                return false;
            }

            _accepted.Enqueue(now);
            return true;
        }
    }

    public int CountInWindow(DateTime now)
    {
        lock (_sync)
        {
            Expire(now);
            return _accepted.Count;
        }
    }

    private void Expire(DateTime now)
    {
        while (_accepted.Count > 0 && now - _accepted.Peek() >= Window)
        {
            _accepted.Dequeue();
        }
    }
}
