using Autotask.Billing.Notifications;
using Autotask.Billing.Tests.Reporting;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Notifications;

public sealed class WebhookNotifierTests
{
    private static readonly NotificationMessage Message = NotificationMessage.Compose(ReportSamples.Build(ReportSamples.MixedRun()));

    [Fact]
    public async Task The_generic_format_posts_the_markdown_summary_as_text()
    {
        using var webhook = new LoopbackWebhook();
        using var notifier = Notifier();

        var delivery = await notifier.SendAsync(webhook.Url, Message, WebhookFormat.Generic, CancellationToken.None);

        var request = Assert.Single(webhook.Requests);
        Assert.Equal(LoopbackWebhook.SecretPath + LoopbackWebhook.SecretQuery, request.PathAndQuery);
        Assert.StartsWith("application/json", request.ContentType);
        var json = JObject.Parse(request.Body);
        Assert.Equal(new[] { "text" }, json.Properties().Select(p => p.Name));
        Assert.Equal(Message.Markdown, (string?)json["text"]);
        Assert.Equal((NotificationChannel.Webhook, $"http://127.0.0.1:{webhook.Port}", 1, Message.Subject), (delivery.Channel, delivery.Destination, delivery.Attempts, delivery.Subject));
    }

    [Fact]
    public async Task The_slack_format_has_fallback_text_a_header_and_a_mrkdwn_section()
    {
        using var webhook = new LoopbackWebhook();
        using var notifier = Notifier();

        await notifier.SendAsync(webhook.Url, Message, WebhookFormat.Slack, CancellationToken.None);

        var json = JObject.Parse(Assert.Single(webhook.Requests).Body);
        Assert.Equal(Message.SlackText, (string?)json["text"]);
        var blocks = (JArray)json["blocks"]!;
        Assert.Equal(("header", "plain_text", Message.Headline), ((string?)blocks[0]["type"], (string?)blocks[0]["text"]!["type"], (string?)blocks[0]["text"]!["text"]));
        Assert.Equal(("section", "mrkdwn"), ((string?)blocks[1]["type"], (string?)blocks[1]["text"]!["type"]));
        Assert.Contains("&lt;b&gt;&amp;\"Co\"&lt;/b&gt;", (string?)blocks[1]["text"]!["text"]);
    }

    [Fact]
    public async Task The_teams_format_is_a_message_with_an_adaptive_card()
    {
        using var webhook = new LoopbackWebhook();
        using var notifier = Notifier();

        await notifier.SendAsync(webhook.Url, Message, WebhookFormat.Teams, CancellationToken.None);

        var json = JObject.Parse(Assert.Single(webhook.Requests).Body);
        Assert.Equal("message", (string?)json["type"]);
        var attachment = json["attachments"]!.Single();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.4"), ((string?)card["type"], (string?)card["version"]));
        var body = (JArray)card["body"]!;
        Assert.Equal(("TextBlock", "Attention"), ((string?)body[0]["type"], (string?)body[0]["color"]));
        var facts = body.Single(b => (string?)b["type"] == "FactSet")["facts"]!;
        Assert.Contains(facts, f => (string?)f["title"] == "Sync");
        Assert.Contains(body, b => (string?)b["text"] == "Failed or not applied");
    }

    [Fact]
    public async Task A_server_error_is_retried_once()
    {
        using var webhook = new LoopbackWebhook((500, "busy", null));
        using var notifier = Notifier();

        var delivery = await notifier.SendAsync(webhook.Url, Message, WebhookFormat.Generic, CancellationToken.None);

        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(2, webhook.Requests.Count);
    }

    [Fact]
    public async Task Throttling_is_retried_once_after_the_retry_after_wait()
    {
        using var webhook = new LoopbackWebhook((429, "slow down", "0"));
        using var notifier = Notifier();

        var delivery = await notifier.SendAsync(webhook.Url, Message, WebhookFormat.Slack, CancellationToken.None);

        Assert.Equal(2, delivery.Attempts);
    }

    [Fact]
    public async Task A_second_server_error_fails_without_revealing_the_webhook_path()
    {
        using var webhook = new LoopbackWebhook((500, "busy", null), (503, "error at " + LoopbackWebhook.SecretPath, null), (200, "ok", null));
        using var notifier = Notifier();

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => notifier.SendAsync(webhook.Url, Message, WebhookFormat.Generic, CancellationToken.None));

        Assert.Equal(2, webhook.Requests.Count);
        Assert.Equal(503, failure.StatusCode);
        Assert.StartsWith($"The webhook at http://127.0.0.1:{webhook.Port} answered 503", failure.Message);
        AssertNoSecret(failure);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_an_echoed_address_is_scrubbed()
    {
        using var webhook = new LoopbackWebhook((404, $"no_service for {LoopbackWebhook.SecretPath}{LoopbackWebhook.SecretQuery}", null));
        using var notifier = Notifier();

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => notifier.SendAsync(webhook.Url, Message, WebhookFormat.Generic, CancellationToken.None));

        Assert.Single(webhook.Requests);
        Assert.Equal(404, failure.StatusCode);
        Assert.Contains("no_service for …", failure.Message);
        AssertNoSecret(failure);
    }

    [Fact]
    public async Task An_unreachable_webhook_fails_without_revealing_its_path()
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackWebhook.UnusedPort()}{LoopbackWebhook.SecretPath}{LoopbackWebhook.SecretQuery}");
        using var notifier = Notifier();

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => notifier.SendAsync(url, Message, WebhookFormat.Generic, CancellationToken.None));

        Assert.StartsWith($"Could not reach the webhook at http://127.0.0.1:{url.Port}", failure.Message);
        AssertNoSecret(failure);
    }

    [Fact]
    public async Task A_cancelled_send_stops_without_a_delivery_error()
    {
        using var webhook = new LoopbackWebhook();
        using var notifier = Notifier();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notifier.SendAsync(webhook.Url, Message, WebhookFormat.Generic, cancellation.Token));
    }

    private static WebhookNotifier Notifier() => new() { RetryDelay = TimeSpan.Zero, RequestTimeout = TimeSpan.FromSeconds(10) };

    private static void AssertNoSecret(Exception failure)
    {
        var text = failure.ToString();
        Assert.DoesNotContain("SecretToken123", text);
        Assert.DoesNotContain("QuerySecret456", text);
        Assert.DoesNotContain("/services/", text);
    }
}
