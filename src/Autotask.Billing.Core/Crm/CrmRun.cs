using Autotask.Billing.Autotask;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// Runs the approved operations of a customer, catalog or sales-document plan with the same rules and journal as a
/// contract sync: every operation awaits its prerequisites, a declined or failed prerequisite skips its dependants,
/// a held-back operation fails without a request, writes keep Autotask's limit of three in flight per endpoint, a
/// cancelled run or an exhausted API budget leaves the rest NotRun, and every plan line and outcome goes to the run's
/// journal (read back by Get-AtSyncHistory).
/// </summary>
internal sealed class CrmRun : IDisposable
{
    private const int WritesInFlightPerEndpoint = 3;

    private readonly AutotaskClient _client;
    private readonly IReadOnlyList<SyncOperation> _operations;
    private readonly HashSet<string> _approved;
    private readonly SyncOptions _options;
    private readonly Func<SyncOperation, CrmRun, Task<OperationOutcome>> _apply;
    private readonly Action<SyncResult>? _onResult;
    private readonly IProgress<SyncProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenSource _stop;
    private readonly Dictionary<string, SyncOperation> _byKey;
    private readonly Dictionary<string, Lazy<Task<OperationOutcome>>> _outcomes;
    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _reporting = new();
    private readonly RunTally _tally = new();
    private readonly string _runId;
    private SyncJournal? _journal;
    private volatile bool _budgetExhausted;

    public CrmRun(
        AutotaskClient client,
        IReadOnlyList<SyncOperation> operations,
        IEnumerable<string> approved,
        SyncOptions options,
        Func<SyncOperation, CrmRun, Task<OperationOutcome>> apply,
        Action<SyncResult>? onResult,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        _client = client;
        _operations = operations;
        _approved = new HashSet<string>(approved, StringComparer.Ordinal);
        _options = options;
        _apply = apply;
        _onResult = onResult;
        _progress = progress;
        _cancellation = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _runId = SyncRun.NewRunId();
        _byKey = operations.ToDictionary(static op => op.Key, StringComparer.Ordinal);
        _outcomes = operations.ToDictionary(
            static op => op.Key,
            op => new Lazy<Task<OperationOutcome>>(() => Task.Run(() => RunOperationAsync(op))),
            StringComparer.Ordinal);
    }

    public CancellationToken StopToken => _stop.Token;

    public AutotaskClient Client => _client;

    public async Task<SyncRunSummary> RunAsync()
    {
        var started = DateTime.UtcNow;
        var requestsBefore = _client.Requests.Total;
        if (_options.JournalFolder is { } folder)
        {
            _journal = SyncJournal.Create(folder, _runId);
            _journal.WriteHeader(_runId, started, _client.UserName, _options.RunBy, _options.ModuleVersion, _options.Force, _operations.Count);
            foreach (var operation in _operations)
            {
                _journal.WriteOperation(operation, _approved.Contains(operation.OperationId));
            }
        }

        await Task.WhenAll(_operations.Select(op => _outcomes[op.Key].Value)).ConfigureAwait(false);
        var summary = new SyncRunSummary(
            _runId, started, DateTime.UtcNow, _tally.Applied, _tally.Skipped, _tally.Failed, _tally.NotRun, _tally.NeedsAttention,
            _client.Requests.Total - requestsBefore, _journal?.Path, _budgetExhausted, _cancellation.IsCancellationRequested,
            notApplied: _tally.NotApplied, unconfirmed: _tally.Unconfirmed);
        _journal?.WriteSummary(summary);
        return summary;
    }

    /// <summary>The Autotask id an earlier operation of the run created or found.</summary>
    public async Task<long> IdFromAsync(string operationKey)
    {
        var outcome = await _outcomes[operationKey].Value.ConfigureAwait(false);
        return outcome.AutotaskId ?? throw new InvalidOperationException($"Operation {_byKey[operationKey].OperationId} succeeded without an Autotask id.");
    }

    /// <summary>Writes pass the per-endpoint gate with the stop token; once through they are sent without it, so they settle.</summary>
    public async Task<T> WriteAsync<T>(string endpoint, Func<CancellationToken, Task<T>> write)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(endpoint, out gate!))
            {
                gate = new SemaphoreSlim(WritesInFlightPerEndpoint, WritesInFlightPerEndpoint);
                _gates.Add(endpoint, gate);
            }
        }

        await gate.WaitAsync(StopToken).ConfigureAwait(false);
        try
        {
            return await write(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        _journal?.Dispose();
        _stop.Dispose();
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<OperationOutcome> RunOperationAsync(SyncOperation operation)
    {
        foreach (var key in operation.DependencyKeys)
        {
            var prerequisite = await _outcomes[key].Value.ConfigureAwait(false);
            if (!prerequisite.Succeeded)
            {
                return Finish(operation, OperationOutcome.InheritedFrom(_byKey[key], prerequisite));
            }
        }

        if (!_approved.Contains(operation.OperationId))
        {
            return Finish(operation, OperationOutcome.Skipped(SyncReasonCode.Declined, "declined"));
        }

        if (operation.Problem is not null)
        {
            return Finish(operation, OperationOutcome.Failed(operation.ProblemCode, operation.Problem));
        }

        if (StopToken.IsCancellationRequested)
        {
            return Finish(operation, Stopped());
        }

        var outcome = await OperationAttempt.RunAsync(
            () => _apply(operation, this), "push", StopForBudget, () => _budgetExhausted, StopToken).ConfigureAwait(false);
        return Finish(operation, outcome);
    }

    private OperationOutcome Stopped() => OperationAttempt.Stopped(_budgetExhausted, "push");

    private void StopForBudget()
    {
        _budgetExhausted = true;
        _stop.Cancel();
    }

    private OperationOutcome Finish(SyncOperation operation, OperationOutcome outcome)
    {
        var result = SyncResult.Of(_runId, operation, outcome);
        lock (_reporting)
        {
            _tally.Count(outcome.Status, outcome.Code == SyncReasonCode.Declined);
            _journal?.WriteResult(result);
            _onResult?.Invoke(result);
            _progress?.Report(new SyncProgress(_tally.Finished, _operations.Count, result));
        }

        return outcome;
    }
}
