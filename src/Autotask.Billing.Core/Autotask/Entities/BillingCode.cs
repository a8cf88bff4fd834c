namespace Autotask.Billing.Autotask.Entities;

/// <summary>A billing code (legacy AllocationCode); read-only through the API.</summary>
[AutotaskEntity("BillingCodes", AutotaskEntityCapabilities.Read)]
public sealed class BillingCode : AutotaskEntity
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public int? BillingCodeType { get; init; }

    public int? UseType { get; init; }

    public int? Department { get; init; }

    public int? GeneralLedgerAccount { get; init; }

    public long? TaxCategoryID { get; init; }

    public int? AfterHoursWorkType { get; init; }

    public string? ExternalNumber { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? UnitCost { get; init; }

    public decimal? MarkupRate { get; init; }

    public bool? IsActive { get; init; }

    public bool? IsExcludedFromNewContracts { get; init; }
}
