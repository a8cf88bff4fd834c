using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>A sale in progress at a company; its quotes and, once won and closed, its sales order hang off it.</summary>
[AutotaskEntity("Opportunities", AutotaskEntityCapabilities.ReadWrite)]
public sealed class Opportunity : AutotaskEntity
{
    public long? CompanyID { get; init; }

    public long? ContactID { get; init; }

    public string? Title { get; init; }

    public long? OwnerResourceID { get; init; }

    public int? Stage { get; init; }

    public int? Status { get; init; }

    public int? Probability { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? ProjectedCloseDate { get; init; }

    public decimal? Amount { get; init; }

    public decimal? Cost { get; init; }

    public bool? UseQuoteTotals { get; init; }

    public string? Description { get; init; }

    public long? SalesOrderID { get; init; }

    public DateTime? ClosedDate { get; init; }

    public DateTime? CreateDate { get; init; }
}
