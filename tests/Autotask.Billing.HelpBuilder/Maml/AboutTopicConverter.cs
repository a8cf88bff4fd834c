using System.Text;
using Autotask.Billing.HelpBuilder.Markdown;

namespace Autotask.Billing.HelpBuilder.Maml;

/// <summary>
/// Turns an about-topic markdown file into the plain-text about_*.help.txt Get-Help shows: "## " headings in capitals
/// at the margin, "### " headings indented two, prose indented four and wrapped at 80 columns, code indented eight and
/// never wrapped.
/// </summary>
public static class AboutTopicConverter
{
    public const int Width = 80;

    public static string Convert(string markdown)
    {
        var document = MarkdownDocument.Parse(markdown);
        var text = new StringBuilder();
        text.Append("TOPIC\n");
        text.Append("    ").Append(document.Title).Append("\n\n");
        foreach (var section in document.Sections)
        {
            text.Append(section.Heading.ToUpperInvariant()).Append('\n');
            Body(text, section.Text);
            foreach (var subsection in section.Subsections)
            {
                text.Append("  ").Append(MarkdownText.Plain(subsection.Heading)).Append('\n');
                Body(text, subsection.Text);
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Body(StringBuilder text, string markdown)
    {
        foreach (var block in MarkdownText.Blocks(markdown))
        {
            switch (block.Kind)
            {
                case MarkdownBlockKind.Code:
                    foreach (var line in block.Text.Split('\n'))
                    {
                        text.Append(line.Length == 0 ? string.Empty : "        " + line).Append('\n');
                    }

                    break;
                case MarkdownBlockKind.Table:
                    foreach (var line in block.Text.Split('\n'))
                    {
                        text.Append("    ").Append(MarkdownText.Plain(line.Trim())).Append('\n');
                    }

                    break;
                case MarkdownBlockKind.ListItem:
                    var indent = 4 + block.Indent;
                    Wrap(text, MarkdownText.Plain(block.Text), new string(' ', indent) + block.Info + " ", new string(' ', indent + block.Info.Length + 1));
                    break;
                case MarkdownBlockKind.Heading:
                    text.Append("    ").Append(MarkdownText.Plain(block.Text).ToUpperInvariant()).Append('\n');
                    break;
                default:
                    Wrap(text, MarkdownText.Plain(block.Text), "    ", "    ");
                    break;
            }

            text.Append('\n');
        }
    }

    private static void Wrap(StringBuilder text, string paragraph, string firstIndent, string indent)
    {
        var line = new StringBuilder(firstIndent);
        var empty = true;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        text.Append(line).Append('\n');
    }
}
