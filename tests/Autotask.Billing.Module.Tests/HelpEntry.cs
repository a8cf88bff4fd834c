using System.Text.RegularExpressions;

namespace Autotask.Billing.Module.Tests;

/// <summary>One "### " entry of a help markdown file: a parameter, an example, a type.</summary>
public sealed class HelpEntry
{
    public HelpEntry(string heading)
    {
        Heading = heading;
    }

    public string Heading { get; }

    public List<string> Lines { get; } = new();

    /// <summary>The text before the first code fence: a parameter's description, an example's introduction.</summary>
    public string Prose => string.Join("\n", Lines.TakeWhile(line => !line.TrimStart().StartsWith("```", StringComparison.Ordinal))).Trim();

    /// <summary>The contents of every fenced block, keyed by the fence's language ("yaml", "powershell", "").</summary>
    public IReadOnlyList<(string Language, string Text)> CodeBlocks
    {
        get
        {
            var blocks = new List<(string, string)>();
            string? language = null;
            var text = new List<string>();
            foreach (var line in Lines)
            {
                var fence = Regex.Match(line, @"^\s*```\s*(?<language>\S*)");
                if (fence.Success && language is null)
                {
                    language = fence.Groups["language"].Value;
                    text.Clear();
                }
                else if (fence.Success)
                {
                    blocks.Add((language!, string.Join("\n", text)));
                    language = null;
                }
                else if (language is not null)
                {
                    text.Add(line);
                }
            }

            return blocks;
        }
    }

    /// <summary>All lines outside the code fences.</summary>
    public string TextOutsideCode
    {
        get
        {
            var inFence = false;
            var prose = new List<string>();
            foreach (var line in Lines)
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (!inFence)
                {
                    prose.Add(line);
                }
            }

            return string.Join("\n", prose).Trim();
        }
    }
}
