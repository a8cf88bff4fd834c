namespace Autotask.Billing.Notifications;

/// <summary>
/// A webhook URL's path and query are its secret (Teams, Slack and Power Automate put the key there), so outside the
/// request itself a webhook is only ever named by scheme, host and port, and any text about it is scrubbed.
/// </summary>
internal static class WebhookAddress
{
    public static string Describe(Uri webhook) =>
        webhook.IsAbsoluteUri
            ? $"{webhook.Scheme}://{webhook.Host}{(webhook.IsDefaultPort ? string.Empty : ":" + webhook.Port)}"
            : "(a relative address)";

    /// <summary>The text with every secret part of the address (user info, path, query, fragment) replaced.</summary>
    public static string Scrub(string text, Uri webhook)
    {
        if (!webhook.IsAbsoluteUri)
        {
            return text;
        }

        foreach (var secret in SecretParts(webhook))
        {
            text = Replace(text, secret, "…");
        }

        return text;
    }

    public static bool Reveals(string text, Uri webhook) =>
        webhook.IsAbsoluteUri && SecretParts(webhook).Any(secret => text.IndexOf(secret, StringComparison.OrdinalIgnoreCase) >= 0);

    private static IEnumerable<string> SecretParts(Uri webhook)
    {
        var parts = new[]
        {
            webhook.OriginalString, webhook.AbsoluteUri, webhook.PathAndQuery, Uri.UnescapeDataString(webhook.PathAndQuery),
            webhook.AbsolutePath, webhook.Query, webhook.Fragment, webhook.UserInfo,
        };

        // "/" alone (or a one-letter part) is no secret, and scrubbing it would mangle every message.
        return parts.Where(p => p.Length > 1).Distinct().OrderByDescending(p => p.Length);
    }

    private static string Replace(string text, string secret, string replacement)
    {
        var index = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            text = text.Substring(0, index) + replacement + text.Substring(index + secret.Length);
            index = text.IndexOf(secret, index + replacement.Length, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
