using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>Which of the vendor's price and cost sync sets, per pricing strategy (BILLING-RULES §5, PRISM's four).</summary>
internal static class PricingTargets
{
    public static (decimal? Price, decimal? Cost) For(PricingStrategy strategy, bool serviceIsNew, decimal? vendorPrice, decimal? vendorCost) =>
        strategy switch
        {
            PricingStrategy.SyncCostAndPrice => (vendorPrice, vendorCost),
            PricingStrategy.CostOnly => (null, vendorCost),
            PricingStrategy.NoneOnUpdate when serviceIsNew => (vendorPrice, vendorCost),
            _ => (null, null),
        };
}
