using Autotask.Billing.Mapping;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// A tenant and differences whose plan has exactly 50 operations of every kind: a vendor, two services, a product, a new
/// company and contract with services, units, a prorated gap and a charge, and six existing contracts with unit
/// changes, a price-and-cost change, a new service and charges.
/// </summary>
internal static class FiftyOperationScenario
{
    public static readonly DateTime Today = new(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ContractStart = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Changed = new(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<ContractDifference> Seed(SyncTenant tenant)
    {
        var e3 = tenant.Service("O365-E3");
        var e1 = tenant.Service("O365-E1");
        var product = tenant.Sandbox.Data.Insert("Products", new JObject
        {
            ["name"] = "Setup", ["vendorProductNumber"] = "SETUP", ["productBillingCodeID"] = SyncTenant.MaterialBillingCode,
            ["isActive"] = true, ["isSerialized"] = false,
        });
        var differences = new List<ContractDifference>
        {
            Differences.Units(
                DifferenceKind.MissingService, "Fabrikam", "NEW-A", Today, 4, autotaskQuantity: 0, createCompany: true,
                createContract: true, phone: "555-0123", effective: Today, changed: Changed, policy: EffectiveDatePolicy.NextPeriodStart,
                vendorPrice: 6m, vendorCost: 4m, targetPrice: 6m, targetCost: 4m),
            Differences.Units(
                DifferenceKind.MissingService, "Fabrikam", "NEW-B", Today, 2, autotaskQuantity: 0, createCompany: true,
                createContract: true, phone: "555-0123", effective: Changed, changed: Changed, targetPrice: 3m, targetCost: 2m),
            Differences.Charge("Fabrikam", "SETUP", "T-F1", Today, 1, 250m, 180m, createContract: true, productId: product),
            Differences.Charge("Fabrikam", "HW-1", "T-F2", Today, 1, 400m, 310m, createContract: true, kind: DifferenceKind.MissingProduct, productToCreate: "Hardware kit"),
        };

        for (var i = 1; i <= 6; i++)
        {
            var name = $"Customer {i}";
            var company = tenant.Company(name);
            var contract = tenant.Contract(company, "Cloud services, " + name, ContractStart);
            var e3Line = tenant.Units(contract, e3, ContractStart, 10, 12m, 8m);
            var e1Line = tenant.Units(contract, e1, ContractStart, 5, 7m, 5m);
            differences.Add(Differences.Units(
                DifferenceKind.QuantityChange, name, "O365-E3", Today, 12, autotaskQuantity: 10, companyId: company, contractId: contract,
                serviceId: e3, contractServiceId: e3Line, autotaskPrice: 12m, autotaskCost: 8m, targetPrice: 13m, targetCost: 9m, effective: Today));
            differences.Add(Differences.Units(
                DifferenceKind.QuantityChange, name, "O365-E1", Today, 7, autotaskQuantity: 5, companyId: company, contractId: contract,
                serviceId: e1, contractServiceId: e1Line, autotaskPrice: 7m, autotaskCost: 5m, effective: Today));
            differences.Add(Differences.Units(
                DifferenceKind.MissingService, name, "NEW-A", Today, 3, autotaskQuantity: 0, companyId: company, contractId: contract,
                effective: Today, targetPrice: 6m, targetCost: 4m));
            differences.Add(Differences.Charge(name, "SETUP", $"T-C{i}", Today, 2, 40m, 25m, company, contract, productId: product));
            if (i <= 1)
            {
                differences.Add(Differences.Charge(name, "SETUP", $"T-C{i}b", Today, 1, 15m, 9m, company, contract, productId: product));
            }
        }

        return differences;
    }
}
