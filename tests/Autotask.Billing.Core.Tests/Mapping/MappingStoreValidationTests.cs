using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class MappingStoreValidationTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_problem_in_a_hand_edited_store_is_reported_at_once_with_its_json_path_and_line()
    {
        const string handEdited = """
            {
              "schemaVersion": 1,
              "settings": {
                "recurringBillingCodeId": -4,
                "serviceNameTemplate": "PC_",
                "defaultPricingStrategy": "Cheapest",
                "quantityChangeThresholdPercent": "fifty",
                "syncMayCreate": [ "Services", "Tickets" ]
              },
              "customers": [
                {
                  "source": "Intermedia",
                  "customerId": "acct-1",
                  "companyAction": "Existing",
                  "companyId": 29683001,
                  "contractAction": "Existing",
                  "contractId": 29684001,
                  "syncStartDate": "2024-13-01"
                },
                {
                  "source": "Intermedia",
                  "customerId": "ACCT-1",
                  "companyId": 29683002,
                  "contractId": 29684002
                },
                {
                  "source": "Pax8",
                  "customerId": "c-2",
                  "companyAction": "Existing",
                  "contractAction": "Create",
                  "pricingStrategie": "CostOnly"
                },
                {
                  "source": "Pax8",
                  "customerId": "c-3",
                  "companyAction": "Create",
                  "contractAction": "Existing",
                  "contractId": 29684003
                }
              ],
              "services": [
                { "source": "Pax8", "sku": "M365-BP", "action": "Existing" },
                { "source": "Pax8", "sku": "M365-E3", "action": "Create", "nameTemplate": "X_{Part}" }
              ]
            }
            """;
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, handEdited);

        var refused = Assert.Throws<MappingValidationException>(() => MappingStore.Open(path));

        var byPath = refused.Problems.ToDictionary(p => p.Path, p => p);
        Assert.Contains("not an Autotask id", byPath["settings.recurringBillingCodeId"].Message);
        Assert.Equal(4, byPath["settings.recurringBillingCodeId"].LineNumber);
        Assert.Contains("'Cheapest' is not a pricing strategy; use one of SyncCostAndPrice, CostOnly, None, NoneOnUpdate", byPath["settings.defaultPricingStrategy"].Message);
        Assert.Contains("expected a number", byPath["settings.quantityChangeThresholdPercent"].Message);
        Assert.Contains("Tickets", byPath["settings.syncMayCreate[1]"].Message);
        Assert.Contains("'2024-13-01' is not a date", byPath["customers[0].syncStartDate"].Message);
        Assert.Contains("already mapped at customers[0]", byPath["customers[1]"].Message);
        Assert.Contains("company id is required when CompanyAction is Existing", byPath["customers[2].companyId"].Message);
        Assert.Contains("unknown property 'pricingStrategie'", byPath["customers[2].pricingStrategie"].Message);
        Assert.Contains("the contract must be created too", byPath["customers[3].contractAction"].Message);
        Assert.Contains("ServiceId (recurring lines) or ProductId", byPath["services[0].serviceId"].Message);
        Assert.Contains("unknown placeholder '{Part}'", byPath["services[1].nameTemplate"].Message);
        Assert.Contains("does not contain {Sku}", byPath["settings.serviceNameTemplate"].Message);
        Assert.Equal(12, refused.Problems.Count);
        Assert.Contains("has 12 problems", refused.Message);
    }

    [Fact]
    public void A_settings_problem_found_only_by_the_rules_names_the_setting()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "settings": { "serviceNameTemplate": "PC_" } }""");

        var refused = Assert.Throws<MappingValidationException>(() => MappingStore.Read(path));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("settings.serviceNameTemplate", problem.Path);
        Assert.Contains("does not contain {Sku}", problem.Message);
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused_with_the_line_of_the_error()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, "{\n  \"schemaVersion\": 1,\n  \"customers\": [\n    { \"source\": \"Intermedia\" \n  ]\n}\n");

        var refused = Assert.Throws<MappingValidationException>(() => MappingStore.Read(path));

        var problem = Assert.Single(refused.Problems);
        Assert.Contains("not valid JSON", problem.Message);
        Assert.Equal(5, problem.LineNumber);
    }

    [Fact]
    public void A_store_written_by_a_newer_version_is_refused_rather_than_misread()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, """{ "schemaVersion": 2, "customers": [] }""");

        var refused = Assert.Throws<MappingValidationException>(() => MappingStore.Read(path));

        Assert.Contains("written by a newer Autotask.Billing", Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public void A_misspelt_key_is_reported_with_the_right_spelling()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "Customers": [] }""");

        var refused = Assert.Throws<MappingValidationException>(() => MappingStore.Read(path));

        Assert.Contains("did you mean 'customers'?", Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public void A_refused_store_releases_its_lock()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, "not json");
        Assert.Throws<MappingValidationException>(() => MappingStore.Open(path));
        File.WriteAllText(path, """{ "schemaVersion": 1 }""");

        using var store = MappingStore.Open(path);

        Assert.Empty(store.Document.Customers);
    }

    [Fact]
    public void A_minimal_hand_written_store_uses_the_documented_defaults()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, """
            {
              "schemaVersion": 1,
              "customers": [ { "source": "Pax8", "customerId": "c-1", "companyId": 5, "contractId": 7 } ]
            }
            """);

        var document = MappingStore.Read(path);

        var customer = Assert.Single(document.Customers);
        Assert.Equal(MappingAction.Existing, customer.CompanyAction);
        Assert.True(customer.Export);
        Assert.Null(customer.PricingStrategy);
        Assert.Equal(BillingSettings.Default, document.Settings);
        Assert.Equal(50m, document.Settings.QuantityChangeThresholdPercent);
        Assert.Equal(5m, document.Settings.QuantityChangeMinimumUnits);
        Assert.Equal(CreatableEntities.All, document.Settings.SyncMayCreate);
        Assert.Equal("USD", document.Settings.Currency);
        Assert.False(document.Settings.UsageAsService);
        Assert.Empty(document.Settings.VendorPhones);
        Assert.Null(customer.Phone);
        Assert.Null(customer.WebAddress);
    }

    [Fact]
    public void Contact_details_and_settings_that_sync_could_not_write_to_Autotask_are_refused()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, """
            {
              "schemaVersion": 1,
              "settings": { "currency": "usd", "vendorPhones": { "Pax8": "ask Bob" } },
              "customers": [ { "source": "Pax8", "customerId": "c-1", "companyAction": "Create", "contractAction": "Create",
                               "phone": "n/a", "postalCode": "12345-67890", "city": " " } ]
            }
            """);

        var refused = Assert.Throws<MappingValidationException>(() => MappingStore.Read(path));

        var byPath = refused.Problems.ToDictionary(p => p.Path, p => p.Message);
        Assert.Equal(5, byPath.Count);
        Assert.Contains("not a currency code", byPath["settings.currency"]);
        Assert.Contains("'ask Bob' is not a phone number", byPath["settings.vendorPhones"]);
        Assert.Contains("'n/a' is not a phone number", byPath["customers[0].phone"]);
        Assert.Contains("holds at most 10", byPath["customers[0].postalCode"]);
        Assert.Contains("must not be blank", byPath["customers[0].city"]);
    }

    [Fact]
    public void Two_sales_reps_on_one_resource_are_refused_because_reps_map_one_to_one()
    {
        var path = folder.File("mappings-1.json");
        File.WriteAllText(path, """
            {
              "schemaVersion": 1,
              "settings": { "salesReps": { "jsmith": "alex.morgan", "Jane Doe": "Alex.Morgan", "kim": " " } }
            }
            """);

        var refused = Assert.Throws<MappingValidationException>(() => MappingStore.Read(path));

        Assert.All(refused.Problems, p => Assert.StartsWith("settings.salesReps", p.Path, StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Message.Contains("sales reps 'Jane Doe', 'jsmith' all map to resource", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Message.Contains("'kim'", StringComparison.Ordinal));
    }
}
