using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// One planned part of an ordered push (the catalog, the customers, or the contracts with their services and
/// adjustments): its operations, and the existing executor and mapping update that apply them, so the ordered push
/// runs the same workflow as Sync-AtProduct, Sync-AtCompany and Sync-AtContract.
/// </summary>
public sealed class PendingChangeBatch
{
    private readonly Func<IEnumerable<string>, SyncOptions, Action<SyncResult>?, IProgress<SyncProgress>?, CancellationToken, Task<SyncRunSummary>> _execute;
    private readonly Func<MappingDocument, IReadOnlyList<SyncResult>, DateTime, MappingDocument> _record;

    internal PendingChangeBatch(
        string name,
        IReadOnlyList<SyncOperation> operations,
        Func<IEnumerable<string>, SyncOptions, Action<SyncResult>?, IProgress<SyncProgress>?, CancellationToken, Task<SyncRunSummary>> execute,
        Func<MappingDocument, IReadOnlyList<SyncResult>, DateTime, MappingDocument> record)
    {
        Name = name;
        Operations = operations;
        _execute = execute;
        _record = record;
    }

    /// <summary>What the batch pushes: Products, Customers or Contracts.</summary>
    public string Name { get; }

    public IReadOnlyList<SyncOperation> Operations { get; }

    /// <summary>Runs the approved operations with the batch's own executor; every plan line and result goes to a journal.</summary>
    public Task<SyncRunSummary> ExecuteAsync(
        IEnumerable<string> approvedOperationIds,
        SyncOptions options,
        Action<SyncResult>? onResult = null,
        IProgress<SyncProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        _execute(approvedOperationIds, options, onResult, progress, cancellationToken);

    /// <summary>The mapping store with what the run created or paired (the same document when nothing changed).</summary>
    public MappingDocument RecordPairings(MappingDocument document, IReadOnlyList<SyncResult> results, DateTime changedUtc) =>
        _record(document, results, changedUtc);
}
