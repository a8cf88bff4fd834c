namespace Autotask.Billing.Notifications;

/// <summary>When Send-AtBillingNotification sends anything at all.</summary>
public enum NotificationTrigger
{
    /// <summary>Something failed or did not run, something needs review (unmapped, needs -Force, expired, skipped for a reason), or a price or cost changed.</summary>
    NeedsAttention,

    /// <summary>Only when sync operations failed or did not run.</summary>
    Failures,

    /// <summary>Only when a unit price or unit cost changed.</summary>
    PriceChanges,

    /// <summary>Every time, even when all is well.</summary>
    Always,
}
