namespace Autotask.Billing.Reporting;

/// <summary>The parts of a SyncResult a report shows, read by property name from the live or a re-imported object.</summary>
public sealed class ReportSyncResult
{
    public const string Applied = nameof(Applied);
    public const string Skipped = nameof(Skipped);
    public const string Failed = nameof(Failed);
    public const string NotRun = nameof(NotRun);
    public const string Unconfirmed = nameof(Unconfirmed);
    public const string NotApplied = nameof(NotApplied);

    private const string AlreadyInStep = nameof(AlreadyInStep);

    private ReportSyncResult()
    {
    }

    public string? RunId { get; private init; }

    public string OperationId { get; private init; } = string.Empty;

    public string? OperationKind { get; private init; }

    /// <summary>Applied, Skipped, Failed, NotRun or Unconfirmed.</summary>
    public string Status { get; private init; } = string.Empty;

    public string? ReasonCode { get; private init; }

    public string Reason { get; private init; } = string.Empty;

    public string? Entity { get; private init; }

    public long? AutotaskId { get; private init; }

    public string? Target { get; private init; }

    public string? Action { get; private init; }

    public string? DifferenceId { get; private init; }

    public string? CustomerId { get; private init; }

    public string? CustomerName { get; private init; }

    public string? Sku { get; private init; }

    public long? ContractId { get; private init; }

    public DateTime? FinishedUtc { get; private init; }

    /// <summary>Failed, not run, unconfirmed, ignored by Autotask, or skipped for a reason other than Autotask already being in step.</summary>
    public bool NeedsAttention =>
        Status is Failed or NotRun or Unconfirmed or NotApplied
        || (Status == Skipped && !string.Equals(ReasonCode, AlreadyInStep, StringComparison.OrdinalIgnoreCase));

    internal static ReportSyncResult Read(ReportValues values)
    {
        var operationId = values.RequiredText(nameof(OperationId));
        return new ReportSyncResult
        {
            RunId = values.Text(nameof(RunId)),
            OperationId = operationId,
            OperationKind = values.Text(nameof(OperationKind)) ?? values.Text("Kind"),
            Status = NormalizeStatus(values.RequiredText(nameof(Status)), operationId),
            ReasonCode = values.Text(nameof(ReasonCode)),
            Reason = values.Text(nameof(Reason)) ?? string.Empty,
            Entity = values.Text(nameof(Entity)) ?? values.Text("EntityName"),
            AutotaskId = values.Long(nameof(AutotaskId)),
            Target = values.Text(nameof(Target)),
            Action = values.Text(nameof(Action)),
            DifferenceId = values.Text(nameof(DifferenceId)),
            CustomerId = values.Text(nameof(CustomerId)),
            CustomerName = values.Text(nameof(CustomerName)),
            Sku = values.Text(nameof(Sku)),
            ContractId = values.Long(nameof(ContractId)),
            FinishedUtc = values.Timestamp(nameof(FinishedUtc)),
        };
    }

    private static string NormalizeStatus(string status, string operationId)
    {
        // The statuses a sync writes are SyncStatus's: one list, so a new status cannot make reports fail.
        var known = Enum.GetNames(typeof(SyncStatus));
        foreach (var name in known)
        {
            if (string.Equals(status.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        throw new ReportInputException($"The sync result {operationId}'s Status '{status}' is not one of {string.Join(", ", known)}.");
    }
}
