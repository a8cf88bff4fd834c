using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A contract; recurring services live on contracts of contractType 7 (Recurring Service). Other type and status
/// codes are tenant picklists.
/// </summary>
[AutotaskEntity("Contracts", AutotaskEntityCapabilities.ReadWrite)]
public sealed class Contract : AutotaskEntity
{
    /// <summary>The contract type that carries services and units; the one picklist value Autotask documents as fixed.</summary>
    public const int RecurringServiceType = 7;

    public long? CompanyID { get; init; }

    public string? ContractName { get; init; }

    public string? ContractNumber { get; init; }

    public int? ContractType { get; init; }

    public int? ContractCategory { get; init; }

    public int? Status { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? StartDate { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? EndDate { get; init; }

    public int? ContractPeriodType { get; init; }

    public int? BillingPreference { get; init; }

    public int? TimeReportingRequiresStartAndStopTimes { get; init; }

    public bool? IsDefaultContract { get; init; }

    public bool? IsCompliant { get; init; }

    public string? Description { get; init; }

    public long? ContactID { get; init; }

    public string? ContactName { get; init; }

    public long? BillToCompanyID { get; init; }

    public long? BillToCompanyContactID { get; init; }

    public long? ServiceLevelAgreementID { get; init; }

    public long? ContractExclusionSetID { get; init; }

    public long? ExclusionContractID { get; init; }

    public long? RenewedContractID { get; init; }

    public long? OpportunityID { get; init; }

    public long? OrganizationalLevelAssociationID { get; init; }

    public string? PurchaseOrderNumber { get; init; }

    public decimal? EstimatedCost { get; init; }

    public decimal? EstimatedHours { get; init; }

    public decimal? EstimatedRevenue { get; init; }

    public decimal? SetupFee { get; init; }

    public long? SetupFeeBillingCodeID { get; init; }

    public decimal? InternalCurrencySetupFee { get; init; }

    public decimal? OverageBillingRate { get; init; }

    public decimal? InternalCurrencyOverageBillingRate { get; init; }

    public DateTime? LastModifiedDateTime { get; init; }

    public IReadOnlyList<AutotaskUserDefinedField>? UserDefinedFields { get; init; }
}
