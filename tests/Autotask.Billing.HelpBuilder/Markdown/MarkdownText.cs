using System.Text.RegularExpressions;

namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>Small text helpers shared by the markdown reader, writer and the MAML and about-topic converters.</summary>
public static class MarkdownText
{
    /// <summary>Lines joined with \n, trailing spaces and blank lines at either end removed.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(line => line.TrimEnd()).ToList();
        while (trimmed.Count > 0 && trimmed[0].Length == 0)
        {
            trimmed.RemoveAt(0);
        }

        while (trimmed.Count > 0 && trimmed[^1].Length == 0)
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        return string.Join("\n", trimmed);
    }

    /// <summary>True for text that says something: not empty and not only platyPS "{{ Fill in ... }}" placeholders.</summary>
    public static bool HasContent(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Regex.Replace(text, @"\{\{.*?\}\}", string.Empty, RegexOptions.Singleline).Trim().Length > 0;

    /// <summary>The markdown split into paragraphs, list items and fenced code blocks.</summary>
    public static IReadOnlyList<MarkdownBlock> Blocks(string markdown)
    {
        var blocks = new List<MarkdownBlock>();
        var paragraph = new List<string>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                var first = paragraph[0];
                var item = Regex.Match(first, @"^(?<indent>\s*)(?<marker>[-*+]|\d+[.)])\s+(?<text>.*)$");
                var text = string.Join(" ", paragraph.Select(line => line.Trim()));
                if (Regex.IsMatch(first, @"^\s*\|"))
                {
                    blocks.Add(new MarkdownBlock(MarkdownBlockKind.Table, string.Join("\n", paragraph), string.Empty));
                }
                else if (item.Success)
                {
                    var marker = item.Groups["marker"].Value;
                    var body = string.Join(" ", new[] { item.Groups["text"].Value.Trim() }.Concat(paragraph.Skip(1).Select(line => line.Trim())));
                    blocks.Add(new MarkdownBlock(MarkdownBlockKind.ListItem, body, char.IsDigit(marker[0]) ? marker : "-", item.Groups["indent"].Value.Length));
                }
                else
                {
                    blocks.Add(new MarkdownBlock(MarkdownBlockKind.Paragraph, text, string.Empty));
                }

                paragraph.Clear();
            }
        }

        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var fence = Regex.Match(line, @"^\s*(?<fence>`{3,}|~{3,})\s*(?<info>\S*)");
            if (fence.Success)
            {
                Flush();
                var marker = fence.Groups["fence"].Value;
                var code = new List<string>();
                for (index++; index < lines.Length && !(lines[index].Trim().StartsWith(marker, StringComparison.Ordinal) && lines[index].Trim().Trim(marker[0]).Length == 0); index++)
                {
                    code.Add(lines[index]);
                }

                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Code, string.Join("\n", code).TrimEnd(), fence.Groups["info"].Value));
                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            var startsItem = Regex.IsMatch(line, @"^\s*([-*+]|\d+[.)])\s+");
            if (startsItem && paragraph.Count > 0 && !Regex.IsMatch(paragraph[0], @"^\s*\|"))
            {
                Flush();
            }

            var heading = Regex.Match(line, @"^#{1,6}\s+(?<text>.*)$");
            if (heading.Success)
            {
                Flush();
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Heading, heading.Groups["text"].Value.Trim(), string.Empty));
                continue;
            }

            paragraph.Add(line);
        }

        Flush();
        return blocks;
    }

    /// <summary>Inline markdown as console text: emphasis and code marks dropped, links as "text (url)" or "text".</summary>
    public static string Plain(string inline)
    {
        var text = Regex.Replace(inline, @"\[(?<text>[^\]]+)\]\((?<uri>[^)]+)\)", match =>
        {
            var uri = match.Groups["uri"].Value;
            var label = match.Groups["text"].Value;
            return uri.StartsWith("http", StringComparison.OrdinalIgnoreCase) && uri != label ? $"{label} ({uri})" : label;
        });
        text = Regex.Replace(text, @"(\*\*|__)(?<t>.+?)\1", "${t}");
        text = Regex.Replace(text, @"(?<![\w*])\*(?<t>[^*\s][^*]*?)\*(?![\w*])", "${t}");
        text = Regex.Replace(text, @"`(?<t>[^`]+)`", "${t}");
        text = text.Replace("\\<", "<", StringComparison.Ordinal).Replace("\\>", ">", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal);
        return text;
    }
}
