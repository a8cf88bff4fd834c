using System.Text;

namespace Autotask.Billing.Notifications;

/// <summary>Escaping of values for the markups a notification is rendered in, so a customer name can never format, link or mention.</summary>
internal static class NotificationText
{
    /// <summary>Markdown (Teams, generic webhooks): backslash before every character that could start formatting, a link or HTML.</summary>
    public static string Markdown(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Slack mrkdwn: &amp;, &lt; and &gt; as entities — Slack's only escapes, and what stops &lt;!channel&gt; and links.</summary>
    public static string Slack(string text) =>
        OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Line breaks in a value would break a list item or a mail subject apart.</summary>
    public static string OneLine(string text) =>
        text.IndexOfAny(new[] { '\r', '\n' }) < 0 ? text : text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
