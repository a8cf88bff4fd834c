using Autotask.Billing.Sandbox;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sync;

/// <summary>Everything sync can write in a sandbox, by names instead of ids, sorted: equal fingerprints mean equal end states.</summary>
internal static class SandboxFingerprint
{
    public static IReadOnlyList<string> Of(AutotaskSandbox sandbox)
    {
        IReadOnlyList<JObject> Rows(string entity) => sandbox.Data.All(entity);
        Dictionary<long, string> Names(string entity, string field) =>
            Rows(entity).ToDictionary(static row => row.Value<long>("id"), row => (string?)row[field] ?? string.Empty);

        var companies = Names("Companies", "companyName");
        var contracts = Names("Contracts", "contractName");
        var services = Names("Services", "name");
        var contractServices = Rows("ContractServices").ToDictionary(
            static row => row.Value<long>("id"),
            row => $"{Name(contracts, row["contractID"])}|{Name(services, row["serviceID"])}");
        var lines = new List<string>();
        lines.AddRange(Rows("Companies").Select(r => $"Company|{r["companyName"]}|{r["companyType"]}|{r["phone"]}|{r["ownerResourceID"]}|{r["address1"]}|{r["city"]}|{r["state"]}|{r["postalCode"]}|{r["webAddress"]}"));
        lines.AddRange(Rows("Services").Select(r => $"Service|{r["name"]}|{r["sku"]}|{Name(companies, r["vendorCompanyID"])}|{r["periodType"]}|{r["billingCodeID"]}|{r["unitPrice"]}"));
        lines.AddRange(Rows("Products").Select(r => $"Product|{r["name"]}|{r["vendorProductNumber"]}|{Name(companies, r["defaultVendorID"])}"));
        lines.AddRange(Rows("Contracts").Select(r => $"Contract|{Name(companies, r["companyID"])}|{r["contractName"]}|{r["startDate"]}|{r["endDate"]}|{r["contractType"]}|{r["status"]}|{r["contractPeriodType"]}"));
        lines.AddRange(Rows("ContractServices").Select(r => $"ContractService|{contractServices[r.Value<long>("id")]}|{r["unitPrice"]}|{r["unitCost"]}|{r["adjustedPrice"]}"));
        lines.AddRange(Rows("ContractServiceUnits").Select(r => $"Units|{contractServices[r.Value<long>("contractServiceID")]}|{r["startDate"]}|{r["endDate"]}|{r["units"]}|{r["price"]}|{r["cost"]}"));
        lines.AddRange(Rows("ContractServiceAdjustments").Select(r => $"Adjustment|{contractServices[r.Value<long>("contractServiceID")]}|{r["effectiveDate"]}|{r["unitChange"]}|{r["adjustedUnitPrice"]}|{r["adjustedUnitCost"]}"));
        lines.AddRange(Rows("ContractCharges").Select(r => $"Charge|{Name(contracts, r["contractID"])}|{r["name"]}|{r["internalPurchaseOrderNumber"]}|{r["unitQuantity"]}|{r["unitPrice"]}|{r["unitCost"]}|{r["datePurchased"]}|{r["isBilled"]}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Name(Dictionary<long, string> names, JToken? id) =>
        id is null || id.Type == JTokenType.Null ? "-" : names.TryGetValue(id.Value<long>(), out var name) ? name : "#" + id.ToString(Formatting.None);
}
