using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A one-time charge on a contract (legacy ContractCost); written through /Contracts/{contractID}/Charges and
/// locked once billed.
/// </summary>
[AutotaskEntity("ContractCharges", AutotaskEntityCapabilities.ReadWrite, ParentEntityName = "Contracts", ChildSegment = "Charges", ParentIdField = "contractID")]
public sealed class ContractCharge : AutotaskEntity
{
    public long? ContractID { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public int? ChargeType { get; init; }

    public long? Status { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? DatePurchased { get; init; }

    public decimal? UnitQuantity { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? UnitCost { get; init; }

    public decimal? BillableAmount { get; init; }

    public decimal? ExtendedCost { get; init; }

    public decimal? InternalCurrencyUnitPrice { get; init; }

    public decimal? InternalCurrencyBillableAmount { get; init; }

    public bool? IsBillableToCompany { get; init; }

    public bool? IsBilled { get; init; }

    public long? ProductID { get; init; }

    public long? BillingCodeID { get; init; }

    public long? ContractServiceID { get; init; }

    public long? ContractServiceBundleID { get; init; }

    public string? PurchaseOrderNumber { get; init; }

    public string? InternalPurchaseOrderNumber { get; init; }

    public string? Notes { get; init; }

    public long? OrganizationalLevelAssociationID { get; init; }

    public DateTime? CreateDate { get; init; }

    public long? CreatorResourceID { get; init; }

    public long? StatusLastModifiedBy { get; init; }

    public DateTime? StatusLastModifiedDate { get; init; }
}
