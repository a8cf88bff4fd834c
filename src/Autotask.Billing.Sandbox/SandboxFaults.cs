using Autotask.Billing.Sandbox.Limits;

namespace Autotask.Billing.Sandbox;

// Latency and failures a test asks for. Entity restricts a rule to one endpoint (the entity a route acts on,
// e.g. "ContractServices"); method to one HTTP method. Rules are checked in the order they were added.
public sealed class SandboxFaults
{
    private readonly object _sync = new();
    private readonly List<FaultRule> _faults = new();
    private readonly List<LatencyRule> _latencies = new();
    private readonly List<SandboxHold> _holds = new();
    private int _lateCommitsPending;

    // Late commits drawn but not yet committed; a test waits for 0 before it looks at the end state.
    public int LateCommitsPending => Volatile.Read(ref _lateCommitsPending);

    public void AddLatency(TimeSpan delay, string? entity = null, string? method = null)
    {
        lock (_sync)
        {
            _latencies.Add(new LatencyRule(delay, entity, method));
        }
    }

    // Matching requests wait (after any latency) until the returned hold is released or disposed.
    public SandboxHold Hold(string? entity = null, string? method = null)
    {
        var hold = new SandboxHold(entity, method, Remove);
        lock (_sync)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    public void FailNext(int count, SandboxFaultKind kind, string? entity = null, string? method = null)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The count must be at least 1.");
        }

        lock (_sync)
        {
            _faults.Add(new FaultRule(kind, entity, method, count, null, null));
        }
    }

    // The next matching requests commit late: the client gets a 504 at once (CommitLateAfterGatewayTimeout) or no
    // answer at all (CommitLateWithoutAnswer), and the backend commits each request commitDelay after it arrived.
    public void CommitLate(int count, SandboxFaultKind kind, TimeSpan commitDelay, string? entity = null, string? method = null)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The count must be at least 1.");
        }

        if (kind is not (SandboxFaultKind.CommitLateAfterGatewayTimeout or SandboxFaultKind.CommitLateWithoutAnswer))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Only the late-commit kinds commit late.");
        }

        lock (_sync)
        {
            _faults.Add(new FaultRule(kind, entity, method, count, null, null, commitDelay));
        }
    }

    // The next matching create commits late when the returned commit is released, not after a delay: the client gets a
    // 504 at once (CommitLateAfterGatewayTimeout) or no answer until then (CommitLateWithoutAnswer; the connection is
    // held until the release, then dropped).
    public SandboxLateCommit CommitWhenReleased(SandboxFaultKind kind, string? entity = null, string? method = null)
    {
        if (kind is not (SandboxFaultKind.CommitLateAfterGatewayTimeout or SandboxFaultKind.CommitLateWithoutAnswer))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Only the late-commit kinds commit late.");
        }

        var commit = new SandboxLateCommit();
        lock (_sync)
        {
            _faults.Add(new FaultRule(kind, entity, method, 1, null, null, gate: commit));
        }

        return commit;
    }

    // Each matching request fails with the given probability; the seed makes the sequence repeatable.
    public void FailRandomly(double probability, SandboxFaultKind kind, int seed, string? entity = null, string? method = null)
    {
        if (probability < 0 || probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "The probability must be between 0 and 1.");
        }

        lock (_sync)
        {
            _faults.Add(new FaultRule(kind, entity, method, null, probability, new Random(seed)));
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _faults.Clear();
            _latencies.Clear();
            foreach (var hold in _holds)
            {
                hold.Release();
            }

            _holds.Clear();
        }
    }

    private void Remove(SandboxHold hold)
    {
        lock (_sync)
        {
            _holds.Remove(hold);
        }
    }

    internal void LateCommitDrawn() => Interlocked.Increment(ref _lateCommitsPending);

    internal void LateCommitDone() => Interlocked.Decrement(ref _lateCommitsPending);

    internal TimeSpan LatencyFor(string endpoint, string method)
    {
        lock (_sync)
        {
            return _latencies.Where(l => l.Applies(endpoint, method)).Aggregate(TimeSpan.Zero, (total, l) => total + l.Delay);
        }
    }

    internal async Task HoldAsync(string endpoint, string method, CancellationToken cancellationToken)
    {
        List<SandboxHold> holds;
        lock (_sync)
        {
            holds = _holds.Where(h => h.Applies(endpoint, method)).ToList();
        }

        foreach (var hold in holds)
        {
            await hold.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal FaultRule? Draw(string endpoint, string method, bool isCreate)
    {
        lock (_sync)
        {
            foreach (var rule in _faults.Where(r => r.Applies(endpoint, method, isCreate)))
            {
                if (rule.Remaining != null)
                {
                    rule.Remaining--;
                    if (rule.Remaining == 0)
                    {
                        _faults.Remove(rule);
                    }

                    return rule;
                }

                if (rule.Random!.NextDouble() < rule.Probability)
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
