using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json;

namespace Autotask.Billing.Sandbox.Protocol;

// entityInformation, entityInformation/fields and entityInformation/userDefinedFields (README §6).
internal static class EntityInformationWriter
{
    public static void WriteInfo(JsonWriter w, EntityDefinition entity)
    {
        w.WriteStartObject();
        w.WritePropertyName("info");
        w.WriteStartObject();
        Property(w, "name", entity.SingularName);
        Property(w, "canCreate", entity.CanCreate);
        Property(w, "canDelete", entity.CanDelete);
        Property(w, "canQuery", entity.CanQuery);
        Property(w, "canUpdate", entity.CanUpdate);
        Property(w, "userAccessForCreate", entity.CanCreate ? 1 : 0);
        Property(w, "userAccessForDelete", entity.CanDelete ? 1 : 0);
        Property(w, "userAccessForQuery", entity.CanQuery ? 1 : 0);
        Property(w, "userAccessForUpdate", entity.CanUpdate ? 1 : 0);
        Property(w, "hasUserDefinedFields", entity.HasUserDefinedFields);
        Property(w, "supportsWebhookCallouts", false);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteFields(JsonWriter w, EntityDefinition entity, TenantStore store)
    {
        w.WriteStartObject();
        w.WritePropertyName("fields");
        w.WriteStartArray();
        foreach (var field in entity.Fields.Where(store.IsVisible))
        {
            w.WriteStartObject();
            Property(w, "name", field.Name);
            Property(w, "dataType", field.WireDataType);
            Property(w, "length", field.Length);
            Property(w, "isRequired", field.IsRequired);
            Property(w, "isReadOnly", field.Access == FieldAccess.ReadOnly);
            Property(w, "isQueryable", field.IsQueryable);
            Property(w, "isReference", field.ReferenceEntity != null);
            Property(w, "referenceEntityType", field.ReferenceEntity == null ? string.Empty : EntitySchemas.Get(field.ReferenceEntity).SingularName);
            Property(w, "isPickList", field.IsPickList);
            w.WritePropertyName("picklistValues");
            if (field.IsPickList)
            {
                WritePicklist(w, store.Picklist(entity.Name, field.Name));
            }
            else
            {
                w.WriteNull();
            }

            Property(w, "picklistParentValueField", string.Empty);
            Property(w, "isSupportedWebhookField", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteUserDefinedFields(JsonWriter w, EntityDefinition entity, TenantStore store)
    {
        w.WriteStartObject();
        w.WritePropertyName("fields");
        w.WriteStartArray();
        foreach (var field in store.UserDefinedFields(entity.Name))
        {
            w.WriteStartObject();
            Property(w, "name", field.Name);
            Property(w, "label", field.Label);
            Property(w, "type", new FieldDefinition(field.Name, field.Type, -1).WireDataType);
            Property(w, "length", field.Type == FieldType.String ? 1024 : 0);
            Property(w, "description", string.Empty);
            Property(w, "isRequired", false);
            Property(w, "isReadOnly", false);
            Property(w, "isQueryable", true);
            Property(w, "isReference", false);
            Property(w, "referenceEntityType", string.Empty);
            Property(w, "isPickList", false);
            w.WritePropertyName("picklistValues");
            w.WriteNull();
            Property(w, "picklistParentValueField", string.Empty);
            w.WritePropertyName("defaultValue");
            w.WriteNull();
            Property(w, "isSupportedWebhookField", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePicklist(JsonWriter w, IReadOnlyList<PicklistValue> values)
    {
        w.WriteStartArray();
        foreach (var value in values)
        {
            w.WriteStartObject();
            Property(w, "value", value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Property(w, "label", value.Label);
            Property(w, "isDefaultValue", value.IsDefault);
            Property(w, "sortOrder", value.SortOrder);
            Property(w, "parentValue", string.Empty);
            Property(w, "isActive", value.IsActive);
            Property(w, "isSystem", value.IsSystem);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Property(JsonWriter w, string name, object value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }
}
