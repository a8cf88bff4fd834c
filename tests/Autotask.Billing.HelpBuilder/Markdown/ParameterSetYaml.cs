namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>How a parameter binds in one parameter set; Name "(All)" stands for every set.</summary>
public sealed record ParameterSetYaml(
    string Name,
    string Position,
    bool IsRequired,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    bool ValueFromRemainingArguments)
{
    public const string AllSets = "(All)";
    public const string Named = "Named";

    public bool AppliesTo(string setName) => Name == AllSets || Name == setName;
}
