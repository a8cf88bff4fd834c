namespace Autotask.Billing.Sandbox;

/// <summary>
/// Whether a ContractServiceAdjustment's adjustedUnitPrice and adjustedUnitCost change what the unit rows bill.
/// Autotask documents the fields but not their effect on ContractServiceUnits (docs/autotask-api-notes.md).
/// </summary>
public enum AdjustmentPriceBehavior
{
    /// <summary>The unit rows from the effective date bill the adjustment's price and cost.</summary>
    Honoured,

    /// <summary>The adjustment changes the units only; its price and cost are stored and have no effect.</summary>
    Ignored,
}
