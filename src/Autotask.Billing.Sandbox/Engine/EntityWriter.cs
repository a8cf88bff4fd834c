using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Protocol;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Engine;

// Creates, updates and deletes rows the way Autotask does: unknown and server-set properties are ignored,
// PATCH changes only what is sent, PUT clears every writable property it does not send, required fields,
// references and picklist values are checked, and entity rules (BusinessRules) run around each write.
internal sealed class EntityWriter
{
    private readonly SandboxTenant _tenant;
    private readonly BusinessRules _rules;

    public EntityWriter(SandboxTenant tenant)
    {
        _tenant = tenant;
        _rules = new BusinessRules(tenant);
    }

    private TenantStore Store => _tenant.Store;

    public long Create(EntityDefinition entity, JObject body, long? parentId, WriteContext context)
    {
        if (entity.Name == EntitySchemas.ContractServiceAdjustments)
        {
            return CreateAdjustment(entity, body, parentId, context);
        }

        var values = new object?[entity.Fields.Count];
        Apply(entity, values, body, field => field.Access != FieldAccess.ReadOnly);
        if (parentId != null && entity.Parent != null)
        {
            values[entity.FindField(entity.Parent.ParentField)!.Ordinal] = parentId.Value;
        }

        _rules.CompleteCreate(entity, values, context);
        Validate(entity, values);
        _rules.ValidateCreate(entity, values);
        return Insert(entity, values, ReadUserDefinedValues(entity, body), context);
    }

    public long Update(EntityDefinition entity, JObject body, long? parentId, bool replace, WriteContext context)
    {
        var idToken = body.Properties().FirstOrDefault(p => string.Equals(p.Name, "id", StringComparison.OrdinalIgnoreCase))?.Value;
        if (idToken == null || idToken.Type == JTokenType.Null)
        {
            throw new SandboxErrorException("The id of the entity to update is required.");
        }

        var id = WireValues.ToInteger("id", idToken);
        var table = Store.Table(entity.Name);
        var row = table.Find(id);
        if (row == null || (parentId != null && entity.Parent != null && !Equals(row.Values[entity.FindField(entity.Parent.ParentField)!.Ordinal], parentId.Value)))
        {
            throw new SandboxErrorException($"Unable to find the {entity.SingularName} with id {id}.");
        }

        _rules.ValidateChangeAllowed(entity, row);
        var values = (object?[])row.Values.Clone();
        if (replace)
        {
            foreach (var field in entity.Fields.Where(f => f.Access == FieldAccess.ReadWrite && Store.IsVisible(f) && !HasProperty(body, f.Name)))
            {
                // A boolean is never null in Autotask: an omitted one takes the entity's default, as on create.
                values[field.Ordinal] = field.Type == FieldType.Boolean ? BusinessRules.BooleanDefault(entity, field) : null;
            }
        }

        Apply(entity, values, body, field => field.Access == FieldAccess.ReadWrite);
        _rules.CompleteUpdate(entity, values, context);
        Validate(entity, values);
        _rules.ValidateUpdate(entity, row, values);

        var previous = (object?[])row.Values.Clone();
        foreach (var field in entity.Fields)
        {
            if (!Equals(values[field.Ordinal], row.Values[field.Ordinal]))
            {
                table.SetValue(row, field, values[field.Ordinal]);
            }
        }

        var userDefined = ReadUserDefinedValues(entity, body);
        if (userDefined != null || replace)
        {
            MergeUserDefinedValues(row, userDefined, replace);
        }

        _rules.AfterUpdate(entity, row, previous);
        return id;
    }

    public void Delete(EntityDefinition entity, long id, long parentId)
    {
        var table = Store.Table(entity.Name);
        var row = table.Find(id);
        if (row == null || !Equals(row.Values[entity.FindField(entity.Parent!.ParentField)!.Ordinal], parentId))
        {
            throw new SandboxErrorException($"Unable to find the {entity.SingularName} with id {id}.");
        }

        _rules.ValidateChangeAllowed(entity, row);
        table.Remove(row);
    }

    // Test seeding: every field may be set (ids, server-set fields, isBilled) and nothing is validated.
    public long Seed(EntityDefinition entity, JObject body, WriteContext context)
    {
        var values = new object?[entity.Fields.Count];
        Apply(entity, values, body, _ => true);
        _rules.CompleteCreate(entity, values, context);
        var id = values[0] as long?;
        if (id != null && Store.Table(entity.Name).Find(id.Value) != null)
        {
            throw new ArgumentException($"{entity.Name} already holds id {id}.");
        }

        return Insert(entity, values, ReadUserDefinedValues(entity, body), context);
    }

    // Test seeding: sets whatever the body names, server-set fields included, without validation.
    public void Overwrite(EntityDefinition entity, long id, JObject body)
    {
        var table = Store.Table(entity.Name);
        var row = table.Find(id) ?? throw new ArgumentException($"{entity.Name} has no row with id {id}.");
        foreach (var property in body.Properties())
        {
            var field = entity.FindField(property.Name);
            if (field != null && !field.IsId)
            {
                table.SetValue(row, field, WireValues.FromJson(field, property.Value));
            }
        }

        var userDefined = ReadUserDefinedValues(entity, body);
        if (userDefined != null)
        {
            MergeUserDefinedValues(row, userDefined, false);
        }
    }

