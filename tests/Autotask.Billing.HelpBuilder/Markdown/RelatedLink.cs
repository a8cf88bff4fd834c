namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>One entry of RELATED LINKS: "- [Text](Uri)".</summary>
public sealed record RelatedLink(string Text, string Uri);
