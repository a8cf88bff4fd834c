namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>One "### -Name" entry of PARAMETERS: the hand-written description and the yaml block.</summary>
public sealed record HelpParameter(string Name, string Description, ParameterYaml Yaml);
