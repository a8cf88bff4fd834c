namespace Autotask.Billing.Mapping;

/// <summary>What -Auto found for a set of vendor SKUs.</summary>
public sealed class ServiceMappingAutoResult
{
    internal ServiceMappingAutoResult(
        IReadOnlyList<ServiceMappingMatch> matches,
        IReadOnlyList<VendorSku> alreadyMapped,
        IReadOnlyList<VendorSku> creditOnly)
    {
        Matches = matches;
        AlreadyMapped = alreadyMapped;
        CreditOnly = creditOnly;
    }

    public IReadOnlyList<ServiceMappingMatch> Matches { get; }

    /// <summary>SKUs the document already maps; left alone.</summary>
    public IReadOnlyList<VendorSku> AlreadyMapped { get; }

    /// <summary>SKUs seen only on credit lines, which do not tell whether a service or a product is needed.</summary>
    public IReadOnlyList<VendorSku> CreditOnly { get; }
}
