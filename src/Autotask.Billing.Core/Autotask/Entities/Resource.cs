namespace Autotask.Billing.Autotask.Entities;

/// <summary>An Autotask user (resource); the API cannot create resources.</summary>
[AutotaskEntity("Resources", AutotaskEntityCapabilities.Read | AutotaskEntityCapabilities.Update)]
public sealed class Resource : AutotaskEntity
{
    public string? UserName { get; init; }

    public string? FirstName { get; init; }

    public string? MiddleName { get; init; }

    public string? LastName { get; init; }

    public string? Initials { get; init; }

    public string? Title { get; init; }

    public string? Email { get; init; }

    public string? Email2 { get; init; }

    public string? Email3 { get; init; }

    public string? EmailTypeCode { get; init; }

    public string? EmailTypeCode2 { get; init; }

    public string? EmailTypeCode3 { get; init; }

    public string? OfficePhone { get; init; }

    public string? OfficeExtension { get; init; }

    public string? MobilePhone { get; init; }

    public string? HomePhone { get; init; }

    public bool? IsActive { get; init; }

    public string? ResourceType { get; init; }

    public int? UserType { get; init; }

    public int? LicenseType { get; init; }

    public long? LocationID { get; init; }

    public int? PayrollType { get; init; }

    public string? PayrollIdentifier { get; init; }

    public string? AccountingReferenceID { get; init; }

    public decimal? InternalCost { get; init; }

    public DateTime? HireDate { get; init; }

    public long? DefaultServiceDeskRoleID { get; init; }

    public string? DateFormat { get; init; }

    public string? TimeFormat { get; init; }

    public string? NumberFormat { get; init; }

    public string? Gender { get; init; }

    public int? Greeting { get; init; }

    public int? Suffix { get; init; }

    public decimal? SurveyResourceRating { get; init; }

    public string? TravelAvailabilityPct { get; init; }
}
