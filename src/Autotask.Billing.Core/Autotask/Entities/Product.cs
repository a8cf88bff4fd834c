namespace Autotask.Billing.Autotask.Entities;

/// <summary>A product in the catalogue; its material code is productBillingCodeID.</summary>
[AutotaskEntity("Products", AutotaskEntityCapabilities.ReadWrite)]
public sealed class Product : AutotaskEntity
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Sku { get; init; }

    public string? ManufacturerName { get; init; }

    public string? ManufacturerProductName { get; init; }

    public string? VendorProductNumber { get; init; }

    public string? ExternalProductID { get; init; }

    public string? InternalProductID { get; init; }

    public int? ProductCategory { get; init; }

    public long? ProductBillingCodeID { get; init; }

    public long? ChargeBillingCodeID { get; init; }

    public long? DefaultVendorID { get; init; }

    public long? DefaultInstalledProductCategoryID { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? UnitCost { get; init; }

    public decimal? Msrp { get; init; }

    public decimal? MarkupRate { get; init; }

    public int? PeriodType { get; init; }

    public int? BillingType { get; init; }

    public int? PriceCostMethod { get; init; }

    public bool? IsActive { get; init; }

    public bool? IsSerialized { get; init; }

    public bool? IsEligibleForRma { get; init; }

    public bool? DoesNotRequireProcurement { get; init; }

    public string? Link { get; init; }

    public DateTime? CreatedTime { get; init; }

    public long? CreatedByResourceID { get; init; }

    public long? ImpersonatorCreatorResourceID { get; init; }

    public IReadOnlyList<AutotaskUserDefinedField>? UserDefinedFields { get; init; }
}
