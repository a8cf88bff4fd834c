using System.Reflection;
using Autotask.Billing.Sandbox.Engine;
using Autotask.Billing.Sandbox.Model;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox;

// The demo Autotask tenant and the vendor export that goes with it (Generic CSV, October 2026, USD).
//
// The export matches the tenant line for line (customer ↔ company by name and web domain, SKU ↔ service,
// quantity ↔ units in force on 2026-10-31, unit price and cost ↔ contract service price and service cost)
// except for these deliberate differences, one of each kind a reconciliation must find:
//   1. Seat increase  — Fabrikam Logistics, Microsoft 365 Business Standard (CFQ7TTC0LDPB): 28 billed, 25 on the contract.
//   2. Seat decrease  — Northwind Traders, Microsoft 365 Business Basic (CFQ7TTC0LH18): 36 billed, 40 on the contract.
//   3. Not on contract — Tailspin Toys is billed Exchange Online (Plan 1) (CFQ7TTC0LH16), a catalog service its contract lacks.
//   4. Not in catalog — Adventure Works Cycles is billed Microsoft Teams Premium (CFQ7TTC0RM8K); no Service has that SKU.
//   5. Price change   — Woodgrove Accounting, Acronis Cyber Protect (ACR-CPC-WS): billed at 6.95 / cost 4.60, contract 6.50 / 4.25.
//   6. Unknown customer — Litware Inc (litwareinc.com, Microsoft 365 Business Basic × 6) has no company in Autotask.
//   7. One-time charge — Contoso Dental Group bought 2 × Surface Dock 2 (product SURF-DOCK-2), not yet charged.
//   8. Usage line     — Adventure Works Cycles' Azure plan consumption (DZH318Z0BQ4L), 312.45 for the month.
// Unit rows are approved and posted through 2026-09-30, and Contoso's onboarding charge is already billed.
public static class DemoTenant
{
    public const string ExportMonth = "2026-10";

    private const string ResourceName = "Autotask.Billing.Sandbox.DemoTenant.demo-export.csv";

