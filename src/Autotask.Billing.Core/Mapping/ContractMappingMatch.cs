namespace Autotask.Billing.Mapping;

/// <summary>One vendor customer's -Auto outcome: the proposal shown to the admin and, when it may be saved, the mapping.</summary>
public sealed class ContractMappingMatch
{
    internal ContractMappingMatch(MatchProposal proposal, CustomerMapping? mapping, string target)
    {
        Proposal = proposal;
        Mapping = mapping;
        Target = target;
    }

    /// <summary>The company proposed, accepted only when it reached the minimum confidence and a contract could be chosen.</summary>
    public MatchProposal Proposal { get; }

    /// <summary>The mapping to save; null when the proposal needs review.</summary>
    public CustomerMapping? Mapping { get; }

    /// <summary>The customer and where its billing would go, for -WhatIf and -Confirm.</summary>
    public string Target { get; }
}
