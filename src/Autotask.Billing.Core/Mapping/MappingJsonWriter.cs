using System.Globalization;
using Newtonsoft.Json;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Writes a mapping document as indented JSON with a fixed property order, camelCase names, enum words, ISO dates and
/// "\n" line ends, so the same document always gives the same bytes and a change shows as a small diff.
/// </summary>
internal static class MappingJsonWriter
{
    public static string Write(MappingDocument document)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            writer.WriteStartObject();
            writer.WritePropertyName("schemaVersion");
            writer.WriteValue(document.SchemaVersion);
            writer.WritePropertyName("settings");
            WriteSettings(writer, document.Settings);
            writer.WritePropertyName("customers");
            writer.WriteStartArray();
            foreach (var customer in document.Customers)
            {
                WriteCustomer(writer, customer);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("services");
            writer.WriteStartArray();
            foreach (var service in document.Services)
            {
                WriteService(writer, service);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return text + "\n";
    }

    private static void WriteSettings(JsonWriter writer, BillingSettings settings)
    {
        writer.WriteStartObject();
        Id(writer, nameof(settings.RecurringBillingCodeId), settings.RecurringBillingCodeId);
        Id(writer, nameof(settings.MaterialBillingCodeId), settings.MaterialBillingCodeId);
        Id(writer, nameof(settings.DefaultAccountManagerResourceId), settings.DefaultAccountManagerResourceId);
        Name(writer, nameof(settings.VendorCompanyNames));
        writer.WriteStartObject();
        foreach (var pair in settings.VendorCompanyNames.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            writer.WritePropertyName(pair.Key);
            writer.WriteValue(pair.Value);
        }

        writer.WriteEndObject();
        Name(writer, nameof(settings.VendorPhones));
        writer.WriteStartObject();
        foreach (var pair in settings.VendorPhones.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            writer.WritePropertyName(pair.Key);
            writer.WriteValue(pair.Value);
        }

        writer.WriteEndObject();
        Name(writer, nameof(settings.SalesReps));
        writer.WriteStartObject();
        foreach (var pair in settings.SalesReps.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            writer.WritePropertyName(pair.Key);
            writer.WriteValue(pair.Value);
        }

        writer.WriteEndObject();
        Text(writer, nameof(settings.Currency), settings.Currency);
        Name(writer, nameof(settings.UsageAsService));
        writer.WriteValue(settings.UsageAsService);
        Name(writer, nameof(settings.RecreateDeletedServices));
        writer.WriteValue(settings.RecreateDeletedServices);
        Text(writer, nameof(settings.ServiceNameTemplate), settings.ServiceNameTemplate);
        Text(writer, nameof(settings.DefaultPricingStrategy), settings.DefaultPricingStrategy.ToString());
        Text(writer, nameof(settings.DefaultEffectiveDatePolicy), settings.DefaultEffectiveDatePolicy.ToString());
        Number(writer, nameof(settings.QuantityChangeThresholdPercent), settings.QuantityChangeThresholdPercent);
        Number(writer, nameof(settings.QuantityChangeMinimumUnits), settings.QuantityChangeMinimumUnits);
        Text(writer, nameof(settings.RemovalPolicy), settings.RemovalPolicy.ToString());
        Text(writer, nameof(settings.PriceBasis), settings.PriceBasis.ToString());
        Number(writer, nameof(settings.MarkupPercent), settings.MarkupPercent);
        Name(writer, nameof(settings.SyncMayCreate));
        writer.WriteStartArray();
        foreach (var kind in new[] { CreatableEntities.Services, CreatableEntities.Products, CreatableEntities.Companies, CreatableEntities.Contracts })
        {
            if ((settings.SyncMayCreate & kind) == kind)
            {
                writer.WriteValue(kind.ToString());
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCustomer(JsonWriter writer, CustomerMapping customer)
    {
        writer.WriteStartObject();
        Text(writer, nameof(customer.Source), customer.Source);
        Text(writer, nameof(customer.CustomerId), customer.CustomerId);
        Text(writer, nameof(customer.CustomerName), customer.CustomerName);
        Text(writer, nameof(customer.CompanyAction), customer.CompanyAction.ToString());
        Id(writer, nameof(customer.CompanyId), customer.CompanyId);
        Text(writer, nameof(customer.ContractAction), customer.ContractAction.ToString());
        Id(writer, nameof(customer.ContractId), customer.ContractId);
        Name(writer, nameof(customer.Export));
        writer.WriteValue(customer.Export);
        Text(writer, nameof(customer.PricingStrategy), customer.PricingStrategy?.ToString());
        Text(writer, nameof(customer.EffectiveDatePolicy), customer.EffectiveDatePolicy?.ToString());
        Text(writer, nameof(customer.SyncStartDate), customer.SyncStartDate is null ? null : MappingText.FormatDate(customer.SyncStartDate));
        Text(writer, nameof(customer.Phone), customer.Phone);
        Text(writer, nameof(customer.Address), customer.Address);
        Text(writer, nameof(customer.City), customer.City);
        Text(writer, nameof(customer.State), customer.State);
        Text(writer, nameof(customer.PostalCode), customer.PostalCode);
        Text(writer, nameof(customer.WebAddress), customer.WebAddress);
        Text(writer, nameof(customer.Notes), customer.Notes);
        Timestamp(writer, nameof(customer.CreatedUtc), customer.CreatedUtc);
        Timestamp(writer, nameof(customer.UpdatedUtc), customer.UpdatedUtc);
        writer.WriteEndObject();
    }

    private static void WriteService(JsonWriter writer, ServiceMapping service)
    {
        writer.WriteStartObject();
        Text(writer, nameof(service.Source), service.Source);
        Text(writer, nameof(service.Sku), service.Sku);
        Text(writer, nameof(service.Action), service.Action.ToString());
        Id(writer, nameof(service.ServiceId), service.ServiceId);
        Id(writer, nameof(service.ProductId), service.ProductId);
        Text(writer, nameof(service.NameTemplate), service.NameTemplate);
        Name(writer, nameof(service.Excluded));
        writer.WriteValue(service.Excluded);
        Text(writer, nameof(service.Notes), service.Notes);
        Timestamp(writer, nameof(service.CreatedUtc), service.CreatedUtc);
        Timestamp(writer, nameof(service.UpdatedUtc), service.UpdatedUtc);
        writer.WriteEndObject();
    }

    private static void Name(JsonWriter writer, string propertyName) =>
        writer.WritePropertyName(MappingText.CamelCase(propertyName));

    private static void Text(JsonWriter writer, string propertyName, string? value)
    {
        Name(writer, propertyName);
        writer.WriteValue(value);
    }

    private static void Id(JsonWriter writer, string propertyName, long? id)
    {
        Name(writer, propertyName);
        writer.WriteValue(id);
    }

    private static void Timestamp(JsonWriter writer, string propertyName, DateTime? utc) =>
        Text(writer, propertyName, utc is null ? null : MappingText.FormatTimestamp(utc));

    /// <summary>Whole numbers are written without a decimal point (50, not 50.0) to keep hand-edited files tidy.</summary>
    private static void Number(JsonWriter writer, string propertyName, decimal value)
    {
        Name(writer, propertyName);
        if (value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue)
        {
            writer.WriteValue((long)value);
        }
        else
        {
            writer.WriteValue(value);
        }
    }
}
