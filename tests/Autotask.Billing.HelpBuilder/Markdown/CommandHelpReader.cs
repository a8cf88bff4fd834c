using System.Text.RegularExpressions;

namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>Reads a cmdlet's markdown help file into a <see cref="CommandHelp"/>.</summary>
public static class CommandHelpReader
{
    public static CommandHelp Read(string text)
    {
        var document = MarkdownDocument.Parse(text);
        var title = document.Title.Length > 0 ? document.Title : document.FrontMatter.Where(p => p.Key == "title").Select(p => p.Value).FirstOrDefault() ?? string.Empty;
        var parameters = document.Section("PARAMETERS");
        return new CommandHelp
        {
            FrontMatter = document.FrontMatter,
            Title = title,
            Synopsis = document.Section("SYNOPSIS")?.Text ?? string.Empty,
            Syntax = document.Section("SYNTAX")?.Subsections.Select(Syntax).ToList() ?? new List<SyntaxBlock>(),
            Aliases = document.Section("ALIASES")?.Text ?? string.Empty,
            Description = document.Section("DESCRIPTION")?.Text ?? string.Empty,
            Examples = document.Section("EXAMPLES")?.Subsections.Select(Example).ToList() ?? new List<HelpExample>(),
            Parameters = parameters?.Subsections.Where(s => s.Heading.StartsWith('-')).Select(Parameter).ToList() ?? new List<HelpParameter>(),
            CommonParameters = parameters?.Subsections.FirstOrDefault(s => s.Heading == "CommonParameters")?.Text ?? string.Empty,
            Inputs = TypeEntries(document.Section("INPUTS")),
            Outputs = TypeEntries(document.Section("OUTPUTS")),
            Notes = Notes(document.Section("NOTES")),
            RelatedLinks = Links(document.Section("RELATED LINKS")),
        };
    }

    private static SyntaxBlock Syntax(MarkdownSection section)
    {
        var heading = Regex.Match(section.Heading, @"^(?<name>.+?)(\s+\(Default\))?$");
        var code = MarkdownText.Blocks(section.Text).FirstOrDefault(b => b.Kind == MarkdownBlockKind.Code);
        return new SyntaxBlock(heading.Groups["name"].Value, section.Heading.EndsWith("(Default)", StringComparison.Ordinal), code?.Text ?? string.Empty);
    }

    private static HelpExample Example(MarkdownSection section)
    {
        var heading = Regex.Match(section.Heading, @"^Example\s+\d+\s*[:\-\u2013\u2014]?\s*(?<title>.*)$");
        var title = heading.Success ? heading.Groups["title"].Value.Trim() : section.Heading;
        return new HelpExample(title, section.Text);
    }

    private static HelpParameter Parameter(MarkdownSection section)
    {
        var description = new List<string>();
        var yaml = new List<string>();
        var inYaml = false;
        var seenYaml = false;
        foreach (var line in section.Lines)
        {
            if (!seenYaml && Regex.IsMatch(line, @"^\s*```\s*yaml\s*$"))
            {
                inYaml = true;
                seenYaml = true;
                continue;
            }

            if (inYaml && line.Trim() == "```")
            {
                inYaml = false;
                continue;
            }

            if (inYaml)
            {
                yaml.Add(line);
            }
            else if (!seenYaml)
            {
                description.Add(line);
            }
        }

        return new HelpParameter(section.Heading.TrimStart('-').Trim(), MarkdownText.JoinLines(description), ParameterYamlFormat.Read(string.Join("\n", yaml)));
    }

    private static IReadOnlyList<HelpTypeEntry> TypeEntries(MarkdownSection? section) =>
        section?.Subsections.Select(s => new HelpTypeEntry(s.Heading.Trim(), s.Text)).ToList() ?? new List<HelpTypeEntry>();

    private static string Notes(MarkdownSection? section)
    {
        if (section is null)
        {
            return string.Empty;
        }

        // Notes may carry their own "### " headings; keep them as text.
        var lines = new List<string>(section.Lines);
        foreach (var subsection in section.Subsections)
        {
            lines.Add(string.Empty);
            lines.Add("### " + subsection.Heading);
            lines.Add(string.Empty);
            lines.AddRange(subsection.Lines);
        }

        return MarkdownText.JoinLines(lines);
    }

    private static IReadOnlyList<RelatedLink> Links(MarkdownSection? section) =>
        section is null
            ? new List<RelatedLink>()
            : Regex.Matches(section.Text, @"\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)")
                .Select(m => new RelatedLink(m.Groups["text"].Value, m.Groups["uri"].Value))
                .ToList();
}
