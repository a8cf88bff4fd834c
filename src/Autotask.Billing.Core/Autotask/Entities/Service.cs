namespace Autotask.Billing.Autotask.Entities;

/// <summary>A recurring service in the catalogue. periodType is a tenant picklist.</summary>
[AutotaskEntity("Services", AutotaskEntityCapabilities.ReadWrite)]
public sealed class Service : AutotaskEntity
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? InvoiceDescription { get; init; }

    public int? PeriodType { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? UnitCost { get; init; }

    public decimal? MarkupRate { get; init; }

    public long? BillingCodeID { get; init; }

    public long? VendorCompanyID { get; init; }

    public long? ServiceLevelAgreementID { get; init; }

    public bool? IsActive { get; init; }

    public string? Sku { get; init; }

    public string? CatalogNumberPartNumber { get; init; }

    public string? ManufacturerServiceProvider { get; init; }

    public string? ManufacturerServiceProviderProductNumber { get; init; }

    public string? InternalID { get; init; }

    public string? ExternalID { get; init; }

    public string? Url { get; init; }

    public DateTime? CreateDate { get; init; }

    public long? CreatorResourceID { get; init; }

    public DateTime? LastModifiedDate { get; init; }

    public long? UpdateResourceID { get; init; }

    public IReadOnlyList<AutotaskUserDefinedField>? UserDefinedFields { get; init; }
}
