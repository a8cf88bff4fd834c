namespace Autotask.Billing.HelpBuilder.Markdown;

public enum MarkdownBlockKind
{
    Paragraph,
    ListItem,
    Code,
    Table,
    Heading,
}
