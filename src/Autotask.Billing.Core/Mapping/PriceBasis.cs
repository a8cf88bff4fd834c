namespace Autotask.Billing.Mapping;

/// <summary>
/// Where the customer's price comes from when the vendor's file gives no customer price (Partner Center;
/// BILLING-RULES §1.1). A source that gives a customer price (Pax8 price, a generic file's UnitPrice) always uses it.
/// </summary>
public enum PriceBasis
{
    /// <summary>The vendor's list price (Partner Center UnitPrice): partner discounts, promotions and PEC stay the MSP's margin. The default.</summary>
    ListPrice,

    /// <summary>The partner's cost plus <see cref="BillingSettings.MarkupPercent"/>.</summary>
    CostPlusMarkup,

    /// <summary>No price from the vendor: Autotask's price is kept (a new service or charge takes the catalog price).</summary>
    KeepAutotaskPrice,

    /// <summary>The partner's cost, unchanged: only when the MSP chooses to pass its cost on.</summary>
    Cost,
}
