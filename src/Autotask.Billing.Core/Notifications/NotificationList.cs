namespace Autotask.Billing.Notifications;

/// <summary>A titled list in a notification (failures, price changes, items to review), cut short with a count of the rest.</summary>
public sealed class NotificationList
{
    internal NotificationList(string title, IReadOnlyList<string> items, int more)
    {
        Title = title;
        Items = items;
        More = more;
    }

    public string Title { get; }

    public IReadOnlyList<string> Items { get; }

    /// <summary>How many were left out to keep the message short.</summary>
    public int More { get; }
}
