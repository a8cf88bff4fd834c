using Autotask.Billing.Sandbox.Model;

namespace Autotask.Billing.Sandbox.Store;

// Everything one Autotask database holds: entity tables, tenant-configured picklists and UDF definitions.
internal sealed class TenantStore
{
    private readonly Dictionary<string, EntityTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<PicklistValue>> _picklists = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<UserDefinedFieldDefinition>> _userDefinedFields = new(StringComparer.OrdinalIgnoreCase);

    public TenantStore()
    {
        foreach (var definition in EntitySchemas.All)
        {
            _tables[definition.Name] = new EntityTable(definition);
        }
    }

    private readonly HashSet<FieldDefinition> _hidden = new();

    public IEnumerable<EntityTable> Tables => _tables.Values;

    // A field this database does not have (a behaviour variant): absent from rows, entityInformation, filters and
    // writes, which ignore it as Autotask ignores any unknown property.
    public void Hide(FieldDefinition field) => _hidden.Add(field);

    public bool IsVisible(FieldDefinition field) => !_hidden.Contains(field);

    public FieldDefinition? FindVisibleField(EntityDefinition entity, string name) =>
        entity.FindField(name) is { } field && IsVisible(field) ? field : null;

    public EntityTable Table(string entity) => _tables[entity];

    public EntityTable? FindTable(string entity) => _tables.TryGetValue(entity, out var table) ? table : null;

    public IReadOnlyList<PicklistValue> Picklist(string entity, string field) =>
        _picklists.TryGetValue(entity + "." + field, out var values) ? values : (IReadOnlyList<PicklistValue>)Array.Empty<PicklistValue>();

    public IEnumerable<KeyValuePair<string, List<PicklistValue>>> AllPicklists => _picklists;

    public void SetPicklist(string entity, string field, IEnumerable<PicklistValue> values) =>
        _picklists[entity + "." + field] = values.ToList();

    public void SetPicklist(string key, IEnumerable<PicklistValue> values) => _picklists[key] = values.ToList();

    public int? PicklistValueByLabel(string entity, string field, string label) =>
        Picklist(entity, field).FirstOrDefault(v => string.Equals(v.Label, label, StringComparison.OrdinalIgnoreCase))?.Value;

    public string? PicklistLabel(string entity, string field, long value) =>
        Picklist(entity, field).FirstOrDefault(v => v.Value == value)?.Label;

    public IReadOnlyList<UserDefinedFieldDefinition> UserDefinedFields(string entity) =>
        _userDefinedFields.TryGetValue(entity, out var fields) ? fields : (IReadOnlyList<UserDefinedFieldDefinition>)Array.Empty<UserDefinedFieldDefinition>();

    public IEnumerable<KeyValuePair<string, List<UserDefinedFieldDefinition>>> AllUserDefinedFields => _userDefinedFields;

    public void AddUserDefinedField(string entity, UserDefinedFieldDefinition definition)
    {
        if (!_userDefinedFields.TryGetValue(entity, out var fields))
        {
            fields = new List<UserDefinedFieldDefinition>();
            _userDefinedFields[entity] = fields;
        }

        fields.RemoveAll(f => string.Equals(f.Name, definition.Name, StringComparison.OrdinalIgnoreCase));
        fields.Add(definition);
    }

    public UserDefinedFieldDefinition? FindUserDefinedField(string entity, string name) =>
        UserDefinedFields(entity).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
