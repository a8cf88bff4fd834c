namespace Autotask.Billing.Reconciliation;

/// <summary>The vendor lines of every mapped customer billed into one existing Autotask contract.</summary>
internal sealed class ContractWork
{
    public ContractWork(long contractId)
    {
        ContractId = contractId;
    }

    public long ContractId { get; }

    public List<TransactionSummary> Seats { get; } = new();

    public List<Transaction> Charges { get; } = new();

    /// <summary>Mapped customers of the billed sources with no line in this bill: everything mapped on the contract is a removal candidate.</summary>
    public List<Mapping.CustomerMapping> AbsentCustomers { get; } = new();
}
