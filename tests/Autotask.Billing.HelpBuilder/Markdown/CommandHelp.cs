namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>One cmdlet's help as a platyPS (Microsoft.PowerShell.PlatyPS 1.x) markdown file holds it.</summary>
public sealed record CommandHelp
{
    public IReadOnlyList<KeyValuePair<string, string>> FrontMatter { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public string Title { get; init; } = string.Empty;

    public string Synopsis { get; init; } = string.Empty;

    public IReadOnlyList<SyntaxBlock> Syntax { get; init; } = Array.Empty<SyntaxBlock>();

    public string Aliases { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<HelpExample> Examples { get; init; } = Array.Empty<HelpExample>();

    public IReadOnlyList<HelpParameter> Parameters { get; init; } = Array.Empty<HelpParameter>();

    public string CommonParameters { get; init; } = string.Empty;

    public IReadOnlyList<HelpTypeEntry> Inputs { get; init; } = Array.Empty<HelpTypeEntry>();

    public IReadOnlyList<HelpTypeEntry> Outputs { get; init; } = Array.Empty<HelpTypeEntry>();

    public string Notes { get; init; } = string.Empty;

    public IReadOnlyList<RelatedLink> RelatedLinks { get; init; } = Array.Empty<RelatedLink>();

    public string? FrontMatterValue(string key) =>
        FrontMatter.Where(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Select(pair => pair.Value).FirstOrDefault();
}
