using System.Text;

namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>Writes a <see cref="CommandHelp"/> in the Microsoft.PowerShell.PlatyPS 1.x markdown layout (LF line ends).</summary>
public static class CommandHelpWriter
{
    public const string NoAliases = "This cmdlet has no aliases.";

    public const string CommonParametersText =
        "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable,\n" +
        "-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable,\n" +
        "-ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see\n" +
        "[about_CommonParameters](https://go.microsoft.com/fwlink/?LinkID=113216).";

    public static string Write(CommandHelp help)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        foreach (var pair in help.FrontMatter)
        {
            text.Append(pair.Key).Append(": ").Append(pair.Value.Length == 0 ? "''" : pair.Value).Append('\n');
        }

        text.Append("---\n\n");
        text.Append("# ").Append(help.Title).Append("\n\n");
        Section(text, "SYNOPSIS", help.Synopsis);

        text.Append("## SYNTAX\n\n");
        foreach (var block in help.Syntax)
        {
            text.Append("### ").Append(block.SetName).Append(block.IsDefault ? " (Default)" : string.Empty).Append("\n\n");
            text.Append("```\n").Append(block.Text).Append("\n```\n\n");
        }

        Section(text, "ALIASES", help.Aliases);
        Section(text, "DESCRIPTION", help.Description);

        text.Append("## EXAMPLES\n\n");
        for (var index = 0; index < help.Examples.Count; index++)
        {
            var example = help.Examples[index];
            text.Append("### Example ").Append(index + 1).Append(": ").Append(example.Title).Append("\n\n");
            if (example.Body.Length > 0)
            {
                text.Append(example.Body).Append("\n\n");
            }
        }

        text.Append("## PARAMETERS\n\n");
        foreach (var parameter in help.Parameters)
        {
            text.Append("### -").Append(parameter.Name).Append("\n\n");
            if (parameter.Description.Length > 0)
            {
                text.Append(parameter.Description).Append("\n\n");
            }

            text.Append("```yaml\n").Append(ParameterYamlFormat.Write(parameter.Yaml)).Append("```\n\n");
        }

        text.Append("### CommonParameters\n\n").Append(help.CommonParameters.Length > 0 ? help.CommonParameters : CommonParametersText).Append("\n\n");

        TypeSection(text, "INPUTS", help.Inputs);
        TypeSection(text, "OUTPUTS", help.Outputs);
        Section(text, "NOTES", help.Notes);

        text.Append("## RELATED LINKS\n\n");
        foreach (var link in help.RelatedLinks)
        {
            text.Append("- [").Append(link.Text).Append("](").Append(link.Uri).Append(")\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Section(StringBuilder text, string heading, string body)
    {
        text.Append("## ").Append(heading).Append("\n\n");
        if (body.Length > 0)
        {
            text.Append(body).Append("\n\n");
        }
    }

    private static void TypeSection(StringBuilder text, string heading, IReadOnlyList<HelpTypeEntry> entries)
    {
        text.Append("## ").Append(heading).Append("\n\n");
        foreach (var entry in entries)
        {
            text.Append("### ").Append(entry.TypeName).Append("\n\n");
            if (entry.Description.Length > 0)
            {
                text.Append(entry.Description).Append("\n\n");
            }
        }
    }
}
