using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// The billing extension of a won opportunity's quote. Autotask opens it when the opportunity is closed; the API can
/// read and update it (GET/PATCH) but has no create.
/// </summary>
[AutotaskEntity("SalesOrders", AutotaskEntityCapabilities.Read | AutotaskEntityCapabilities.Update, ParentEntityName = "Opportunities", ChildSegment = "SalesOrders", ParentIdField = "opportunityID")]
public sealed class SalesOrder : AutotaskEntity
{
    public long? OpportunityID { get; init; }

    public long? CompanyID { get; init; }

    public long? OwnerResourceID { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? SalesOrderDate { get; init; }
}
