namespace Autotask.Billing.Mapping;

/// <summary>One vendor SKU's -Auto outcome: a proposal per catalog it needs and, when all are accepted, the mapping.</summary>
public sealed class ServiceMappingMatch
{
    internal ServiceMappingMatch(VendorSku sku, IReadOnlyList<SkuMatchProposal> proposals, ServiceMapping? mapping, string target)
    {
        Sku = sku;
        Proposals = proposals;
        Mapping = mapping;
        Target = target;
    }

    public VendorSku Sku { get; }

    /// <summary>The service proposal (recurring and usage lines) and/or the product proposal (one-time lines).</summary>
    public IReadOnlyList<SkuMatchProposal> Proposals { get; }

    /// <summary>The mapping to save; null when a proposal needs review.</summary>
    public ServiceMapping? Mapping { get; }

    public string Target { get; }
}
