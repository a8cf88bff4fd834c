namespace Autotask.Billing.Mapping;

/// <summary>What -Auto found for a set of vendor customers.</summary>
public sealed class ContractMappingAutoResult
{
    internal ContractMappingAutoResult(
        IReadOnlyList<ContractMappingMatch> matches,
        IReadOnlyList<VendorCustomer> alreadyMapped,
        IReadOnlyList<CompanyCandidate> companies)
    {
        Matches = matches;
        AlreadyMapped = alreadyMapped;
        Companies = companies;
    }

    /// <summary>One per unmapped customer, in the order the customers first appeared.</summary>
    public IReadOnlyList<ContractMappingMatch> Matches { get; }

    /// <summary>Customers the document already maps; left alone.</summary>
    public IReadOnlyList<VendorCustomer> AlreadyMapped { get; }

    /// <summary>The companies read from Autotask (empty when every customer was already mapped).</summary>
    public IReadOnlyList<CompanyCandidate> Companies { get; }
}
