using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>A quote of an opportunity; one per opportunity is primary. Its items are written through /Quotes/{id}/Items.</summary>
[AutotaskEntity("Quotes", AutotaskEntityCapabilities.ReadWrite)]
public sealed class Quote : AutotaskEntity
{
    public long? OpportunityID { get; init; }

    public long? CompanyID { get; init; }

    public long? ContactID { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? EffectiveDate { get; init; }

    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTime? ExpirationDate { get; init; }

    public bool? PrimaryQuote { get; init; }

    public string? QuoteNumber { get; init; }

    /// <summary>The source document's number: how a later push finds the quote it made.</summary>
    public string? ExternalQuoteNumber { get; init; }

    public int? PaymentTerm { get; init; }

    public int? ShippingType { get; init; }

    public string? PurchaseOrderNumber { get; init; }

    public bool? IsActive { get; init; }
}
