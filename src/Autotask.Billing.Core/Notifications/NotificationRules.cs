using Autotask.Billing.Reporting;

namespace Autotask.Billing.Notifications;

/// <summary>Whether a report is worth a notification under a <see cref="NotificationTrigger"/>.</summary>
public static class NotificationRules
{
    public static bool IsDue(BillingReport report, NotificationTrigger trigger)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        return trigger switch
        {
            NotificationTrigger.Always => true,
            NotificationTrigger.Failures => HasFailures(report),
            NotificationTrigger.PriceChanges => HasPriceChanges(report),
            _ => HasFailures(report) || HasPriceChanges(report) || NeedsReview(report),
        };
    }

    private static bool HasFailures(BillingReport report) =>
        report.SyncTotals is { } sync && (sync.Failed > 0 || sync.NotRun > 0)
        || report.Failures.Any(r => r.Status == ReportSyncResult.Unconfirmed)
        || report.RunSummaries.Any(r => r.Failed > 0 || r.NotRun > 0 || r.Cancelled || r.BudgetExhausted || r.ExitCode == 1);

    private static bool HasPriceChanges(BillingReport report) =>
        report.PriceChanges.Count > 0
        || report.CountsByKind.Any(c => c.Kind is DifferenceKind.PriceChange or DifferenceKind.CostChange && c.Count > 0);

    private static bool NeedsReview(BillingReport report) =>
        report.NeedingReview > 0 || report.SyncTotals is { NeedsAttention: > 0 };
}
