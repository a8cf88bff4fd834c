namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>The syntax of one parameter set, as the code block under "### SetName" shows it.</summary>
public sealed record SyntaxBlock(string SetName, bool IsDefault, string Text);