    private static readonly Lazy<string> Export = new(() =>
    {
        using var stream = typeof(DemoTenant).GetTypeInfo().Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The demo export resource is missing from the sandbox assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly DemoService[] Catalog =
    {
        new("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m, Microsoft),
        new("CFQ7TTC0LDPB", "Microsoft 365 Business Standard", 15.00m, 12.50m, Microsoft),
        new("CFQ7TTC0LCHC", "Microsoft 365 Business Premium", 26.40m, 22.00m, Microsoft),
        new("CFQ7TTC0LF8R", "Office 365 E3", 27.60m, 23.00m, Microsoft),
        new("CFQ7TTC0LH16", "Exchange Online (Plan 1)", 4.80m, 4.00m, Microsoft),
        new("CFQ7TTC0LFK0", "Microsoft Defender for Business", 3.60m, 3.00m, Microsoft),
        new("CFQ7TTC0QW7F", "Microsoft Teams Essentials", 4.80m, 4.00m, Microsoft),
        new("ACR-CPC-WS", "Acronis Cyber Protect Cloud - Workstation", 6.50m, 4.25m, Pax8),
    };

    // Units as (SKU, initial units on 2026-01-01, later change, date of the change).
    private static readonly DemoCustomer[] Customers =
    {
        new("Contoso Dental Group", "https://www.contoso-dental.com", "555-0142", "Dana", "Whitfield",
            ("CFQ7TTC0LCHC", 10, 2, "2026-06-15"), ("CFQ7TTC0LFK0", 12, 0, null), ("ACR-CPC-WS", 10, 0, null)),
        new("Fabrikam Logistics", "https://fabrikam-logistics.com", "555-0178", "Marco", "Bellini",
            ("CFQ7TTC0LDPB", 25, 0, null), ("CFQ7TTC0LH16", 8, 0, null)),
        new("Northwind Traders", "https://www.northwindtraders.com", "555-0113", "Priya", "Raman",
            ("CFQ7TTC0LH18", 35, 5, "2026-03-01"), ("CFQ7TTC0QW7F", 5, 0, null)),
        new("Adventure Works Cycles", "https://adventure-works.com", "555-0190", "Jonas", "Eklund",
            ("CFQ7TTC0LF8R", 17, -2, "2026-08-10"), ("ACR-CPC-WS", 15, 0, null), ("CFQ7TTC0LH16", 3, 0, null)),
        new("Tailspin Toys", "https://tailspintoys.com", "555-0127", "Hannah", "Okafor",
            ("CFQ7TTC0LCHC", 7, 0, null), ("CFQ7TTC0LFK0", 7, 0, null)),
        new("Woodgrove Accounting", "https://www.woodgrove-cpa.com", "555-0165", "Liam", "Carver",
            ("CFQ7TTC0LDPB", 9, 0, null), ("ACR-CPC-WS", 9, 0, null), ("CFQ7TTC0QW7F", 2, 0, null), ("CFQ7TTC0LH16", 4, 0, null)),
    };

    private const string Microsoft = "Microsoft";
    private const string Pax8 = "Pax8";

    // The demo vendor export in the Generic CSV format.
    public static string DemoExportCsv => Export.Value;

    internal static SandboxTenant Create(SandboxOptions options)
    {
        var tenant = TenantSeeder.CreateEmpty(options);
        var owner = 29682881L;
        var vendors = new Dictionary<string, long>
        {
            [Pax8] = Company(tenant, Pax8, "https://www.pax8.com", "555-0101", 36, owner),
            [Microsoft] = Company(tenant, "Microsoft", "https://www.microsoft.com", "555-0102", 36, owner),
        };
        tenant.Store.AddUserDefinedField(EntitySchemas.Companies, new UserDefinedFieldDefinition("Customer Ranking", FieldType.String));

        var services = new Dictionary<string, long>();
        foreach (var service in Catalog)
        {
            services[service.Sku] = TenantSeeder.Insert(tenant, EntitySchemas.Services, new JObject
            {
                ["name"] = service.Name, ["description"] = service.Name + " (monthly, per user)", ["invoiceDescription"] = service.Name,
                ["sku"] = service.Sku, ["manufacturerServiceProviderProductNumber"] = service.Sku, ["manufacturerServiceProvider"] = service.Vendor,
                ["periodType"] = 1, ["unitPrice"] = service.Price, ["unitCost"] = service.Cost, ["billingCodeID"] = 29682701,
                ["vendorCompanyID"] = vendors[service.Vendor], ["isActive"] = true,
            });
        }

        TenantSeeder.Insert(tenant, EntitySchemas.Products, new JObject
        {
            ["name"] = "Surface Dock 2", ["description"] = "Microsoft Surface Dock 2", ["sku"] = "SURF-DOCK-2", ["manufacturerName"] = "Microsoft",
            ["manufacturerProductName"] = "Surface Dock 2", ["vendorProductNumber"] = "SURF-DOCK-2", ["productBillingCodeID"] = 29682710,
            ["defaultVendorID"] = vendors[Pax8], ["unitPrice"] = 129.00m, ["unitCost"] = 99.00m, ["isActive"] = true, ["isSerialized"] = false,
        });
        var setupFee = TenantSeeder.Insert(tenant, EntitySchemas.Products, new JObject
        {
            ["name"] = "Microsoft 365 Onboarding", ["description"] = "One-time tenant setup and migration", ["sku"] = "SETUP-M365",
            ["productBillingCodeID"] = 29682711, ["unitPrice"] = 250.00m, ["unitCost"] = 0m, ["isActive"] = true, ["isSerialized"] = false,
        });

        var context = new WriteContext(tenant.ApiUser.ResourceId, null, tenant.Now);
        var adjustments = EntitySchemas.Get(EntitySchemas.ContractServiceAdjustments);
        long? firstContract = null;
        foreach (var customer in Customers)
        {
            var companyId = Company(tenant, customer.Name, customer.WebAddress, customer.Phone, 31, owner);
            TenantSeeder.Insert(tenant, EntitySchemas.Contacts, new JObject
            {
                ["companyID"] = companyId, ["firstName"] = customer.ContactFirstName, ["lastName"] = customer.ContactLastName,
                ["emailAddress"] = $"{customer.ContactFirstName.ToLowerInvariant()}@{new Uri(customer.WebAddress).Host.Replace("www.", string.Empty)}",
                ["isActive"] = 1, ["primaryContact"] = true,
            });
            var contractId = TenantSeeder.Insert(tenant, EntitySchemas.Contracts, new JObject
            {
                ["companyID"] = companyId, ["contractName"] = "Cloud services, " + customer.Name, ["contractType"] = 7, ["status"] = 1,
                ["startDate"] = "2026-01-01T00:00:00.000", ["endDate"] = "2035-12-31T00:00:00.000", ["contractPeriodType"] = 1,
                ["timeReportingRequiresStartAndStopTimes"] = 1, ["description"] = "Monthly cloud subscriptions",
            });
            firstContract ??= contractId;
            if (customer.Name == "Contoso Dental Group")
            {
                // An open opportunity, so a sales document can be attached to one that exists (Sync-AtQuote -OpportunityId).
                TenantSeeder.Insert(tenant, EntitySchemas.Opportunities, new JObject
                {
                    ["companyID"] = companyId, ["title"] = "Contoso Dental - workstation refresh", ["ownerResourceID"] = owner, ["stage"] = 92,
                    ["status"] = 1, ["probability"] = 60, ["projectedCloseDate"] = "2026-12-15T00:00:00.000", ["amount"] = 4800m, ["cost"] = 3600m,
                    ["useQuoteTotals"] = true, ["description"] = "Ten new workstations for the treatment rooms",
                });
            }
            foreach (var (sku, units, change, changeDate) in customer.Services)
            {
                Adjust(tenant, adjustments, contractId, services[sku], "2026-01-01", units, context);
                if (changeDate != null)
                {
                    Adjust(tenant, adjustments, contractId, services[sku], changeDate, change, context);
                }
            }
        }

        TenantSeeder.Insert(tenant, EntitySchemas.ContractCharges, new JObject
        {
            ["contractID"] = firstContract, ["name"] = "Microsoft 365 Onboarding", ["description"] = "Tenant setup and mailbox migration",
            ["chargeType"] = 1, ["status"] = 73, ["datePurchased"] = "2026-01-15T00:00:00.000", ["unitQuantity"] = 1, ["unitPrice"] = 250.00m,
            ["unitCost"] = 0m, ["productID"] = setupFee, ["isBillableToCompany"] = true, ["isBilled"] = true,
        });
        tenant.Recurring.ApproveAndPost(new DateTime(2026, 9, 30, 0, 0, 0, DateTimeKind.Utc), null, tenant.Now);
        return tenant;
    }

    private static long Company(SandboxTenant tenant, string name, string webAddress, string phone, int type, long owner) =>
        TenantSeeder.Insert(tenant, EntitySchemas.Companies, new JObject
        {
            ["companyName"] = name, ["companyType"] = type, ["webAddress"] = webAddress, ["phone"] = phone,
            ["ownerResourceID"] = owner, ["isActive"] = true, ["countryID"] = 237,
        });

    private static void Adjust(SandboxTenant tenant, EntityDefinition adjustments, long contractId, long serviceId, string date, int units, WriteContext context) =>
        tenant.Writer.Create(adjustments, new JObject
        {
            ["contractID"] = contractId, ["serviceID"] = serviceId, ["effectiveDate"] = date + "T00:00:00", ["unitChange"] = units,
        }, null, context);

    private sealed class DemoService
    {
        public DemoService(string sku, string name, decimal price, decimal cost, string vendor)
        {
            Sku = sku;
            Name = name;
            Price = price;
            Cost = cost;
            Vendor = vendor;
        }

        public string Sku { get; }

        public string Name { get; }

        public decimal Price { get; }

        public decimal Cost { get; }

        public string Vendor { get; }
    }

    private sealed class DemoCustomer
    {
        public DemoCustomer(string name, string webAddress, string phone, string contactFirstName, string contactLastName, params (string Sku, int Units, int Change, string? ChangeDate)[] services)
        {
            Name = name;
            WebAddress = webAddress;
            Phone = phone;
            ContactFirstName = contactFirstName;
            ContactLastName = contactLastName;
            Services = services;
        }

        public string Name { get; }

        public string WebAddress { get; }

        public string Phone { get; }

        public string ContactFirstName { get; }

        public string ContactLastName { get; }

        public IReadOnlyList<(string Sku, int Units, int Change, string? ChangeDate)> Services { get; }
    }
}
