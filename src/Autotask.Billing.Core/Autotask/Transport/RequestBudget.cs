namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// Keeps a run inside the caller's request budget and clear of the reserve it wants to leave of the database's
/// hourly threshold, refusing a request before it is sent. Tracks when ThresholdInformation should be re-read.
/// </summary>
internal sealed class RequestBudget
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly long? _budget;
    private readonly long? _reserve;
    private readonly int _refreshInterval;
    private long _sent;
    private ThresholdInformation? _lastRead;
    private DateTime _lastReadUtc;
    private long _sentAtLastRead;
    private long _sentAtLastAttempt;
    private DateTime _lastAttemptUtc;

    public RequestBudget(long? budget, long? reserve, int refreshInterval)
    {
        _budget = budget;
        _reserve = reserve;
        _refreshInterval = refreshInterval;
    }

    public AutotaskThresholdUsage? Usage
    {
        get
        {
            lock (_gate)
            {
                return _lastRead is null ? null : new AutotaskThresholdUsage(_lastRead, _lastReadUtc, _sent - _sentAtLastRead);
            }
        }
    }

    /// <summary>Due after every refresh interval, and before refusing on a stale estimate (the window rolls on).</summary>
    public bool ThresholdReadIsDue
    {
        get
        {
            lock (_gate)
            {
                if (_lastRead is null)
                {
                    return false;
                }

                return _sent - _sentAtLastAttempt >= _refreshInterval
                    || (WouldEatReserve() && DateTime.UtcNow - _lastAttemptUtc > StaleAfter);
            }
        }
    }

    /// <summary>Counts a request about to be sent, or throws without counting it when it would break a limit.</summary>
    public void Reserve()
    {
        lock (_gate)
        {
            if (_budget is not null && _sent >= _budget.Value)
            {
                throw new AutotaskBudgetExhaustedException(
                    $"The request budget of {_budget.Value} requests is used up; stopped before sending another request.",
                    _sent,
                    _budget,
                    UsageUnlocked());
            }

            if (WouldEatReserve())
            {
                var usage = UsageUnlocked()!;
                throw new AutotaskBudgetExhaustedException(
                    $"Stopped before sending: about {usage.EstimatedUsed} of the database's {usage.Threshold} requests per " +
                    $"{usage.LastRead.RequestThresholdTimeframe} minutes are used and {_reserve} are kept in reserve.",
                    _sent,
                    _budget,
                    usage);
            }

            _sent++;
        }
    }

    public void Record(ThresholdInformation information)
    {
        lock (_gate)
        {
            _lastRead = information;
            _lastReadUtc = _lastAttemptUtc = DateTime.UtcNow;
            _sentAtLastRead = _sentAtLastAttempt = _sent;
        }
    }

    /// <summary>A read that failed still waits out the interval, so a failing ThresholdInformation is not asked on every request.</summary>
    public void RecordFailedRead()
    {
        lock (_gate)
        {
            _lastAttemptUtc = DateTime.UtcNow;
            _sentAtLastAttempt = _sent;
        }
    }

    private bool WouldEatReserve() =>
        _reserve is not null
        && _lastRead is not null
        && _lastRead.CurrentTimeframeRequestCount + (_sent - _sentAtLastRead) + 1 > _lastRead.ExternalRequestThreshold - _reserve.Value;

    private AutotaskThresholdUsage? UsageUnlocked() =>
        _lastRead is null ? null : new AutotaskThresholdUsage(_lastRead, _lastReadUtc, _sent - _sentAtLastRead);
}
