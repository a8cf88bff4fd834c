namespace Autotask.Billing.Notifications;

/// <summary>The JSON shape a webhook is posted.</summary>
public enum WebhookFormat
{
    /// <summary>{"text": markdown} — what Slack and Teams incoming webhooks (and most chat tools) accept.</summary>
    Generic,

    /// <summary>Slack: text (the fallback) plus header and mrkdwn section blocks.</summary>
    Slack,

    /// <summary>Teams: a message with an Adaptive Card (headline, facts, lists), as Teams workflow webhooks require.</summary>
    Teams,
}
