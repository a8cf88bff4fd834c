namespace Autotask.Billing.Mapping;

/// <summary>
/// The Autotask service or product proposed for a vendor SKU, how sure the proposal is and why. Binds by property
/// name (Source, Sku, ServiceId or ProductId) into a SKU mapping.
/// </summary>
public sealed class SkuMatchProposal
{
    internal SkuMatchProposal(
        string source,
        string sku,
        CatalogItemKind kind,
        SkuMatchCandidate? best,
        double confidence,
        bool isAccepted,
        bool isAmbiguous,
        string reason,
        IReadOnlyList<SkuMatchCandidate> alternatives)
    {
        Source = source;
        Sku = sku;
        Kind = kind;
        ServiceId = best?.ServiceId;
        ProductId = best?.ProductId;
        Name = best?.Name;
        Confidence = confidence;
        Rule = best?.Rule ?? SkuMatchRule.None;
        IsAccepted = isAccepted;
        IsAmbiguous = isAmbiguous;
        Reason = reason;
        Alternatives = alternatives;
    }

    private SkuMatchProposal(SkuMatchProposal other, Func<string?, string?> text)
    {
        Source = text(other.Source)!;
        Sku = text(other.Sku)!;
        Kind = other.Kind;
        ServiceId = other.ServiceId;
        ProductId = other.ProductId;
        Name = text(other.Name);
        Confidence = other.Confidence;
        Rule = other.Rule;
        IsAccepted = other.IsAccepted;
        IsAmbiguous = other.IsAmbiguous;
        Reason = text(other.Reason)!;
        Alternatives = other.Alternatives;
    }

    public string Source { get; }

    public string Sku { get; }

    public CatalogItemKind Kind { get; }

    public long? ServiceId { get; }

    public long? ProductId { get; }

    /// <summary>The proposed item's name; null when nothing matched.</summary>
    public string? Name { get; }

    public double Confidence { get; }

    public SkuMatchRule Rule { get; }

    public bool IsAccepted { get; }

    public bool IsAmbiguous { get; }

    public string Reason { get; }

    public IReadOnlyList<SkuMatchCandidate> Alternatives { get; }

    /// <summary>A copy with every text property passed through <paramref name="text"/> (see <see cref="MappingSpreadsheetText"/>).</summary>
    internal SkuMatchProposal WithText(Func<string?, string?> text) => new(this, text);
}
