using System.Globalization;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// BILLING-RULES §8: a quantity change needs -Force when it is larger than the threshold percentage of the units on
/// the contract and at least the minimum number of units (units added to a service that has none are always larger),
/// or whenever it takes the units to zero. The one rule: Compare-AtContract marks differences with it, and
/// Sync-AtContract checks with it what the compare did not mark (edited differences, units changed since).
/// </summary>
internal sealed class QuantityGuardrail
{
    public QuantityGuardrail(decimal thresholdPercent, decimal minimumUnits)
    {
        ThresholdPercent = thresholdPercent;
        MinimumUnits = minimumUnits;
    }

    public decimal ThresholdPercent { get; }

    /// <summary>The store's guardrail, when the run gives no thresholds of its own.</summary>
    public static QuantityGuardrail Of(BillingSettings settings) =>
        new(settings.QuantityChangeThresholdPercent, settings.QuantityChangeMinimumUnits);

    public decimal MinimumUnits { get; }

    public (bool RequiresForce, string? Why) Check(decimal autotaskUnits, decimal vendorUnits)
    {
        if (vendorUnits == 0m && autotaskUnits > 0m)
        {
            return (true, $"it takes the units from {Text(autotaskUnits)} to zero");
        }

        var change = Math.Abs(vendorUnits - autotaskUnits);
        if (change == 0m || change < MinimumUnits)
        {
            return (false, null);
        }

        if (autotaskUnits == 0m)
        {
            return (true, $"it adds {Text(change)} units to a service that has none (threshold {Text(ThresholdPercent)} % and {Text(MinimumUnits)} units)");
        }

        var percent = change * 100m / autotaskUnits;
        return percent > ThresholdPercent
            ? (true, $"it changes the units by {Text(change)} ({Text(Math.Round(percent, 1))} % of {Text(autotaskUnits)}), more than {Text(ThresholdPercent)} % and at least {Text(MinimumUnits)} units")
            : (false, null);
    }

    private static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
