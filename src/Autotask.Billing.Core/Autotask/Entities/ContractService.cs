namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A service on a Recurring Service contract; it has a price but no quantity (quantities change through
/// ContractServiceAdjustments). Written through /Contracts/{contractID}/Services; only adjustedPrice and
/// invoiceDescription can be updated.
/// </summary>
[AutotaskEntity("ContractServices", AutotaskEntityCapabilities.ReadWrite, ParentEntityName = "Contracts", ChildSegment = "Services", ParentIdField = "contractID")]
public sealed class ContractService : AutotaskEntity
{
    public long? ContractID { get; init; }

    public long? ServiceID { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? UnitCost { get; init; }

    public decimal? AdjustedPrice { get; init; }

    public decimal? InternalCurrencyUnitPrice { get; init; }

    public decimal? InternalCurrencyAdjustedPrice { get; init; }

    public string? InvoiceDescription { get; init; }

    public string? InternalDescription { get; init; }

    public long? QuoteItemID { get; init; }
}
