namespace Autotask.Billing.Mapping;

/// <summary>
/// Which contract a matched company's billing goes to: its only active Recurring Service contract, a new one when it
/// has none, or no choice (for a person to make) when it has several.
/// </summary>
public sealed class ContractChoice
{
    private ContractChoice(MappingAction action, ContractCandidate? contract, bool isChosen, string reason)
    {
        Action = action;
        Contract = contract;
        IsChosen = isChosen;
        Reason = reason;
    }

    public MappingAction Action { get; }

    /// <summary>The contract chosen; null when a new one is to be created or none could be chosen.</summary>
    public ContractCandidate? Contract { get; }

    /// <summary>False when the company has several active Recurring Service contracts.</summary>
    public bool IsChosen { get; }

    public string Reason { get; }

    /// <summary>Chooses among the company's active Recurring Service contracts (others are ignored).</summary>
    public static ContractChoice For(long companyId, IEnumerable<ContractCandidate> contracts)
    {
        var candidates = (contracts ?? throw new ArgumentNullException(nameof(contracts)))
            .Where(c => c.CompanyId == companyId && c.IsRecurringService && c.IsActive)
            .OrderBy(c => c.ContractId)
            .ToList();
        return candidates.Count switch
        {
            0 => new ContractChoice(MappingAction.Create, null, true, "it has no active Recurring Service contract, so sync will create one"),
            1 => new ContractChoice(MappingAction.Existing, candidates[0], true, $"its only active Recurring Service contract is {candidates[0]}"),
            _ => new ContractChoice(
                MappingAction.Existing,
                null,
                false,
                $"it has {candidates.Count} active Recurring Service contracts ({string.Join(", ", candidates)}); choose one with -ContractId"),
        };
    }
}
