namespace Autotask.Billing;

/// <summary>What became of one planned write; streamed as each operation finishes and kept in the run's journal.</summary>
public sealed class SyncResult
{
    public SyncResult(
        string runId,
        string operationId,
        SyncOperationKind operationKind,
        SyncStatus status,
        SyncReasonCode reasonCode,
        string reason,
        string entity,
        long? autotaskId,
        string target,
        string action,
        IReadOnlyList<string> differenceIds,
        string? customerId,
        string? customerName,
        string? sku,
        long? contractId,
        DateTime finishedUtc)
    {
        RunId = runId;
        OperationId = operationId;
        OperationKind = operationKind;
        Status = status;
        ReasonCode = reasonCode;
        Reason = reason;
        Entity = entity;
        AutotaskId = autotaskId;
        Target = target;
        Action = action;
        DifferenceIds = differenceIds;
        CustomerId = customerId;
        CustomerName = customerName;
        Sku = sku;
        ContractId = contractId;
        FinishedUtc = DateTime.SpecifyKind(finishedUtc, DateTimeKind.Utc);
    }

    /// <summary>How an operation of a run ended, now: the outcome's contract (a created one) over the planned one.</summary>
    internal static SyncResult Of(string runId, SyncOperation operation, Sync.OperationOutcome outcome) =>
        new(
            runId, operation.OperationId, operation.Kind, outcome.Status, outcome.Code, outcome.Reason, operation.Entity,
            outcome.AutotaskId, operation.Target, operation.Action, operation.DifferenceIds, operation.CustomerId,
            operation.CustomerName, operation.Sku, outcome.ContractId ?? operation.ContractId, DateTime.UtcNow);

    public string RunId { get; }

    public string OperationId { get; }

    public SyncOperationKind OperationKind { get; }

    public SyncStatus Status { get; }

    public SyncReasonCode ReasonCode { get; }

    /// <summary>In words: what was done, or why not.</summary>
    public string Reason { get; }

    /// <summary>The Autotask entity written, e.g. "ContractCharges".</summary>
    public string Entity { get; }

    /// <summary>The record created or found; null when nothing was written or Autotask gives no id (adjustments confirmed through their units).</summary>
    public long? AutotaskId { get; }

    public string Target { get; }

    public string Action { get; }

    /// <summary>The first of <see cref="DifferenceIds"/>: the difference the operation applies.</summary>
    public string? DifferenceId => DifferenceIds.Count > 0 ? DifferenceIds[0] : null;

    public IReadOnlyList<string> DifferenceIds { get; }

    public string? CustomerId { get; }

    public string? CustomerName { get; }

    public string? Sku { get; }

    /// <summary>The contract written to (including one created earlier in the same run).</summary>
    public long? ContractId { get; }

    public DateTime FinishedUtc { get; }

    public override string ToString() => $"{OperationId} {Status}: {Target} — {Action}" + (Reason.Length > 0 ? $" ({Reason})" : string.Empty);
}
