namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>The yaml block under a parameter (schema 2024-05-01).</summary>
public sealed record ParameterYaml
{
    public string Type { get; init; } = string.Empty;

    /// <summary>Empty when the file gives none (then the writer's "None" or "False" applies).</summary>
    public string DefaultValue { get; init; } = string.Empty;

    public bool SupportsWildcards { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

    public IReadOnlyList<ParameterSetYaml> ParameterSets { get; init; } = Array.Empty<ParameterSetYaml>();

    public bool DontShow { get; init; }

    public IReadOnlyList<string> AcceptedValues { get; init; } = Array.Empty<string>();

    public string HelpMessage { get; init; } = string.Empty;

    public bool IsSwitch => Type is "System.Management.Automation.SwitchParameter" or "SwitchParameter";
}
