using Autotask.Billing.Autotask;

namespace Autotask.Billing.Crm;

/// <summary>The creates and updates a catalog push would make, built by bulk reads only: what -WhatIf shows.</summary>
public sealed class ProductSyncPlan
{
    internal ProductSyncPlan(
        AutotaskClient client,
        IReadOnlyList<SyncOperation> operations,
        IReadOnlyDictionary<string, CrmWrite> writes,
        IReadOnlyList<(CrmProduct Product, long? ProductId, string? CreatingOperationKey)> pairings,
        int products,
        int productsInStep,
        long requestsUsed)
    {
        Client = client;
        Operations = operations;
        Writes = writes;
        Pairings = pairings;
        Products = products;
        ProductsInStep = productsInStep;
        RequestsUsed = requestsUsed;
    }

    public IReadOnlyList<SyncOperation> Operations { get; }

    public int Products { get; }

    /// <summary>Items Autotask already holds as the source has them.</summary>
    public int ProductsInStep { get; }

    public long RequestsUsed { get; }

    internal AutotaskClient Client { get; }

    internal IReadOnlyDictionary<string, CrmWrite> Writes { get; }

    internal IReadOnlyList<(CrmProduct Product, long? ProductId, string? CreatingOperationKey)> Pairings { get; }
}
