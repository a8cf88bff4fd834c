namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>One example: its title (without "Example N:") and its markdown body (text and code blocks).</summary>
public sealed record HelpExample(string Title, string Body);
