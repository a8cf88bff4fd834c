namespace Autotask.Billing.HelpBuilder.Metadata;

/// <summary>One [Parameter] attribute of a parameter: how it binds in one parameter set.</summary>
public sealed record ParameterDeclaration(
    string SetName,
    int? Position,
    bool Mandatory,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    bool ValueFromRemainingArguments,
    bool DontShow,
    string HelpMessage)
{
    public const string AllSets = "__AllParameterSets";

    public bool AppliesToEverySet => SetName == AllSets;
}
