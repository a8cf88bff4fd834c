namespace Autotask.Billing.Sandbox.Model;

internal sealed class EntityDefinition
{
    private readonly Dictionary<string, FieldDefinition> _byName;

    public EntityDefinition(string name, string singularName, IReadOnlyList<FieldDefinition> fields)
    {
        Name = name;
        SingularName = singularName;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    // Plural route name, e.g. "Companies".
    public string Name { get; }

    // Name used in messages and entityInformation, e.g. "Company".
    public string SingularName { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public FieldDefinition IdField => Fields[0];

    public bool HasUserDefinedFields { get; init; }

    public bool CanCreate { get; init; }

    public bool CanUpdate { get; init; }

    public bool CanDelete { get; init; }

    public bool CanQuery { get; init; } = true;

    // Writes at /V1.0/{Name}; child entities are written only through their parent's route.
    public bool WritableAtRoot { get; init; }

    public ParentRoute? Parent { get; init; }

    public long FirstId { get; init; } = 1;

    public FieldDefinition? FindField(string name) => _byName.TryGetValue(name, out var field) ? field : null;
}
