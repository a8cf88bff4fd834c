namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Which contracts a <see cref="ContractSnapshotLoader"/> reads. Conditions combine: contract ids and company ids
/// (when both are given, a contract must match both), Active status, Recurring Service type.
/// </summary>
public sealed record ContractSelection
{
    /// <summary>Every contract of the database.</summary>
    public static ContractSelection All { get; } = new();

    /// <summary>Only these contracts; null for no restriction.</summary>
    public IReadOnlyCollection<long>? ContractIds { get; init; }

    /// <summary>Only contracts of these companies; null for no restriction.</summary>
    public IReadOnlyCollection<long>? CompanyIds { get; init; }

    /// <summary>Only contracts whose status is labelled "Active".</summary>
    public bool ActiveOnly { get; init; }

    /// <summary>Only Recurring Service contracts (contractType 7, the one fixed picklist value).</summary>
    public bool RecurringOnly { get; init; }

    public static ContractSelection ForContracts(IEnumerable<long> contractIds) =>
        new() { ContractIds = (contractIds ?? throw new ArgumentNullException(nameof(contractIds))).Distinct().ToList() };

    public static ContractSelection ForCompanies(IEnumerable<long> companyIds) =>
        new() { CompanyIds = (companyIds ?? throw new ArgumentNullException(nameof(companyIds))).Distinct().ToList() };
}
