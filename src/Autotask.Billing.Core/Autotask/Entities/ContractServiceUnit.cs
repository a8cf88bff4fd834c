namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// Read-only: the units of a contract service in force from startDate to endDate (one row per period segment).
/// </summary>
[AutotaskEntity("ContractServiceUnits", AutotaskEntityCapabilities.Read)]
public sealed class ContractServiceUnit : AutotaskEntity
{
    public long? ContractID { get; init; }

    public long? ContractServiceID { get; init; }

    public long? ServiceID { get; init; }

    public DateTime? StartDate { get; init; }

    public DateTime? EndDate { get; init; }

    public int? Units { get; init; }

    public decimal? Price { get; init; }

    public decimal? Cost { get; init; }

    public decimal? InternalCurrencyPrice { get; init; }

    public DateTime? ApproveAndPostDate { get; init; }

    public long? VendorCompanyID { get; init; }

    public long? OrganizationalLevelAssociationID { get; init; }
}
