using System.Text.RegularExpressions;

namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>
/// A help markdown file split into front matter, title, "## " sections and "### " subsections. Lines inside code
/// fences never count as headings, so a PowerShell comment in an example stays in the example.
/// </summary>
public sealed class MarkdownDocument
{
    private MarkdownDocument()
    {
    }

    public List<KeyValuePair<string, string>> FrontMatter { get; } = new();

    public string Title { get; private set; } = string.Empty;

    public List<MarkdownSection> Sections { get; } = new();

    public MarkdownSection? Section(string heading) =>
        Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));

    public static MarkdownDocument Parse(string text)
    {
        var document = new MarkdownDocument();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (index = 1; index < lines.Length && lines[index].Trim() != "---"; index++)
            {
                var pair = Regex.Match(lines[index], @"^(?<key>[^:]+):\s*(?<value>.*)$");
                if (pair.Success)
                {
                    document.FrontMatter.Add(new(pair.Groups["key"].Value.Trim(), Unquote(pair.Groups["value"].Value.Trim())));
                }
            }

            index++;
        }

        MarkdownSection? section = null;
        MarkdownSection? subsection = null;
        string? fence = null;
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            if (fence is null)
            {
                var heading = Regex.Match(line, @"^(?<level>#{1,3})\s+(?<text>.+?)\s*#*\s*$");
                if (heading.Success)
                {
                    var headingText = heading.Groups["text"].Value;
                    switch (heading.Groups["level"].Value.Length)
                    {
                        case 1 when section is null && document.Title.Length == 0:
                            document.Title = headingText;
                            continue;
                        case 2:
                            section = new MarkdownSection(headingText);
                            subsection = null;
                            document.Sections.Add(section);
                            continue;
                        case 3 when section is not null:
                            subsection = new MarkdownSection(headingText);
                            section.Subsections.Add(subsection);
                            continue;
                    }
                }
            }

            var marker = Regex.Match(line, @"^\s*(?<fence>`{3,}|~{3,})");
            if (marker.Success)
            {
                if (fence is null)
                {
                    fence = marker.Groups["fence"].Value;
                }
                else if (line.Trim().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }
            }

            (subsection ?? section)?.Lines.Add(line);
        }

        return document;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value.Substring(1, value.Length - 2).Replace("''", "'", StringComparison.Ordinal) : value;
}
