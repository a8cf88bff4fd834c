namespace Autotask.Billing.Mapping;

/// <summary>An Autotask contract a vendor customer's billing may go to, as mapping needs it.</summary>
public sealed class ContractCandidate
{
    public ContractCandidate(long contractId, long companyId, string contractName, bool isRecurringService, bool isActive)
    {
        ContractId = contractId;
        CompanyId = companyId;
        ContractName = contractName ?? string.Empty;
        IsRecurringService = isRecurringService;
        IsActive = isActive;
    }

    public long ContractId { get; }

    public long CompanyId { get; }

    public string ContractName { get; }

    /// <summary>Whether the contract is of type Recurring Service (7), the only type that holds contract services.</summary>
    public bool IsRecurringService { get; }

    /// <summary>Whether the contract's status is the one labelled Active.</summary>
    public bool IsActive { get; }

    public override string ToString() => $"{ContractName} ({ContractId})";
}
