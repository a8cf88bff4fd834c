namespace Autotask.Billing.Sandbox.Model;

internal sealed class UserDefinedFieldDefinition
{
    public UserDefinedFieldDefinition(string name, FieldType type, string? label = null)
    {
        Name = name;
        Type = type;
        Label = label ?? name;
    }

    public string Name { get; }

    public FieldType Type { get; }

    public string Label { get; }
}
