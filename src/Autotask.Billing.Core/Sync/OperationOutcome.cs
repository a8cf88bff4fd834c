namespace Autotask.Billing.Sync;

/// <summary>How one operation ended, before it is dressed as a <see cref="SyncResult"/>.</summary>
internal sealed class OperationOutcome
{
    public OperationOutcome(SyncStatus status, SyncReasonCode code, string reason, long? autotaskId = null, long? contractId = null)
    {
        Status = status;
        Code = code;
        Reason = reason;
        AutotaskId = autotaskId;
        ContractId = contractId;
    }

    public SyncStatus Status { get; }

    public SyncReasonCode Code { get; }

    public string Reason { get; }

    public long? AutotaskId { get; }

    public long? ContractId { get; }

    /// <summary>
    /// Dependants may go ahead: it was written (also when Autotask does not bill all of it: the record exists, and each
    /// dependant reads back its own outcome), or Autotask already showed the target.
    /// </summary>
    public bool Succeeded => Status is SyncStatus.Applied or SyncStatus.NotApplied || Code == SyncReasonCode.AlreadyInStep;

    public static OperationOutcome Applied(string reason, long? autotaskId, long? contractId = null) =>
        new(SyncStatus.Applied, SyncReasonCode.None, reason, autotaskId is 0 ? null : autotaskId, contractId);

    public static OperationOutcome InStep(string reason, long? autotaskId, long? contractId = null) =>
        new(SyncStatus.Skipped, SyncReasonCode.AlreadyInStep, reason, autotaskId, contractId);

    public static OperationOutcome Skipped(SyncReasonCode code, string reason, long? contractId = null) =>
        new(SyncStatus.Skipped, code, reason, null, contractId);

    public static OperationOutcome Failed(SyncReasonCode code, string reason, long? contractId = null) =>
        new(SyncStatus.Failed, code, reason, null, contractId);

    public static OperationOutcome NotApplied(string reason, long? autotaskId, long? contractId) =>
        new(SyncStatus.NotApplied, SyncReasonCode.IgnoredByAutotask, reason, autotaskId is 0 ? null : autotaskId, contractId);

    public static OperationOutcome Unconfirmed(string reason, long? contractId = null) =>
        new(SyncStatus.Unconfirmed, SyncReasonCode.OutcomeUnknown, reason, null, contractId);

    public static OperationOutcome NotRun(SyncReasonCode code, string reason) => new(SyncStatus.NotRun, code, reason);
    /// <summary>
    /// What a dependant gets when its prerequisite did not succeed: the one rule for contract syncs and the customer,
    /// catalog and quote pushes alike.
    /// </summary>
    public static OperationOutcome InheritedFrom(SyncOperation prerequisite, OperationOutcome outcome)
    {
        var what = $"prerequisite {prerequisite.OperationId} ({prerequisite.Kind})";
        return outcome.Status switch
        {
            SyncStatus.Failed => Skipped(SyncReasonCode.PrerequisiteFailed, $"{what} failed: {outcome.Reason}"),
            SyncStatus.NotRun => NotRun(outcome.Code, $"{what} was not run: {outcome.Reason}"),
            SyncStatus.Unconfirmed => NotRun(SyncReasonCode.OutcomeUnknown, $"{what} is unconfirmed; the next run picks this up: {outcome.Reason}"),
            _ => Skipped(outcome.Code, $"{what} was skipped: {outcome.Reason}"),
        };
    }
}
