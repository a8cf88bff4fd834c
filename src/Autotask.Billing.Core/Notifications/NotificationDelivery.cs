namespace Autotask.Billing;

/// <summary>A notification that was delivered: where (without any secret part of the address), what, and when.</summary>
public sealed class NotificationDelivery
{
    public NotificationDelivery(NotificationChannel channel, string destination, string subject, int attempts, DateTime sentUtc)
    {
        Channel = channel;
        Destination = destination;
        Subject = subject;
        Attempts = attempts;
        SentUtc = DateTime.SpecifyKind(sentUtc, DateTimeKind.Utc);
    }

    public NotificationChannel Channel { get; }

    /// <summary>The webhook's scheme and host only (its path is its secret), or the mail server and recipients.</summary>
    public string Destination { get; }

    public string Subject { get; }

    /// <summary>Requests it took: 2 when the webhook was retried once after 429 or a 5xx answer.</summary>
    public int Attempts { get; }

    public DateTime SentUtc { get; }

    public override string ToString() => $"{Channel} to {Destination}: {Subject}";
}
