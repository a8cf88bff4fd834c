namespace Autotask.Billing.Notifications;

/// <summary>
/// A notification could not be delivered. Its message names the webhook by scheme and host only and never holds a
/// credential; an underlying exception is kept only when it, too, holds neither.
/// </summary>
public sealed class NotificationDeliveryException : Exception
{
    internal NotificationDeliveryException(NotificationChannel channel, string destination, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Channel = channel;
        Destination = destination;
        StatusCode = statusCode;
    }

    public NotificationChannel Channel { get; }

    public string Destination { get; }

    /// <summary>The webhook's last HTTP status code, or the SMTP server's status code.</summary>
    public int? StatusCode { get; }
}
