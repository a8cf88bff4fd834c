namespace Autotask.Billing.Crm;

/// <summary>One line of a quote or sales order.</summary>
public sealed class SalesDocumentLine
{
    public SalesDocumentLine(string sku, decimal quantity, decimal? unitPrice, decimal? unitCost, SalesLineType lineType = SalesLineType.Product, string? description = null)
    {
        Sku = CrmText.Require(sku, nameof(sku));
        Quantity = quantity;
        UnitPrice = unitPrice;
        UnitCost = unitCost;
        LineType = lineType;
        Description = CrmText.Clean(description);
    }

    /// <summary>The product SKU, the service's SKU or name, or the labor work type's name.</summary>
    public string Sku { get; }

    public SalesLineType LineType { get; }

    public decimal Quantity { get; }

    public decimal? UnitPrice { get; }

    public decimal? UnitCost { get; }

    public string? Description { get; }

    public override string ToString() => $"{Quantity} × {Sku}";
}
