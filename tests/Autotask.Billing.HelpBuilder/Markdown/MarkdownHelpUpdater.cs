using Autotask.Billing.HelpBuilder.Metadata;

namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>
/// Brings a cmdlet's markdown in line with the built cmdlet: syntax, parameter list and yaml blocks, inputs and
/// outputs come from metadata; the prose (synopsis, description, examples, parameter and type descriptions, notes,
/// links) is kept. What metadata cannot know (a parameter's default value, wildcard support the cmdlet implements
/// without [SupportsWildcards]) is kept from the file too.
/// </summary>
public static class MarkdownHelpUpdater
{
    public const string NoPipelineInput = "You can't pipe objects to this cmdlet.";
    public const string NoOutput = "This cmdlet returns no output.";

    public static CommandHelp Update(CommandMetadata command, CommandHelp? existing)
    {
        existing ??= new CommandHelp();
        return new CommandHelp
        {
            FrontMatter = FrontMatter(command, existing),
            Title = command.Name,
            Synopsis = Prose(existing.Synopsis, FirstSentence(command.Summary), "{{ Fill in the Synopsis }}"),
            Syntax = SyntaxBuilder.Build(command),
            Aliases = Prose(existing.Aliases, CommandHelpWriter.NoAliases, CommandHelpWriter.NoAliases),
            Description = Prose(existing.Description, command.Summary, "{{ Fill in the Description }}"),
            Examples = existing.Examples,
            Parameters = command.Parameters
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => Parameter(p, existing.Parameters.FirstOrDefault(e => string.Equals(e.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
                .ToList(),
            CommonParameters = CommandHelpWriter.CommonParametersText,
            Inputs = Inputs(command, existing.Inputs),
            Outputs = Outputs(command, existing.Outputs),
            Notes = existing.Notes,
            RelatedLinks = existing.RelatedLinks.Count > 0
                ? existing.RelatedLinks
                : new[] { new RelatedLink("about_Autotask.Billing", "about_Autotask.Billing.md") },
        };
    }

    private static IReadOnlyList<KeyValuePair<string, string>> FrontMatter(CommandMetadata command, CommandHelp existing)
    {
        var required = new List<KeyValuePair<string, string>>
        {
            new("document type", "cmdlet"),
            new("external help file", RepositoryPaths.MamlFileName),
            new("HelpUri", existing.FrontMatterValue("HelpUri") ?? string.Empty),
            new("Locale", existing.FrontMatterValue("Locale") ?? "en-US"),
            new("Module Name", RepositoryPaths.ModuleName),
            new("PlatyPS schema version", "2024-05-01"),
            new("title", command.Name),
        };
        var extra = existing.FrontMatter.Where(pair => !required.Any(r => string.Equals(r.Key, pair.Key, StringComparison.OrdinalIgnoreCase)));
        return required.Concat(extra).ToList();
    }

    private static HelpParameter Parameter(ParameterMetadata parameter, HelpParameter? existing)
    {
        var yaml = new ParameterYaml
        {
            Type = parameter.TypeName,
            DefaultValue = existing is not null && existing.Yaml.DefaultValue.Length > 0 ? existing.Yaml.DefaultValue : parameter.IsSwitch ? "False" : "None",
            SupportsWildcards = parameter.SupportsWildcards || (existing?.Yaml.SupportsWildcards ?? false),
            Aliases = parameter.Aliases,
            ParameterSets = parameter.Declarations.Select(d => new ParameterSetYaml(
                d.AppliesToEverySet ? ParameterSetYaml.AllSets : d.SetName,
                d.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ParameterSetYaml.Named,
                d.Mandatory,
                d.ValueFromPipeline,
                d.ValueFromPipelineByPropertyName,
                d.ValueFromRemainingArguments)).ToList(),
            DontShow = parameter.Declarations.Any(d => d.DontShow),
            AcceptedValues = parameter.AcceptedValues,
            HelpMessage = parameter.Declarations.Select(d => d.HelpMessage).FirstOrDefault(m => m.Length > 0) ?? string.Empty,
        };
        var description = Prose(existing?.Description, parameter.Summary, $"{{{{ Fill {parameter.Name} Description }}}}");
        return new HelpParameter(parameter.Name, description, yaml);
    }

    private static IReadOnlyList<HelpTypeEntry> Inputs(CommandMetadata command, IReadOnlyList<HelpTypeEntry> existing)
    {
        var entries = existing
            .Where(e => command.InputTypes.Contains(e.TypeName) || (e.TypeName != "None" && MarkdownText.HasContent(e.Description)))
            .ToList();
        entries.AddRange(command.InputTypes.Where(type => !entries.Any(e => e.TypeName == type)).Select(type => new HelpTypeEntry(type, string.Empty)));
        if (entries.Count == 0)
        {
            entries.Add(new HelpTypeEntry("None", Prose(existing.FirstOrDefault(e => e.TypeName == "None")?.Description, NoPipelineInput, NoPipelineInput)));
        }

        return entries;
    }

    private static IReadOnlyList<HelpTypeEntry> Outputs(CommandMetadata command, IReadOnlyList<HelpTypeEntry> existing)
    {
        var types = command.OutputTypes.Count > 0 ? command.OutputTypes : new[] { "None" };
        return types.Select(type =>
        {
            var description = existing.FirstOrDefault(e => e.TypeName == type)?.Description;
            return new HelpTypeEntry(type, Prose(description, type == "None" ? NoOutput : string.Empty, string.Empty));
        }).ToList();
    }

    private static string Prose(string? existing, string seed, string placeholder) =>
        MarkdownText.HasContent(existing) ? existing! : seed.Length > 0 ? seed : placeholder;

    private static string FirstSentence(string summary)
    {
        var paragraph = summary.Split("\n\n")[0];
        var end = System.Text.RegularExpressions.Regex.Match(paragraph, @"[.!?](?=\s+[A-Z])");
        return end.Success ? paragraph.Substring(0, end.Index + 1) : paragraph;
    }
}
