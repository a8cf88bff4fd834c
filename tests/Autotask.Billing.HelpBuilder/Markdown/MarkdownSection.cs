namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>A heading and the lines under it up to the next heading of the same or a higher level.</summary>
public sealed class MarkdownSection
{
    public MarkdownSection(string heading)
    {
        Heading = heading;
    }

    public string Heading { get; }

    /// <summary>The lines before the first subsection.</summary>
    public List<string> Lines { get; } = new();

    public List<MarkdownSection> Subsections { get; } = new();

    /// <summary>The body text, without blank lines at either end.</summary>
    public string Text => MarkdownText.JoinLines(Lines);
}
