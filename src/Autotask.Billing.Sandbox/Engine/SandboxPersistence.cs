using System.Text;
using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Protocol;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Engine;

// The sandbox state as one JSON document: rows in their wire shape, picklists, UDF definitions and the
// recurring-service ledgers. Written to a temporary file and renamed, so a crash never leaves half a file.
internal static class SandboxPersistence
{
    private const int SchemaVersion = 1;

    public static void Save(SandboxTenant tenant, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        using (var stream = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        using (var w = new JsonTextWriter(stream) { Formatting = Formatting.Indented })
        {
            Write(w, tenant);
        }

        if (File.Exists(full))
        {
            File.Replace(temporary, full, null);
        }
        else
        {
            File.Move(temporary, full);
        }
    }

    public static SandboxTenant Load(string path, SandboxOptions options)
    {
        JObject document;
        using (var reader = new JsonTextReader(new StreamReader(path, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
        {
            document = JObject.Load(reader);
        }

        if ((int?)document["schemaVersion"] != SchemaVersion)
        {
            throw new InvalidDataException($"{path} is not a sandbox state file of schema version {SchemaVersion}.");
        }

        var user = (JObject)document["apiUser"]!;
        var tenant = new SandboxTenant(
            (long)document["databaseId"]!,
            new SandboxApiUser((string)user["userName"]!, (string)user["secret"]!, (string)user["integrationCode"]!, (long)user["resourceId"]!),
            options);
        foreach (var picklist in ((JObject)document["picklists"]!).Properties())
        {
            tenant.Store.SetPicklist(picklist.Name, picklist.Value.Select(v => new PicklistValue(
                (int)v["value"]!, (string)v["label"]!, (int)v["sortOrder"]!, (bool)v["isDefault"]!, (bool)v["isActive"]!, (bool)v["isSystem"]!)));
        }

        foreach (var entity in ((JObject)document["userDefinedFields"]!).Properties())
        {
            foreach (var field in entity.Value)
            {
                tenant.Store.AddUserDefinedField(entity.Name, new UserDefinedFieldDefinition(
                    (string)field["name"]!, (FieldType)Enum.Parse(typeof(FieldType), (string)field["type"]!), (string?)field["label"]));
            }
        }

        foreach (var tableProperty in ((JObject)document["tables"]!).Properties())
        {
            var table = tenant.Store.Table(tableProperty.Name);
            foreach (var rowToken in (JArray)tableProperty.Value["rows"]!)
            {
                table.Insert(ReadRow(table.Definition, (JObject)rowToken));
            }

            table.NextId = (long)tableProperty.Value["nextId"]!;
        }

        var units = tenant.Store.Table(EntitySchemas.ContractServiceUnits);
        var contractServiceId = EntitySchemas.Field(EntitySchemas.ContractServiceUnits, "contractServiceID");
        foreach (var ledgerToken in (JArray)document["ledgers"]!)
        {
            var ledger = new ServiceLedger((long)ledgerToken["contractServiceId"]!);
            foreach (var e in ledgerToken["events"]!)
            {
                WireValues.TryParseDate((string)e["date"]!, true, out var date);
                ledger.Events.Add(new LedgerEvent(date, (long)e["unitChange"]!, (decimal?)e["price"], (decimal?)e["cost"], (long?)e["adjustmentId"]));
            }

            tenant.Recurring.Restore(ledger, units.IndexedRows(contractServiceId, ledger.ContractServiceId)!);
        }

        return tenant;
    }

    private static void Write(JsonWriter w, SandboxTenant tenant)
    {
        var store = tenant.Store;
        w.WriteStartObject();
        w.WritePropertyName("schemaVersion");
        w.WriteValue(SchemaVersion);
        w.WritePropertyName("databaseId");
        w.WriteValue(tenant.DatabaseId);
        w.WritePropertyName("apiUser");
        new JObject
        {
            ["userName"] = tenant.ApiUser.UserName,
            ["secret"] = tenant.ApiUser.Secret,
            ["integrationCode"] = tenant.ApiUser.IntegrationCode,
            ["resourceId"] = tenant.ApiUser.ResourceId,
        }.WriteTo(w);

        w.WritePropertyName("picklists");
        w.WriteStartObject();
        foreach (var picklist in store.AllPicklists)
        {
            w.WritePropertyName(picklist.Key);
            new JArray(picklist.Value.Select(v => new JObject
            {
                ["value"] = v.Value, ["label"] = v.Label, ["sortOrder"] = v.SortOrder,
                ["isDefault"] = v.IsDefault, ["isActive"] = v.IsActive, ["isSystem"] = v.IsSystem,
            })).WriteTo(w);
        }

        w.WriteEndObject();
        w.WritePropertyName("userDefinedFields");
        w.WriteStartObject();
        foreach (var entity in store.AllUserDefinedFields)
        {
            w.WritePropertyName(entity.Key);
            new JArray(entity.Value.Select(f => new JObject { ["name"] = f.Name, ["type"] = f.Type.ToString(), ["label"] = f.Label })).WriteTo(w);
        }

        w.WriteEndObject();
        w.WritePropertyName("tables");
        w.WriteStartObject();
        foreach (var table in store.Tables)
        {
            w.WritePropertyName(table.Definition.Name);
            w.WriteStartObject();
            w.WritePropertyName("nextId");
            w.WriteValue(table.NextId);
            w.WritePropertyName("rows");
            w.WriteStartArray();
            var udfs = store.UserDefinedFields(table.Definition.Name);
            foreach (var row in table.Rows)
            {
                RowWriter.Write(w, table.Definition, row, null, udfs);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WritePropertyName("ledgers");
        w.WriteStartArray();
        foreach (var ledger in tenant.Recurring.Ledgers)
        {
            w.WriteStartObject();
            w.WritePropertyName("contractServiceId");
            w.WriteValue(ledger.ContractServiceId);
            w.WritePropertyName("events");
            w.WriteStartArray();
            foreach (var e in ledger.Events)
            {
                new JObject
                {
                    ["date"] = WireValues.FormatDate(e.Date), ["unitChange"] = e.UnitChange, ["price"] = e.Price,
                    ["cost"] = e.Cost, ["adjustmentId"] = e.AdjustmentId,
                }.WriteTo(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static EntityRow ReadRow(EntityDefinition entity, JObject json)
    {
        var values = new object?[entity.Fields.Count];
        Dictionary<string, string?>? userDefined = null;
        foreach (var property in json.Properties())
        {
            if (property.Name == "userDefinedFields")
            {
                userDefined = property.Value.Where(u => u["value"]!.Type != JTokenType.Null)
                    .ToDictionary(u => (string)u["name"]!, u => (string?)u["value"], StringComparer.OrdinalIgnoreCase);
                continue;
            }

            var field = entity.FindField(property.Name);
            if (field != null)
            {
                values[field.Ordinal] = field.Type == FieldType.Boolean && property.Value.Type == JTokenType.Null ? null : WireValues.FromJson(field, property.Value);
            }
        }

        return new EntityRow((long)values[0]!, values) { UserDefinedValues = userDefined };
    }
}
