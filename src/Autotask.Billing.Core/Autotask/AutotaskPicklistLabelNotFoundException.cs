namespace Autotask.Billing.Autotask;

/// <summary>A picklist label (or the picklist field itself) does not exist in this Autotask database.</summary>
public sealed class AutotaskPicklistLabelNotFoundException : AutotaskException
{
    public AutotaskPicklistLabelNotFoundException(string message, string entityName, string field, string label, IReadOnlyList<string> validLabels)
        : base(message)
    {
        EntityName = entityName;
        Field = field;
        Label = label;
        ValidLabels = validLabels;
    }

    public string EntityName { get; }

    public string Field { get; }

    public string Label { get; }

    public IReadOnlyList<string> ValidLabels { get; }
}
