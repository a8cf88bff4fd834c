namespace Autotask.Billing.Sandbox.Model;

internal sealed class FieldDefinition
{
    public FieldDefinition(string name, FieldType type, int ordinal)
    {
        Name = name;
        Type = type;
        Ordinal = ordinal;
        IsPlainName = name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
    }

    public string Name { get; }

    // Letters, digits and underscores only: written into JSON as is, with nothing to escape.
    public bool IsPlainName { get; }

    public FieldType Type { get; }

    public int Ordinal { get; }

    public int Length { get; set; }

    public bool IsRequired { get; set; }

    public FieldAccess Access { get; set; }

    public bool IsQueryable { get; set; } = true;

    // Plural entity name of the referenced table, e.g. "Companies".
    public string? ReferenceEntity { get; set; }

    public bool IsPickList { get; set; }

    public bool IsIndexed { get; set; }

    public bool IsId => Ordinal == 0;

    public string WireDataType => Type switch
    {
        FieldType.String => "string",
        FieldType.Integer => "integer",
        FieldType.Long => "long",
        FieldType.Decimal => "decimal",
        FieldType.Boolean => "boolean",
        _ => "datetime",
    };
}
