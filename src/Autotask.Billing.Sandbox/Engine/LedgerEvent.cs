namespace Autotask.Billing.Sandbox.Engine;

// One change to a contract service from a date on: a unit delta and/or a new unit price or cost.
internal sealed class LedgerEvent
{
    public LedgerEvent(DateTime date, long unitChange, decimal? price, decimal? cost, long? adjustmentId)
    {
        Date = date;
        UnitChange = unitChange;
        Price = price;
        Cost = cost;
        AdjustmentId = adjustmentId;
    }

    public DateTime Date { get; }

    public long UnitChange { get; }

    public decimal? Price { get; }

    public decimal? Cost { get; }

    public long? AdjustmentId { get; }
}
