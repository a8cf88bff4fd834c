namespace Autotask.Billing.Mapping;

/// <summary>A requested customer mapping, resolved: the mapping and its target text, or why it cannot be made.</summary>
public sealed class PlannedContractMapping
{
    internal PlannedContractMapping(ContractMappingRequest request, CustomerMapping? mapping, string target, string? problem, bool isNotFound)
    {
        Request = request;
        Mapping = mapping;
        Target = target;
        Problem = problem;
        IsNotFound = isNotFound;
    }

    public ContractMappingRequest Request { get; }

    /// <summary>Null when <see cref="Problem"/> says why not.</summary>
    public CustomerMapping? Mapping { get; }

    public string Target { get; }

    public string? Problem { get; }

    /// <summary>The problem is a company or contract Autotask does not hold (rather than a request to correct).</summary>
    public bool IsNotFound { get; }
}
