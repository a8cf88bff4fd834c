using Autotask.Billing.Sync;

namespace Autotask.Billing;

/// <summary>
/// One write the plan would make, described for the person who confirms it: <see cref="Target"/> says what record
/// (customer, contract, SKU), <see cref="Action"/> says what changes (before → after, effective date, money impact).
/// The cmdlet passes both to ShouldProcess and hands the approved <see cref="OperationId"/>s to the executor.
/// </summary>
public sealed class SyncOperation
{
    internal SyncOperation(string key, SyncOperationDetails details)
    {
        Key = key;
        Details = details;
    }

    /// <summary>Unique within the plan, in plan order ("0001", "0002", ...).</summary>
    public string OperationId { get; internal set; } = string.Empty;

    public SyncOperationKind Kind { get; internal init; }

    /// <summary>The Autotask entity it writes, e.g. "ContractServiceAdjustments".</summary>
    public string Entity { get; internal init; } = string.Empty;

    public string Target { get; internal init; } = string.Empty;

    public string Action { get; internal init; } = string.Empty;

    public SyncImpact Impact { get; internal init; }

    public bool RequiresForce { get; internal init; }

    public string? ForceReason { get; internal init; }

    /// <summary>Operations that must succeed first; if one does not, this one is skipped with the reason.</summary>
    public IReadOnlyList<string> DependsOn { get; internal set; } = Array.Empty<string>();

    /// <summary>The differences this operation serves (a catalog create may serve many customers).</summary>
    public IReadOnlyList<string> DifferenceIds { get; internal set; } = Array.Empty<string>();

    public string? CustomerId { get; internal set; }

    public string? CustomerName { get; internal set; }

    public string? Sku { get; internal set; }

    public long? CompanyId { get; internal set; }

    /// <summary>The contract written to, when it exists at plan time.</summary>
    public long? ContractId { get; internal set; }

    /// <summary>Why it cannot be applied as planned (e.g. no phone number for a new company); it is then held back without a request.</summary>
    public string? Problem { get; internal init; }

    /// <summary>The reason code the operation is held back with when it has a <see cref="Problem"/>.</summary>
    internal SyncReasonCode ProblemCode { get; init; } = SyncReasonCode.IncompleteData;

    /// <summary>
    /// What will really happen to it in a run with or without -Force, in the words ShouldProcess shows (-WhatIf,
    /// -Confirm): a write the plan already knows it cannot make, or that the guardrails hold back, says so.
    /// </summary>
    public string Describe(bool force) =>
        Problem is not null ? $"Hold back, sending nothing ({Problem}): {Action}"
        : RequiresForce && !force ? $"Hold back until run with -Force ({ForceReason}): {Action}"
        : Action;

    internal string Key { get; }

    internal SyncOperationDetails Details { get; }

    internal List<string> DependencyKeys { get; } = new();

    internal List<string> DifferenceIdList { get; } = new();

    /// <summary>The differences the operation serves, for pointing their mappings at what it created.</summary>
    internal List<ContractDifference> Differences { get; } = new();

    /// <summary>Names the customer, SKU, company and contract of the difference the operation serves.</summary>
    internal SyncOperation ForCustomer(ContractDifference difference)
    {
        CustomerId = difference.CustomerId;
        CustomerName = difference.CustomerName;
        Sku = difference.Sku;
        CompanyId = difference.CompanyId;
        ContractId = difference.ContractId;
        return this;
    }

    public override string ToString() => $"{OperationId} {Kind}: {Target} — {Action}";
}
