namespace Autotask.Billing.Mapping;

/// <summary>An Autotask product a one-time SKU may be matched to, with the fields that can carry a part number.</summary>
public sealed class ProductCandidate
{
    public ProductCandidate(long productId, string name)
    {
        ProductId = productId;
        Name = name ?? string.Empty;
    }

    public long ProductId { get; }

    public string Name { get; }

    public string? Sku { get; init; }

    public string? VendorProductNumber { get; init; }

    /// <summary>Shown as "Manufacturer Product Number" in Autotask; where the Intermedia integration puts the SKU.</summary>
    public string? ManufacturerProductName { get; init; }

    public bool IsActive { get; init; } = true;
}