    public long CreateContractService(long contractId, long serviceId, decimal? price, decimal? cost, DateTime start, WriteContext context)
    {
        var entity = EntitySchemas.Get(EntitySchemas.ContractServices);
        var values = new object?[entity.Fields.Count];
        values[entity.FindField("contractID")!.Ordinal] = contractId;
        values[entity.FindField("serviceID")!.Ordinal] = serviceId;
        values[entity.FindField("unitPrice")!.Ordinal] = price;
        values[entity.FindField("unitCost")!.Ordinal] = cost;
        _rules.CompleteCreate(entity, values, context);
        Validate(entity, values);
        _rules.ValidateCreate(entity, values);
        return Insert(entity, values, null, context, start);
    }

    private long CreateAdjustment(EntityDefinition entity, JObject body, long? parentId, WriteContext context)
    {
        var values = new object?[entity.Fields.Count];
        Apply(entity, values, body, field => field.Access != FieldAccess.ReadOnly);
        if (parentId != null)
        {
            values[entity.FindField("contractID")!.Ordinal] = parentId.Value;
        }

        Validate(entity, values);
        object? Value(string name) => values[entity.FindField(name)!.Ordinal];
        var table = Store.Table(entity.Name);
        var id = table.NextId;
        var contractServiceId = _tenant.Recurring.Adjust(
            (long)Value("contractID")!,
            (long?)Value("contractServiceID"),
            (long?)Value("serviceID"),
            (DateTime)Value("effectiveDate")!,
            (long)Value("unitChange")!,
            (decimal?)Value("adjustedUnitPrice"),
            (decimal?)Value("adjustedUnitCost"),
            id,
            context);
        values[entity.FindField("contractServiceID")!.Ordinal] = contractServiceId;
        values[entity.FindField("serviceID")!.Ordinal] = Store.Table(EntitySchemas.ContractServices).Find(contractServiceId)!.Values[EntitySchemas.Field(EntitySchemas.ContractServices, "serviceID").Ordinal];
        values[0] = table.AllocateId();
        table.Insert(new EntityRow(id, values));
        return id;
    }

    private long Insert(EntityDefinition entity, object?[] values, Dictionary<string, string?>? userDefined, WriteContext context, DateTime? serviceStart = null)
    {
        var table = Store.Table(entity.Name);
        var id = values[0] as long? ?? table.AllocateId();
        values[0] = id;
        var row = new EntityRow(id, values);
        if (entity.HasUserDefinedFields)
        {
            MergeUserDefinedValues(row, userDefined, false);
        }

        table.Insert(row);
        _rules.AfterCreate(entity, row, serviceStart);
        return id;
    }

    private void Apply(EntityDefinition entity, object?[] values, JObject body, Func<FieldDefinition, bool> writable)
    {
        foreach (var property in body.Properties())
        {
            var field = Store.FindVisibleField(entity, property.Name);
            if (field != null && writable(field))
            {
                values[field.Ordinal] = WireValues.FromJson(field, property.Value);
            }
        }
    }

    private void Validate(EntityDefinition entity, object?[] values)
    {
        foreach (var field in entity.Fields)
        {
            var value = values[field.Ordinal];
            if (value == null || (value is string s && s.Length == 0))
            {
                if (field.IsRequired)
                {
                    throw new SandboxErrorException($"The field {field.Name} is required.");
                }

                continue;
            }

            if (field.ReferenceEntity != null && Store.Table(field.ReferenceEntity).Find((long)value) == null)
            {
                throw new SandboxErrorException($"Value does not reference an existing entity for {field.Name} .");
            }

            if (field.IsPickList && field.Access != FieldAccess.ReadOnly && !Store.Picklist(entity.Name, field.Name).Any(v => v.IsActive && v.Value == (long)value))
            {
                throw new SandboxErrorException($"Value does not reference an existing entity for {field.Name} .");
            }
        }
    }

    private Dictionary<string, string?>? ReadUserDefinedValues(EntityDefinition entity, JObject body)
    {
        var token = body.Properties().FirstOrDefault(p => string.Equals(p.Name, "userDefinedFields", StringComparison.OrdinalIgnoreCase))?.Value;
        if (!entity.HasUserDefinedFields || token is not JArray items)
        {
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items.OfType<JObject>())
        {
            var name = (string?)item.Properties().FirstOrDefault(p => string.Equals(p.Name, "name", StringComparison.OrdinalIgnoreCase))?.Value;
            var definition = name == null ? null : Store.FindUserDefinedField(entity.Name, name);
            if (definition != null)
            {
                var value = item.Properties().FirstOrDefault(p => string.Equals(p.Name, "value", StringComparison.OrdinalIgnoreCase))?.Value;
                values[definition.Name] = value == null || value.Type == JTokenType.Null ? null : value.ToString();
            }
        }

        return values;
    }

    private static void MergeUserDefinedValues(EntityRow row, Dictionary<string, string?>? values, bool replace)
    {
        if (replace || row.UserDefinedValues == null)
        {
            row.UserDefinedValues = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        }

        foreach (var pair in values ?? new Dictionary<string, string?>())
        {
            row.UserDefinedValues[pair.Key] = pair.Value;
        }
    }

    private static bool HasProperty(JObject body, string name) =>
        body.Properties().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
