namespace Autotask.Billing;

/// <summary>Where a notification went.</summary>
public enum NotificationChannel
{
    Webhook,
    Email,
}
