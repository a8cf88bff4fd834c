namespace Autotask.Billing;

/// <summary>What one planned write does; the plan orders them in this order (BILLING-RULES §6).</summary>
public enum SyncOperationKind
{
    /// <summary>Create the vendor company that new services and products name as their vendor.</summary>
    CreateVendorCompany,

    /// <summary>Create a recurring service in the catalog for a SKU.</summary>
    CreateService,

    /// <summary>Create a product in the catalog for a one-time SKU.</summary>
    CreateProduct,

    /// <summary>Create the customer's company.</summary>
    CreateCompany,

    /// <summary>Create the customer's Recurring Service contract.</summary>
    CreateContract,

    /// <summary>Put a service on a contract (price and cost as the pricing strategy says).</summary>
    AddContractService,

    /// <summary>Change a contract service's units through a ContractServiceAdjustment.</summary>
    AdjustUnits,

    /// <summary>Create a contract charge for a one-time or usage line.</summary>
    CreateCharge,

    /// <summary>Create the prorated charge for the days before a change takes effect (NextPeriodStart).</summary>
    CreateProratedCharge,

    /// <summary>Change a contract service's unit price and/or unit cost.</summary>
    UpdatePriceAndCost,

    /// <summary>Change a company's phone or address to what the source system has (Sync-AtCompany).</summary>
    UpdateCompany,

    /// <summary>Create a contact at a company (Sync-AtCompany).</summary>
    CreateContact,

    /// <summary>Change a contact's name, phone, title or primary flag to what the source system has (Sync-AtCompany).</summary>
    UpdateContact,

    /// <summary>Change a product's catalog fields (and, when asked, its prices) to what the source system has (Sync-AtProduct).</summary>
    UpdateProduct,

    /// <summary>Create the opportunity a sales document's quote belongs to (Sync-AtQuote).</summary>
    CreateOpportunity,

    /// <summary>Change an opportunity (close it, so Autotask opens the sales order of a sales document).</summary>
    UpdateOpportunity,

    /// <summary>Create the primary quote of an opportunity.</summary>
    CreateQuote,

    /// <summary>Change a quote's terms, shipping type or name.</summary>
    UpdateQuote,

    /// <summary>Add a line to a quote.</summary>
    CreateQuoteItem,

    /// <summary>Change a quote line's quantity, price or cost.</summary>
    UpdateQuoteItem,

    /// <summary>Remove a quote line the document no longer has.</summary>
    DeleteQuoteItem,
}
