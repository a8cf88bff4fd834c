using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Notifications;

/// <summary>The JSON body for each <see cref="WebhookFormat"/>.</summary>
internal static class WebhookPayload
{
    // Slack rejects header text over 150 characters and section text over 3,000.
    private const int SlackHeaderLimit = 150;
    private const int SlackSectionLimit = 3000;

    public static string Create(NotificationMessage message, WebhookFormat format)
    {
        var payload = format switch
        {
            WebhookFormat.Slack => Slack(message),
            WebhookFormat.Teams => Teams(message),
            _ => new JObject { ["text"] = message.Markdown },
        };

        return payload.ToString(Formatting.None);
    }

    private static JObject Slack(NotificationMessage message)
    {
        var body = message.SlackText;
        var firstBreak = body.IndexOf('\n');
        var details = firstBreak < 0 ? string.Empty : body.Substring(firstBreak + 1).Trim('\n');
        var blocks = new JArray
        {
            new JObject
            {
                ["type"] = "header",
                ["text"] = new JObject { ["type"] = "plain_text", ["text"] = Cut(message.Headline, SlackHeaderLimit), ["emoji"] = false },
            },
        };
        if (details.Length > 0)
        {
            blocks.Add(new JObject
            {
                ["type"] = "section",
                ["text"] = new JObject { ["type"] = "mrkdwn", ["text"] = Cut(details, SlackSectionLimit) },
            });
        }

        return new JObject { ["text"] = body, ["blocks"] = blocks };
    }

    private static JObject Teams(NotificationMessage message)
    {
        var body = new JArray
        {
            new JObject
            {
                ["type"] = "TextBlock",
                ["text"] = NotificationText.Markdown(message.Headline),
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
                ["color"] = message.Severity switch
                {
                    NotificationSeverity.Error => "Attention",
                    NotificationSeverity.Warning => "Warning",
                    _ => "Default",
                },
            },
        };

        if (message.Facts.Count > 0)
        {
            body.Add(new JObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JArray(message.Facts.Select(f => new JObject { ["title"] = NotificationText.Markdown(f.Key), ["value"] = NotificationText.Markdown(f.Value) })),
            });
        }

        foreach (var list in message.Lists)
        {
            var lines = list.Items.Select(i => "- " + NotificationText.Markdown(i)).ToList();
            if (list.More > 0)
            {
                lines.Add($"- … and {list.More} more");
            }

            body.Add(new JObject { ["type"] = "TextBlock", ["text"] = NotificationText.Markdown(list.Title), ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            body.Add(new JObject { ["type"] = "TextBlock", ["text"] = string.Join("\n", lines), ["wrap"] = true });
        }

        var card = new JObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["msteams"] = new JObject { ["width"] = "Full" },
        };

        return new JObject
        {
            ["type"] = "message",
            ["summary"] = message.Subject,
            ["attachments"] = new JArray
            {
                new JObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card },
            },
        };
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text.Substring(0, limit - 1) + "…";
}
