using Autotask.Billing.Sandbox.Engine;
using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Protocol;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox;

// Direct access to the sandbox's data for arranging and asserting tests, bypassing HTTP, limits and faults.
// Inserts and overwrites may set any field (ids, server-set fields such as isBilled) and are not validated;
// AddAdjustment and ApproveAndPost follow the same rules as the API.
public sealed class SandboxData
{
    private readonly AutotaskSandbox _sandbox;

    internal SandboxData(AutotaskSandbox sandbox)
    {
        _sandbox = sandbox;
    }

    public long Insert(string entity, JObject values) =>
        _sandbox.Locked(t => t.Writer.Seed(Entity(entity), values, Context(t)));

    public void Overwrite(string entity, long id, JObject values) =>
        _sandbox.Locked(t =>
        {
            t.Writer.Overwrite(Entity(entity), id, values);
            return id;
        });

    public JObject? Get(string entity, long id) => _sandbox.Locked(t =>
    {
        if (entity.Equals(EntitySchemas.ContractServiceUnits, StringComparison.OrdinalIgnoreCase))
        {
            t.Recurring.Refresh();
        }

        var definition = Entity(entity);
        var row = t.Store.Table(definition.Name).Find(id);
        return row == null ? null : RowWriter.ToJObject(definition, row, t.Store.UserDefinedFields(definition.Name));
    });

    public IReadOnlyList<JObject> All(string entity) => _sandbox.Locked(t =>
    {
        if (entity.Equals(EntitySchemas.ContractServiceUnits, StringComparison.OrdinalIgnoreCase))
        {
            t.Recurring.Refresh();
        }

        var definition = Entity(entity);
        var udfs = t.Store.UserDefinedFields(definition.Name);
        return (IReadOnlyList<JObject>)t.Store.Table(definition.Name).Rows.Select(r => RowWriter.ToJObject(definition, r, udfs)).ToList();
    });

    public int Count(string entity) => _sandbox.Locked(t => t.Store.Table(Entity(entity).Name).Count);

    // Records a ContractServiceAdjustment as POST /ContractServiceAdjustments would; returns its id.
    public long AddAdjustment(long contractId, long serviceId, DateTime effectiveDate, int unitChange, decimal? adjustedUnitPrice = null, decimal? adjustedUnitCost = null)
    {
        var body = new JObject
        {
            ["contractID"] = contractId,
            ["serviceID"] = serviceId,
            ["effectiveDate"] = WireValues.FormatDate(effectiveDate.Date),
            ["unitChange"] = unitChange,
            ["adjustedUnitPrice"] = adjustedUnitPrice,
            ["adjustedUnitCost"] = adjustedUnitCost,
        };
        return _sandbox.Locked(t => t.Writer.Create(Entity(EntitySchemas.ContractServiceAdjustments), body, null, Context(t)));
    }

    // Stamps approveAndPostDate (today) on every unit row that ends on or before the date; returns the row count.
    public int ApproveAndPost(DateTime through, long? contractId = null) =>
        _sandbox.Locked(t => t.Recurring.ApproveAndPost(through.Date, contractId, t.Now));

    public void DefineUserDefinedField(string entity, string name, string dataType = "string") =>
        _sandbox.Locked(t =>
        {
            var type = dataType.ToLowerInvariant() switch
            {
                "integer" or "long" => FieldType.Long,
                "decimal" or "double" => FieldType.Decimal,
                "datetime" or "date" => FieldType.DateTime,
                "boolean" => FieldType.Boolean,
                _ => FieldType.String,
            };
            t.Store.AddUserDefinedField(Entity(entity).Name, new UserDefinedFieldDefinition(name, type));
            return 0;
        });

    // A value of the tenant's own added to a picklist (Autotask picklists are tenant-configurable), e.g. a service period type.
    public void AddPicklistValue(string entity, string field, int value, string label) =>
        _sandbox.Locked(t =>
        {
            var name = Entity(entity).Name;
            var values = t.Store.Picklist(name, field).ToList();
            values.Add(new PicklistValue(value, label, values.Count + 1));
            t.Store.SetPicklist(name, field, values);
            return 0;
        });

    // The tenant's numeric value for a picklist label, e.g. PicklistValue("Companies", "companyType", "Customer").
    public int? PicklistValue(string entity, string field, string label) =>
        _sandbox.Locked(t => t.Store.PicklistValueByLabel(Entity(entity).Name, field, label));

    private static EntityDefinition Entity(string name) =>
        EntitySchemas.Find(name) ?? throw new ArgumentException($"The sandbox has no entity named {name}.", nameof(name));

    private static WriteContext Context(SandboxTenant tenant) => new(tenant.ApiUser.ResourceId, null, tenant.Now);
}
