using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A signed change of a contract service's units from effectiveDate (a date-only field). Create-only: it cannot be
/// queried, read, updated or deleted; read the outcome through ContractServiceUnits.
/// </summary>
[AutotaskEntity("ContractServiceAdjustments", AutotaskEntityCapabilities.Create, ParentEntityName = "Contracts", ChildSegment = "ServiceAdjustments", ParentIdField = "contractID")]
public sealed class ContractServiceAdjustment : AutotaskEntity
{
    public long? ContractID { get; init; }

    public long? ContractServiceID { get; init; }

    public long? ServiceID { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? EffectiveDate { get; init; }

    public int? UnitChange { get; init; }

    public decimal? AdjustedUnitPrice { get; init; }

    public decimal? AdjustedUnitCost { get; init; }

    public bool? AllowRepeatService { get; init; }

    public long? QuoteItemID { get; init; }
}
