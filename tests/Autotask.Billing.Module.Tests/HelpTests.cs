using System.Text.RegularExpressions;

namespace Autotask.Billing.Module.Tests;

/// <summary>
/// Every cmdlet is documented, in the platyPS markdown (docs/) and in the MAML help the built module ships
/// (out/Autotask.Billing/en-US): every parameter with a description, at least two examples with code, nothing stale.
/// docs/README.md says how to regenerate both.
/// </summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class HelpTests
{
    private const string MamlFileName = "Autotask.Billing.dll-Help.xml";
    private const string AboutTopic = "about_Autotask.Billing";
    private const string Regenerate = "Run 'dotnet pwsh ./build.ps1 -Task Docs', write the prose, and run it again (docs/README.md).";

    private readonly BuiltModule _module;

    public HelpTests(BuiltModule module) => _module = module;

    public static TheoryData<string> CmdletNames() => CmdletConventionTests.CmdletNames();

    private string DocsFolder => Path.Combine(_module.RepositoryRoot, "docs");

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_has_a_platyPS_markdown_file_with_synopsis_and_description(string name)
    {
        var path = Path.Combine(DocsFolder, name + ".md");
        Assert.True(File.Exists(path), $"docs/{name}.md is missing. {Regenerate}");

        var help = HelpMarkdownFile.Read(path);
        Assert.Equal(name, help.Title);
        Assert.Equal("cmdlet", help.FrontMatter.GetValueOrDefault("document type"));
        Assert.Equal(MamlFileName, help.FrontMatter.GetValueOrDefault("external help file"));
        Assert.Equal("Autotask.Billing", help.FrontMatter.GetValueOrDefault("Module Name"));
        Assert.Equal("2024-05-01", help.FrontMatter.GetValueOrDefault("PlatyPS schema version"));
        Assert.True(HelpMarkdownFile.HasContent(help.Sections.GetValueOrDefault("SYNOPSIS")), $"docs/{name}.md has no synopsis.");
        Assert.True(HelpMarkdownFile.HasContent(help.Sections.GetValueOrDefault("DESCRIPTION")), $"docs/{name}.md has no description.");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_parameter_is_documented_in_markdown_with_a_description_and_nothing_stale(string name)
    {
        var help = Markdown(name);
        var documented = help.Parameters.ToDictionary(p => p.Heading.TrimStart('-'), StringComparer.OrdinalIgnoreCase);

        Assert.Equal(ParameterNames(name), documented.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, entry) in documented)
        {
            Assert.True(HelpMarkdownFile.HasContent(entry.Prose), $"docs/{name}.md: -{parameter} has no description.");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_markdown_yaml_of_every_parameter_matches_how_the_cmdlet_declares_it(string name)
    {
        var cmdlet = Cmdlet(name);
        var help = Markdown(name);
        foreach (var parameter in cmdlet.Parameters)
        {
            var yaml = help.Parameters.Single(p => p.Heading == "-" + parameter.Name).CodeBlocks.Single(b => b.Language == "yaml").Text;
            var sets = Regex.Matches(yaml, @"(?m)^- Name: (?<name>.+)$").Select(m => m.Groups["name"].Value.Trim()).ToList();
            var expectedSets = parameter.ParameterSets.Select(set => set == "__AllParameterSets" ? "(All)" : set).ToList();
            Assert.True(expectedSets.SequenceEqual(sets), $"docs/{name}.md: -{parameter.Name} is in the sets {string.Join(", ", expectedSets)}, the yaml says {string.Join(", ", sets)}. {Regenerate}");
            Assert.True(parameter.Mandatory == Regex.IsMatch(yaml, @"(?m)^\s+IsRequired: true$"), $"docs/{name}.md: -{parameter.Name} IsRequired is stale. {Regenerate}");
            Assert.True(parameter.ValueFromPipeline == Regex.IsMatch(yaml, @"(?m)^\s+ValueFromPipeline: true$"), $"docs/{name}.md: -{parameter.Name} ValueFromPipeline is stale. {Regenerate}");
            Assert.True(parameter.ValueFromPipelineByPropertyName == Regex.IsMatch(yaml, @"(?m)^\s+ValueFromPipelineByPropertyName: true$"), $"docs/{name}.md: -{parameter.Name} ValueFromPipelineByPropertyName is stale. {Regenerate}");
            var type = Regex.Replace(parameter.TypeName, @"\[\[(?<argument>[^,\]]+),[^\]]*\]\]", "[${argument}]");
            Assert.True(Regex.IsMatch(yaml, $"(?m)^Type: {Regex.Escape(type)}$"), $"docs/{name}.md: -{parameter.Name} is a {type} now. {Regenerate}");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_has_at_least_two_markdown_examples_with_code_and_an_explanation(string name)
    {
        var examples = Markdown(name).Examples;

        Assert.True(examples.Count >= 2, $"docs/{name}.md has {examples.Count} example(s); write at least two that run against the sandbox.");
        foreach (var example in examples)
        {
            Assert.Matches(@"^Example \d+: \S", example.Heading);
            Assert.Contains(example.CodeBlocks, block => block.Language == "powershell" && block.Text.Contains(name, StringComparison.Ordinal));
            Assert.True(HelpMarkdownFile.HasContent(example.TextOutsideCode), $"docs/{name}.md: '{example.Heading}' does not say what it does.");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_has_a_MAML_entry_with_synopsis_description_and_every_parameter_described(string name)
    {
        var maml = ShippedMaml();
        Assert.True(maml.Commands.TryGetValue(name, out var command), $"{MamlFileName} has no entry for {name}. {Regenerate}");

        Assert.True(HelpMarkdownFile.HasContent(HelpMamlFile.Synopsis(command!)));
        Assert.True(HelpMarkdownFile.HasContent(HelpMamlFile.Description(command!)));
        var parameters = HelpMamlFile.Parameters(command!);
        Assert.Equal(ParameterNames(name), parameters.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, description) in parameters)
        {
            Assert.True(HelpMarkdownFile.HasContent(description), $"{MamlFileName}: {name} -{parameter} has no description.");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_MAML_syntax_item_lists_only_parameters_of_the_cmdlet_and_one_item_per_parameter_set(string name)
    {
        var command = ShippedMaml().Commands[name];
        var cmdlet = Cmdlet(name);
        var named = cmdlet.Parameters.SelectMany(p => p.ParameterSets).Where(s => s != "__AllParameterSets").Distinct().Count();

        var items = HelpMamlFile.SyntaxItems(command);
        Assert.Equal(Math.Max(1, named), items.Count);
        Assert.All(items, item => Assert.Subset(ParameterNames(name).ToHashSet(StringComparer.OrdinalIgnoreCase), item.ToHashSet(StringComparer.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_has_at_least_two_MAML_examples_with_code(string name)
    {
        var examples = HelpMamlFile.Examples(ShippedMaml().Commands[name]);

        Assert.True(examples.Count >= 2, $"{MamlFileName}: {name} has {examples.Count} example(s). {Regenerate}");
        Assert.All(examples, example => Assert.Contains(name, example.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void No_markdown_file_or_MAML_entry_documents_a_cmdlet_the_module_lacks()
    {
        var cmdlets = _module.Cmdlets.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var markdown = Directory.GetFiles(DocsFolder, "*-*.md")
            .Select(HelpMarkdownFile.Read)
            .Where(help => help.FrontMatter.GetValueOrDefault("document type") == "cmdlet")
            .Select(help => help.Title);

        var stale = markdown.Concat(ShippedMaml().Commands.Keys).Where(title => !cmdlets.Contains(title)).Distinct().ToList();
        Assert.True(stale.Count == 0, $"Help documents cmdlets the module does not have: {string.Join(", ", stale)}.");
    }

    [Fact]
    public void The_shipped_MAML_is_the_one_built_from_docs_and_sits_beside_each_framework_build_too()
    {
        var committed = File.ReadAllText(Path.Combine(DocsFolder, "en-US", MamlFileName));

        Assert.Equal(committed, File.ReadAllText(Path.Combine(_module.ModuleFolder, "en-US", MamlFileName)));
        Assert.Equal(committed, File.ReadAllText(Path.Combine(_module.ModuleFolder, "net8.0", "en-US", MamlFileName)));
        Assert.Equal(committed, File.ReadAllText(Path.Combine(_module.ModuleFolder, "net472", "en-US", MamlFileName)));
    }

    [Fact]
    public void The_about_topic_exists_as_markdown_and_as_help_text_with_a_short_description()
    {
        var markdown = Path.Combine(DocsFolder, AboutTopic + ".md");
        var text = Path.Combine(_module.ModuleFolder, "en-US", AboutTopic + ".help.txt");
        Assert.True(File.Exists(markdown), $"docs/{AboutTopic}.md is missing.");
        Assert.True(File.Exists(text), $"{AboutTopic}.help.txt is not in the built module. {Regenerate}");

        var lines = File.ReadAllLines(text);
        Assert.Equal("TOPIC", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(AboutTopic, lines[1].Trim());
        var shortDescription = Array.IndexOf(lines, "SHORT DESCRIPTION");
        Assert.True(shortDescription > 0 && lines[shortDescription + 1].Trim().Length > 0, "Get-Help takes the topic's synopsis from the line after SHORT DESCRIPTION.");
        Assert.Contains(lines, line => line == "LONG DESCRIPTION");
    }

    [Fact]
    public void The_about_topic_help_text_keeps_prose_within_80_columns()
    {
        var lines = File.ReadAllLines(Path.Combine(_module.ModuleFolder, "en-US", AboutTopic + ".help.txt"));

        var tooWide = lines.Where(line => !line.StartsWith("        ", StringComparison.Ordinal) && line.TrimStart('\uFEFF').Length > 80).ToList();
        Assert.True(tooWide.Count == 0, "Lines wider than 80 columns:\n" + string.Join("\n", tooWide));
    }

    private HelpMarkdownFile Markdown(string name) => HelpMarkdownFile.Read(Path.Combine(DocsFolder, name + ".md"));

    private HelpMamlFile ShippedMaml() => HelpMamlFile.Load(Path.Combine(_module.ModuleFolder, "en-US", MamlFileName));

    private CmdletMetadata Cmdlet(string name) => _module.Cmdlets.Single(c => c.Name == name);

    /// <summary>The parameters help must document: the declared ones, plus -WhatIf and -Confirm with ShouldProcess.</summary>
    private IEnumerable<string> ParameterNames(string name)
    {
        var cmdlet = Cmdlet(name);
        var names = cmdlet.Parameters.Select(p => p.Name).ToList();
        if (cmdlet.SupportsShouldProcess)
        {
            names.Add("WhatIf");
            names.Add("Confirm");
        }

        return names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
