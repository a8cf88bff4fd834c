using Autotask.Billing.HelpBuilder.Markdown;

namespace Autotask.Billing.HelpBuilder.Maml;

/// <summary>Markdown prose as the maml:para texts Get-Help prints: one per paragraph, list item, table or code block.</summary>
public static class MamlParagraphs
{
    public static IReadOnlyList<string> From(string markdown) =>
        MarkdownText.Blocks(markdown)
            .Select(block => block.Kind switch
            {
                MarkdownBlockKind.ListItem => new string(' ', block.Indent) + block.Info + " " + MarkdownText.Plain(block.Text),
                MarkdownBlockKind.Code => block.Text,
                MarkdownBlockKind.Table => block.Text,
                _ => MarkdownText.Plain(block.Text),
            })
            .Where(text => text.Length > 0)
            .ToList();
}
