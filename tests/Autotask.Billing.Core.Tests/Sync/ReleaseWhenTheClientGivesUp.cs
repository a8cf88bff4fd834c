using System.Collections.Concurrent;
using Autotask.Billing.Autotask;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// The client's request log, read as it is written: once the client has given up on a create (it logged the attempt
/// as a 504 or as no answer), that endpoint's late commit is released, after the given lateness. So the commit lands
/// after the client gave up however loaded the machine is; only the lateness is wall-clock, and nothing races it.
/// </summary>
internal sealed class ReleaseWhenTheClientGivesUp : IProgress<AutotaskRequestLogEntry>
{
    private readonly IReadOnlyDictionary<string, SandboxLateCommit> _commits;
    private readonly TimeSpan _lateness;
    private readonly ConcurrentDictionary<string, bool> _gaveUp = new(StringComparer.OrdinalIgnoreCase);

    public ReleaseWhenTheClientGivesUp(IReadOnlyDictionary<string, SandboxLateCommit> commits, TimeSpan lateness)
    {
        _commits = commits;
        _lateness = lateness;
    }

    /// <summary>The endpoints whose create the client gave up on.</summary>
    public IReadOnlyList<string> GaveUp => _gaveUp.Keys.OrderBy(static e => e, StringComparer.Ordinal).ToList();

    public void Report(AutotaskRequestLogEntry value)
    {
        if (value.Operation == AutotaskOperation.Create && value.StatusCode is 504 or null
            && _commits.TryGetValue(value.Endpoint, out var commit) && _gaveUp.TryAdd(value.Endpoint, true))
        {
            _ = Task.Delay(_lateness).ContinueWith(_ => commit.Release(), TaskScheduler.Default);
        }
    }
}
