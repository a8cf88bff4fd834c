using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Protocol;

internal static class RowWriter
{
    // Every field is written, null when empty, unless the query restricted the fields.
    public static void Write(JsonWriter writer, EntityDefinition entity, EntityRow row, IReadOnlyList<FieldDefinition>? includeFields, IReadOnlyList<UserDefinedFieldDefinition> userDefinedFields, Func<FieldDefinition, bool>? visible = null) =>
        Write(writer, entity, row, Fields(entity, includeFields, visible), includeFields != null, userDefinedFields);

    // The fields a row is written with, once per page rather than once per row.
    public static IReadOnlyList<FieldDefinition> Fields(EntityDefinition entity, IReadOnlyList<FieldDefinition>? includeFields, Func<FieldDefinition, bool>? visible) =>
        (includeFields ?? entity.Fields).Where(f => visible?.Invoke(f) ?? true).ToList();

    public static void Write(JsonWriter writer, EntityDefinition entity, EntityRow row, IReadOnlyList<FieldDefinition> fields, bool restricted, IReadOnlyList<UserDefinedFieldDefinition> userDefinedFields)
    {
        writer.WriteStartObject();
        var text = writer as JsonTextWriter;
        foreach (var field in fields)
        {
            // Field names are plain identifiers: nothing to escape, the same bytes.
            writer.WritePropertyName(field.Name, escape: !field.IsPlainName);
            if (text != null)
            {
                WireValues.WriteText(text, field, row.Values[field.Ordinal]);
            }
            else
            {
                WireValues.Write(writer, field, row.Values[field.Ordinal]);
            }
        }

        // With IncludeFields Autotask still sends an empty userDefinedFields array (README §4.3, apigrate's example).
        if (entity.HasUserDefinedFields)
        {
            writer.WritePropertyName("userDefinedFields");
            writer.WriteStartArray();
            foreach (var definition in restricted ? Array.Empty<UserDefinedFieldDefinition>() : userDefinedFields)
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
