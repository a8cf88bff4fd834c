using System.Net;
using System.Text;
using Autotask.Billing.Notifications;
using Autotask.Billing.Tests.Reporting;

namespace Autotask.Billing.Tests.Notifications;

public sealed class SmtpNotifierTests
{
    private const string Password = "Pa55-word-Marker!";

    private static readonly NotificationMessage Message = NotificationMessage.Compose(ReportSamples.Build(ReportSamples.MixedRun()));

    [Fact]
    public async Task The_summary_is_mailed_with_its_subject_and_plain_text_body()
    {
        using var server = new LoopbackSmtpServer();
        var settings = new SmtpSettings("127.0.0.1", server.Port, "billing@msp.example", new[] { "accounts@msp.example", "Service Desk <desk@msp.example>" });

        var delivery = await new SmtpNotifier(settings).SendAsync(Message, CancellationToken.None);

        var mail = Assert.Single(server.Messages);
        Assert.Equal("billing@msp.example", mail.From);
        Assert.Equal(new[] { "accounts@msp.example", "desk@msp.example" }, mail.Recipients);
        Assert.Equal(Message.Subject, mail.Subject);
        Assert.Equal(Message.PlainText.Replace("\n", "\r\n"), mail.Body);
        Assert.Contains(ReportSamples.EscapedCustomer, mail.Body);
        Assert.Equal((NotificationChannel.Email, $"127.0.0.1:{server.Port} to accounts@msp.example, \"Service Desk\" <desk@msp.example>"), (delivery.Channel, delivery.Destination));
    }

    [Fact]
    public async Task The_credential_logs_in_before_sending()
    {
        using var server = new LoopbackSmtpServer(requiredPassword: Password);
        var settings = new SmtpSettings("127.0.0.1", server.Port, "billing@msp.example", new[] { "accounts@msp.example" }) { Credential = new NetworkCredential("billing", Password) };

        await new SmtpNotifier(settings).SendAsync(Message, CancellationToken.None);

        Assert.Equal(("billing", Password), Assert.Single(server.Logins));
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task A_refused_login_never_reveals_the_password_even_when_the_server_echoes_it()
    {
        using var server = new LoopbackSmtpServer(requiredPassword: "something-else");
        var settings = new SmtpSettings("127.0.0.1", server.Port, "billing@msp.example", new[] { "accounts@msp.example" }) { Credential = new NetworkCredential("billing", Password) };

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => new SmtpNotifier(settings).SendAsync(Message, CancellationToken.None));

        Assert.Empty(server.Messages);
        Assert.Equal(NotificationChannel.Email, failure.Channel);
        Assert.StartsWith($"The mail server 127.0.0.1:{server.Port} did not take the message", failure.Message);
        Assert.Contains("last attempt billing with *** (***)", failure.Message);
        var text = failure.ToString();
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)), text);
    }

    [Fact]
    public async Task A_refused_recipient_is_a_delivery_error_naming_it()
    {
        using var server = new LoopbackSmtpServer(refusedRecipient: "nobody@msp.example");
        var settings = new SmtpSettings("127.0.0.1", server.Port, "billing@msp.example", new[] { "nobody@msp.example" });

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => new SmtpNotifier(settings).SendAsync(Message, CancellationToken.None));

        Assert.Contains("nobody@msp.example", failure.Message);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public void Bad_addresses_are_refused_before_anything_is_sent()
    {
        var failure = Assert.Throws<ArgumentException>(() => new SmtpSettings("127.0.0.1", 25, "billing@msp.example", new[] { "not an address" }));

        Assert.Contains("'not an address' is not an e-mail address", failure.Message);
    }
}
