namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>
/// A paragraph (lines joined), a list item (Info is "-" or "1."), a fenced code block (Info is its language), a
/// table (its lines) or a heading.
/// </summary>
public sealed record MarkdownBlock(MarkdownBlockKind Kind, string Text, string Info, int Indent = 0);
