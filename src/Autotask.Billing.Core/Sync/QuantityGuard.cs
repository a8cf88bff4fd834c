using Autotask.Billing.Mapping;

namespace Autotask.Billing.Sync;

/// <summary>BILLING-RULES §8: which unit changes need -Force.</summary>
internal static class QuantityGuard
{
    /// <summary>Why changing <paramref name="current"/> units to <paramref name="target"/> needs -Force, or null when it does not.</summary>
    public static string? ForceReason(decimal current, decimal target, BillingSettings settings)
    {
        if (target == 0 && current > 0)
        {
            return $"drops {SyncText.Units(current)} units to zero";
        }

        var change = Math.Abs(target - current);
        if (current <= 0 || change < settings.QuantityChangeMinimumUnits)
        {
            return null;
        }

        var percent = change * 100m / current;
        return percent > settings.QuantityChangeThresholdPercent
            ? $"changes units by {SyncText.Units(change)} ({Math.Round(percent, 0)} %), above the {SyncText.Units(settings.QuantityChangeThresholdPercent)} % threshold"
            : null;
    }
}
