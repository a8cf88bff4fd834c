using System.Text.RegularExpressions;

namespace Autotask.Billing.Module.Tests;

/// <summary>
/// A cmdlet's platyPS markdown help (docs/Verb-Noun.md), read just far enough to check it: front matter, the text of
/// each "## " section, and each "### " entry under PARAMETERS and EXAMPLES. Lines inside code fences never count as
/// headings.
/// </summary>
public sealed class HelpMarkdownFile
{
    private HelpMarkdownFile(string path)
    {
        Path = path;
        var lines = File.ReadAllLines(path);
        var index = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (index = 1; index < lines.Length && lines[index].Trim() != "---"; index++)
            {
                var pair = Regex.Match(lines[index], @"^(?<key>[^:]+):\s*(?<value>.*)$");
                if (pair.Success)
                {
                    FrontMatter[pair.Groups["key"].Value.Trim()] = pair.Groups["value"].Value.Trim();
                }
            }

            index++;
        }

        string? section = null;
        string? entry = null;
        var inFence = false;
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            if (!inFence && line.StartsWith("# ", StringComparison.Ordinal))
            {
                Title = line.Substring(2).Trim();
                continue;
            }

            if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line.Substring(3).Trim();
                entry = null;
                Sections[section] = string.Empty;
                continue;
            }

            if (!inFence && line.StartsWith("### ", StringComparison.Ordinal) && section is not null)
            {
                entry = line.Substring(4).Trim();
                Entries(section).Add(new HelpEntry(entry));
                continue;
            }

            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (entry is not null)
            {
                Entries(section!)[^1].Lines.Add(line);
            }
            else if (section is not null)
            {
                Sections[section] += line + "\n";
            }
        }
    }

    public string Path { get; }

    public string Title { get; } = string.Empty;

    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each "## " section's own text (before its first "### " entry).</summary>
    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<HelpEntry>> EntriesBySection { get; } = new(StringComparer.Ordinal);

    /// <summary>"### -Name" entries under PARAMETERS, by name without the dash.</summary>
    public IReadOnlyList<HelpEntry> Parameters =>
        Entries("PARAMETERS").Where(e => e.Heading.StartsWith('-')).ToList();

    public IReadOnlyList<HelpEntry> Examples => Entries("EXAMPLES");

    public static HelpMarkdownFile Read(string path) => new(path);

    /// <summary>True when the text says something: not blank and not only a platyPS "{{ Fill in ... }}" placeholder.</summary>
    public static bool HasContent(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Regex.Replace(text, @"\{\{.*?\}\}", string.Empty, RegexOptions.Singleline).Trim().Length > 0;

    public List<HelpEntry> Entries(string section)
    {
        if (!EntriesBySection.TryGetValue(section, out var entries))
        {
            entries = new List<HelpEntry>();
            EntriesBySection[section] = entries;
        }

        return entries;
    }
}
