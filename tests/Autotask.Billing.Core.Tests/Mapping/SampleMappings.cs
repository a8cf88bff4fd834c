using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

internal static class SampleMappings
{
    public static readonly DateTime Monday = new(2024, 5, 6, 9, 30, 0, DateTimeKind.Utc);
    public static readonly DateTime Tuesday = new(2024, 5, 7, 14, 0, 0, DateTimeKind.Utc);

    public static CustomerMapping ExistingCustomer(string customerId = "acct-1001", long companyId = 29683001, long contractId = 29684001) =>
        new("Intermedia", customerId)
        {
            CustomerName = "Contoso Pharmaceuticals Ltd",
            CompanyAction = MappingAction.Existing,
            CompanyId = companyId,
            ContractAction = MappingAction.Existing,
            ContractId = contractId,
            PricingStrategy = PricingStrategy.CostOnly,
            EffectiveDatePolicy = EffectiveDatePolicy.NextPeriodStart,
            SyncStartDate = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc),
            Notes = "Mapped in the May review",
        };

    public static CustomerMapping NewCustomer(string customerId = "acct-1002") =>
        new("Intermedia", customerId)
        {
            CustomerName = "Fabrikam GmbH",
            CompanyAction = MappingAction.Create,
            ContractAction = MappingAction.Create,
            Export = false,
            Phone = "+49 30 555 0100",
            Address = "Friedrichstraße 12",
            City = "Berlin",
            State = "BE",
            PostalCode = "10117",
            WebAddress = "https://fabrikam.de",
        };

    public static ServiceMapping ExistingService(string sku = "PMX00010MX0R") =>
        new("Intermedia", sku) { Action = MappingAction.Existing, ServiceId = 29685001, ProductId = 29686001 };

    public static ServiceMapping CreatedService(string sku = "LYN002NR") =>
        new("Intermedia", sku) { Action = MappingAction.Create, NameTemplate = "PC_{Sku}" };

    public static BillingSettings Settings() =>
        new()
        {
            RecurringBillingCodeId = 29682801,
            MaterialBillingCodeId = 29682802,
            DefaultAccountManagerResourceId = 29682885,
            VendorCompanyNames = new Dictionary<string, string> { ["Intermedia"] = "Intermedia Inc.", ["Pax8"] = "Pax8" },
            VendorPhones = new Dictionary<string, string> { ["Intermedia Inc."] = "+1 800 555 0142" },
            SalesReps = new Dictionary<string, string> { ["jsmith@example.com"] = "alex.morgan" },
            Currency = "EUR",
            UsageAsService = true,
            ServiceNameTemplate = "PC_{Sku}",
            DefaultPricingStrategy = PricingStrategy.NoneOnUpdate,
            DefaultEffectiveDatePolicy = EffectiveDatePolicy.PeriodStart,
            QuantityChangeThresholdPercent = 25.5m,
            QuantityChangeMinimumUnits = 3m,
            RemovalPolicy = RemovalPolicy.ReportOnly,
            SyncMayCreate = CreatableEntities.Services | CreatableEntities.Contracts,
        };

    public static MappingDocument Document() =>
        MappingDocument.Empty
            .WithSettings(Settings())
            .WithCustomers(new[] { NewCustomer(), ExistingCustomer() }, Monday)
            .WithServices(new[] { CreatedService(), ExistingService() }, Monday);
}
