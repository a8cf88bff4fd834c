namespace Autotask.Billing.Notifications;

/// <summary>How loud a notification is: chat cards colour by it.</summary>
public enum NotificationSeverity
{
    Information,
    Warning,
    Error,
}
