namespace Autotask.Billing.Mapping;

/// <summary>Which money fields sync writes to a contract service (BILLING-RULES §5, PRISM's four strategies).</summary>
public enum PricingStrategy
{
    /// <summary>Quantities, unit cost and unit price follow the vendor.</summary>
    SyncCostAndPrice,

    /// <summary>Quantities and unit cost follow the vendor; the price stays as the MSP set it.</summary>
    CostOnly,

    /// <summary>Only quantities follow the vendor.</summary>
    None,

    /// <summary>Cost and price are set when a service is first added to a contract, never after.</summary>
    NoneOnUpdate,
}
