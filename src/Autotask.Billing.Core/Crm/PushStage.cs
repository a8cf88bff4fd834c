namespace Autotask.Billing.Crm;

/// <summary>
/// The order Work 365 pushes in (left to right on its PSA Integration screen), so that nothing is written before what
/// it depends on: products, customers, contracts, the services on them, then adjustments.
/// </summary>
public enum PushStage
{
    /// <summary>Catalog items: products, services and the vendor company they name.</summary>
    Products = 1,

    /// <summary>Companies and their contacts.</summary>
    Customers = 2,

    /// <summary>Recurring Service contracts (each starting on or before its earliest subscription).</summary>
    Contracts = 3,

    /// <summary>Services and subscriptions put on contracts, and their prices.</summary>
    Services = 4,

    /// <summary>Unit adjustments and charges: the license change log.</summary>
    Adjustments = 5,

    /// <summary>Opportunities, quotes and quote items (Sync-AtQuote), after everything they name.</summary>
    SalesDocuments = 6,
}
