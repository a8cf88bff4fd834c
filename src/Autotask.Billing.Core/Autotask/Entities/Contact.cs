namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A person at a company; written through /Companies/{companyID}/Contacts. isActive is an integer (0/1) on the
/// wire.
/// </summary>
[AutotaskEntity("Contacts", AutotaskEntityCapabilities.ReadWrite, ParentEntityName = "Companies", ChildSegment = "Contacts", ParentIdField = "companyID")]
public sealed class Contact : AutotaskEntity
{
    public long? CompanyID { get; init; }

    public long? CompanyLocationID { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? MiddleInitial { get; init; }

    public int? NamePrefix { get; init; }

    public int? NameSuffix { get; init; }

    public string? Title { get; init; }

    public string? EmailAddress { get; init; }

    public string? EmailAddress2 { get; init; }

    public string? EmailAddress3 { get; init; }

    public string? Phone { get; init; }

    public string? Extension { get; init; }

    public string? AlternatePhone { get; init; }

    public string? MobilePhone { get; init; }

    public string? FaxNumber { get; init; }

    public string? AddressLine { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AdditionalAddressInformation { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? ZipCode { get; init; }

    public long? CountryID { get; init; }

    public int? IsActive { get; init; }

    public bool? PrimaryContact { get; init; }

    public bool? BillingContact { get; init; }

    public bool? ReceivesEmailNotifications { get; init; }

    public bool? IsOptedOutFromBulkEmail { get; init; }

    public DateTime? BulkEmailOptOutTime { get; init; }

    public bool? SolicitationOptOut { get; init; }

    public DateTime? SolicitationOptOutTime { get; init; }

    public bool? SurveyOptOut { get; init; }

    public string? ExternalID { get; init; }

    public string? Note { get; init; }

    public string? RoomNumber { get; init; }

    public string? FacebookUrl { get; init; }

    public string? LinkedInUrl { get; init; }

    public string? TwitterUrl { get; init; }

    public long? ApiVendorID { get; init; }

    public long? ImpersonatorCreatorResourceID { get; init; }

    public DateTime? CreateDate { get; init; }

    public DateTime? LastActivityDate { get; init; }

    public DateTime? LastModifiedDate { get; init; }

    public IReadOnlyList<AutotaskUserDefinedField>? UserDefinedFields { get; init; }
}
