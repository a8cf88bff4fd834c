using System.Net;
using System.Net.Mail;

namespace Autotask.Billing.Notifications;

/// <summary>The mail server an admin gives, and who the notification is from and to. The credential is never shown.</summary>
public sealed class SmtpSettings
{
    public SmtpSettings(string server, int port, string from, IReadOnlyList<string> to)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new ArgumentException("Name the SMTP server.", nameof(server));
        }

        if (port is < 1 or > 65535)
        {
            throw new ArgumentException($"The SMTP port {port} is not between 1 and 65535.", nameof(port));
        }

        if (to is null || to.Count == 0)
        {
            throw new ArgumentException("Give at least one recipient.", nameof(to));
        }

        Server = server.Trim();
        Port = port;
        From = Address(from, nameof(from));
        To = to.Select(address => Address(address, nameof(to))).ToList();
    }

    public string Server { get; }

    public int Port { get; }

    public string From { get; }

    public IReadOnlyList<string> To { get; }

    /// <summary>STARTTLS before anything is sent (SmtpClient.EnableSsl).</summary>
    public bool UseSsl { get; init; }

    /// <summary>Null to send without authenticating.</summary>
    public NetworkCredential? Credential { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The server and recipients, as deliveries and messages name them.</summary>
    public string Destination => $"{Server}:{Port} to {string.Join(", ", To)}";

    public override string ToString() => Destination;

    private static string Address(string? address, string parameter)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new ArgumentException("An e-mail address is empty.", parameter);
        }

        try
        {
            return new MailAddress(address!.Trim()).ToString();
        }
        catch (FormatException)
        {
            throw new ArgumentException($"'{address}' is not an e-mail address.", parameter);
        }
    }
}
