namespace Autotask.Billing.Autotask.Entities;

/// <summary>A line of a quote: a product, service or labor (work type billing code) with quantity, price and cost.</summary>
[AutotaskEntity("QuoteItems", AutotaskEntityCapabilities.ReadWrite | AutotaskEntityCapabilities.Delete, ParentEntityName = "Quotes", ChildSegment = "Items", ParentIdField = "quoteID")]
public sealed class QuoteItem : AutotaskEntity
{
    public long? QuoteID { get; init; }

    public int? QuoteItemType { get; init; }

    public long? ProductID { get; init; }

    public long? ServiceID { get; init; }

    public long? LaborID { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public decimal? Quantity { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? UnitCost { get; init; }

    public decimal? UnitDiscount { get; init; }

    public decimal? LineDiscount { get; init; }

    public decimal? PercentageDiscount { get; init; }

    public bool? IsOptional { get; init; }

    public int? SortOrderID { get; init; }
}
