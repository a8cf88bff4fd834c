using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Protocol;

internal static class RowWriter
{
    // Every field is written, null when empty, unless the query restricted the fields.
    public static void Write(JsonWriter writer, EntityDefinition entity, EntityRow row, IReadOnlyList<FieldDefinition>? includeFields, IReadOnlyList<UserDefinedFieldDefinition> userDefinedFields, Func<FieldDefinition, bool>? visible = null)
    {
        writer.WriteStartObject();
        foreach (var field in (includeFields ?? entity.Fields).Where(f => visible?.Invoke(f) ?? true))
        {
            writer.WritePropertyName(field.Name);
            WireValues.Write(writer, field, row.Values[field.Ordinal]);
        }

        // With IncludeFields Autotask still sends an empty userDefinedFields array (README §4.3, apigrate's example).
        if (entity.HasUserDefinedFields)
        {
            writer.WritePropertyName("userDefinedFields");
            writer.WriteStartArray();
            foreach (var definition in includeFields == null ? userDefinedFields : Array.Empty<UserDefinedFieldDefinition>())
            {
                writer.WriteStartObject();
                writer.WritePropertyName("name");
                writer.WriteValue(definition.Name);
                writer.WritePropertyName("value");
                writer.WriteValue(row.UserDefinedValue(definition.Name));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static JObject ToJObject(EntityDefinition entity, EntityRow row, IReadOnlyList<UserDefinedFieldDefinition> userDefinedFields)
    {
        using var writer = new JTokenWriter();
        Write(writer, entity, row, null, userDefinedFields);
        return (JObject)writer.Token!;
    }
}
