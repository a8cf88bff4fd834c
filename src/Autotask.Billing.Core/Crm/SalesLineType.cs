namespace Autotask.Billing.Crm;

/// <summary>What a sales-document line sells, which decides the Autotask record its quote item names.</summary>
public enum SalesLineType
{
    /// <summary>A catalog product (Sync-AtProduct).</summary>
    Product,

    /// <summary>An Autotask service, found by SKU or name.</summary>
    Service,

    /// <summary>Labor: an Autotask work-type billing code, found by name.</summary>
    Labor,
}
