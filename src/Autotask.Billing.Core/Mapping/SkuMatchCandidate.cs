namespace Autotask.Billing.Mapping;

/// <summary>A catalog item that was considered for a SKU but not proposed.</summary>
public sealed class SkuMatchCandidate
{
    internal SkuMatchCandidate(CatalogItemKind kind, long itemId, string name, bool isActive, double confidence, SkuMatchRule rule)
    {
        Kind = kind;
        ServiceId = kind == CatalogItemKind.Service ? itemId : null;
        ProductId = kind == CatalogItemKind.Product ? itemId : null;
        Name = name;
        IsActive = isActive;
        Confidence = confidence;
        Rule = rule;
    }

    public CatalogItemKind Kind { get; }

    public long? ServiceId { get; }

    public long? ProductId { get; }

    public string Name { get; }

    public bool IsActive { get; }

    public double Confidence { get; }

    public SkuMatchRule Rule { get; }

    internal long ItemId => ServiceId ?? ProductId ?? 0;

    public override string ToString() => $"{Name} ({ItemId}, {Rule} {Confidence:0.00})";
}
