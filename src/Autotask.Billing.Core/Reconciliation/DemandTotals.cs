namespace Autotask.Billing.Reconciliation;

/// <summary>
/// What a <see cref="VendorDemand"/> of several seats sums or picks from them; a demand of one seat (almost all of a
/// month's) has none and reads its seat's own figures.
/// </summary>
internal sealed class DemandTotals
{
    public DemandTotals(
        decimal quantity, decimal? unitPrice, decimal? unitCost, decimal? listUnitPrice, DateTime? priceDate, DateTime? subscriptionStart, DateTime? changeDate)
    {
        Quantity = quantity;
        UnitPrice = unitPrice;
        UnitCost = unitCost;
        ListUnitPrice = listUnitPrice;
        PriceDate = priceDate;
        SubscriptionStart = subscriptionStart;
        ChangeDate = changeDate;
    }

    public decimal Quantity { get; }

    public decimal? UnitPrice { get; }

    public decimal? UnitCost { get; }

    public decimal? ListUnitPrice { get; }

    public DateTime? PriceDate { get; }

    public DateTime? SubscriptionStart { get; }

    public DateTime? ChangeDate { get; }
}
