namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A customer, vendor or other organisation (legacy name Account). companyType is a tenant picklist: resolve it by
/// label.
/// </summary>
[AutotaskEntity("Companies", AutotaskEntityCapabilities.ReadWrite)]
public sealed class Company : AutotaskEntity
{
    public string? CompanyName { get; init; }

    public string? CompanyNumber { get; init; }

    public int? CompanyType { get; init; }

    public long? CompanyCategoryID { get; init; }

    public int? Classification { get; init; }

    public bool? IsActive { get; init; }

    public long? OwnerResourceID { get; init; }

    public long? ParentCompanyID { get; init; }

    public string? Phone { get; init; }

    public string? Fax { get; init; }

    public string? AlternatePhone1 { get; init; }

    public string? AlternatePhone2 { get; init; }

    public string? WebAddress { get; init; }

    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    public string? AdditionalAddressInformation { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? PostalCode { get; init; }

    public long? CountryID { get; init; }

    public string? BillingAddress1 { get; init; }

    public string? BillingAddress2 { get; init; }

    public string? BillToAttention { get; init; }

    public string? BillToCity { get; init; }

    public string? BillToState { get; init; }

    public string? BillToZipCode { get; init; }

    public long? BillToCountryID { get; init; }

    public string? BillToAdditionalAddressInformation { get; init; }

    public int? BillToAddressToUse { get; init; }

    public long? BillToCompanyLocationID { get; init; }

    public long? CurrencyID { get; init; }

    public int? InvoiceMethod { get; init; }

    public long? InvoiceTemplateID { get; init; }

    public long? InvoiceEmailMessageID { get; init; }

    public bool? InvoiceNonContractItemsToParentCompany { get; init; }

    public long? QuoteTemplateID { get; init; }

    public long? QuoteEmailMessageID { get; init; }

    public long? PurchaseOrderTemplateID { get; init; }

    public long? TaxRegionID { get; init; }

    public string? TaxID { get; init; }

    public bool? IsTaxExempt { get; init; }

    public long? TerritoryID { get; init; }

    public long? MarketSegmentID { get; init; }

    public long? CompetitorID { get; init; }

    public string? SicCode { get; init; }

    public string? StockMarket { get; init; }

    public string? StockSymbol { get; init; }

    public decimal? AssetValue { get; init; }

    public decimal? SurveyCompanyRating { get; init; }

    public bool? IsClientPortalActive { get; init; }

    public bool? IsEnabledForComanaged { get; init; }

    public bool? IsTaskFireActive { get; init; }

    public bool? IsSample { get; init; }

    public long? ApiVendorID { get; init; }

    public DateTime? CreateDate { get; init; }

    public long? CreatedByResourceID { get; init; }

    public long? ImpersonatorCreatorResourceID { get; init; }

    public DateTime? LastActivityDate { get; init; }

    public DateTime? LastTrackedModifiedDateTime { get; init; }

    public IReadOnlyList<AutotaskUserDefinedField>? UserDefinedFields { get; init; }
}
