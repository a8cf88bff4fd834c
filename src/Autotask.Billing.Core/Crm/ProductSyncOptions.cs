namespace Autotask.Billing.Crm;

/// <summary>How Sync-AtProduct pushes catalog items.</summary>
public sealed class ProductSyncOptions
{
    /// <summary>Write unit price, unit cost and MSRP too; Work 365 pushes products without prices, so it is a per-run choice.</summary>
    public bool SyncPrices { get; init; }

    /// <summary>
    /// The Autotask product category (a label) for an item whose category or sub-category does not exist in Autotask,
    /// as ChannelOnline assigns the default category chosen in its setup. Null: such a product gets no category.
    /// </summary>
    public string? DefaultCategory { get; init; }
}
