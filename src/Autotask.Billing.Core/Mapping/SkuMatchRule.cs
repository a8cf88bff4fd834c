namespace Autotask.Billing.Mapping;

/// <summary>Which catalog field matched a vendor SKU.</summary>
public enum SkuMatchRule
{
    None,

    /// <summary>The service is named after the SKU (confidence 1.0; 0.95 when only the case differs).</summary>
    ServiceName,

    /// <summary>The service is named by the name template applied to the SKU, e.g. <c>PC_{Sku}</c> (1.0; 0.95 by case).</summary>
    ServiceNameTemplate,

    /// <summary>The service's SKU field holds the SKU (0.95).</summary>
    ServiceSku,

    /// <summary>The service's catalog number / part number holds the SKU (0.95).</summary>
    CatalogNumberPartNumber,

    /// <summary>The service's manufacturer / service provider product number holds the SKU (0.95).</summary>
    ManufacturerServiceProviderProductNumber,

    /// <summary>The product's manufacturer product number holds the SKU (1.0; 0.95 by case).</summary>
    ManufacturerProductName,

    /// <summary>The product's SKU field holds the SKU (1.0; 0.95 by case).</summary>
    ProductSku,

    /// <summary>The product's vendor product number holds the SKU (0.95).</summary>
    VendorProductNumber,

    /// <summary>The product is named after the SKU (0.9).</summary>
    ProductName,
}
