using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Which of the vendor's price and cost sync sets, per pricing strategy (BILLING-RULES §5, PRISM's four), at the
/// precision Autotask stores them: a target Autotask would round is rounded here, so it is compared as stored.
/// </summary>
internal static class PricingTargets
{
    public static (decimal? Price, decimal? Cost) For(PricingStrategy strategy, bool serviceIsNew, decimal? vendorPrice, decimal? vendorCost)
    {
        var (price, cost) = strategy switch
        {
            PricingStrategy.SyncCostAndPrice => (vendorPrice, vendorCost),
            PricingStrategy.CostOnly => (null, vendorCost),
            PricingStrategy.NoneOnUpdate when serviceIsNew => (vendorPrice, vendorCost),
            _ => ((decimal?)null, (decimal?)null),
        };
        return (AutotaskPrecision.Round(price), AutotaskPrecision.Round(cost));
    }
}
