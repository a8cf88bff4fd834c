namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>One type under INPUTS or OUTPUTS, with what the help says about it.</summary>
public sealed record HelpTypeEntry(string TypeName, string Description);
