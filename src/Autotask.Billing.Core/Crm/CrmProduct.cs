namespace Autotask.Billing.Crm;

/// <summary>
/// A catalog item of a sales or vendor system (a ChannelOnline product SKU, a Work 365 product), as Sync-AtProduct
/// pushes it into an Autotask product. Keyed, like a billing SKU mapping, by <see cref="Source"/> and <see cref="Sku"/>.
/// </summary>
public sealed class CrmProduct
{
    public CrmProduct(
        string source,
        string sku,
        string name,
        string? description = null,
        string? manufacturerName = null,
        string? manufacturerPartNumber = null,
        string? category = null,
        string? subCategory = null,
        string? vendorName = null,
        string? vendorPartNumber = null,
        decimal? unitPrice = null,
        decimal? unitCost = null,
        decimal? msrp = null)
    {
        Source = CrmText.Require(source, nameof(source));
        Sku = CrmText.Require(sku, nameof(sku));
        Name = CrmText.Require(name, nameof(name));
        Description = CrmText.Clean(description);
        ManufacturerName = CrmText.Clean(manufacturerName);
        ManufacturerPartNumber = CrmText.Clean(manufacturerPartNumber);
        Category = CrmText.Clean(category);
        SubCategory = CrmText.Clean(subCategory);
        VendorName = CrmText.Clean(vendorName);
        VendorPartNumber = CrmText.Clean(vendorPartNumber);
        UnitPrice = unitPrice;
        UnitCost = unitCost;
        Msrp = msrp;
    }

    public string Source { get; }

    public string Sku { get; }

    public string Name { get; }

    public string? Description { get; }

    /// <summary>The manufacturer; Autotask keeps it as text on the product (manufacturerName), not as a record.</summary>
    public string? ManufacturerName { get; }

    /// <summary>The manufacturer's part number: Autotask's "Manufacturer Product Number" (manufacturerProductName on the wire).</summary>
    public string? ManufacturerPartNumber { get; }

    public string? Category { get; }

    public string? SubCategory { get; }

    /// <summary>The vendor (an Autotask company of type Vendor) the product is bought from.</summary>
    public string? VendorName { get; }

    public string? VendorPartNumber { get; }

    public decimal? UnitPrice { get; }

    public decimal? UnitCost { get; }

    public decimal? Msrp { get; }

    public override string ToString() => $"{Sku} {Name}";
}
