using Autotask.Billing.Sandbox.Engine;
using Autotask.Billing.Sandbox.Model;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox;

// The contents of a new Autotask database. System picklists carry Autotask's fixed values, the same in every
// tenant, so third-party clients that post literal values (companyType 1 = Customer) work; see
// docs/autotask-api-notes.md for the sources and which values are verified. Only picklists that real tenants
// configure themselves (charge status, product billing type, billing-code use type) keep tenant-style numbers,
// so a client that hard-codes those instead of reading entityInformation/fields still fails here.
internal static class TenantSeeder
{
    public const long DatabaseId = 2948271;

    public static SandboxTenant CreateEmpty(SandboxOptions options)
    {
        var tenant = new SandboxTenant(
            DatabaseId,
            new SandboxApiUser("sandbox-api@autotask-billing.test", "Sandbox-Secret-2026!", "SANDBOX-INTEGRATION-CODE", 29682880),
            options);
        SeedPicklists(tenant);
        SeedResources(tenant);
        Insert(tenant, EntitySchemas.Companies, new JObject
        {
            ["id"] = 0, ["companyName"] = "Sandbox Managed Services", ["companyType"] = 1, ["phone"] = "555-0100",
            ["ownerResourceID"] = 29682881, ["webAddress"] = "https://sandbox-msp.example", ["isActive"] = true,
            ["city"] = "Springfield", ["createDate"] = "2020-01-01T00:00:00.000",
        });
        SeedBillingCodes(tenant);
        return tenant;
    }

    public static long Insert(SandboxTenant tenant, string entity, JObject values) =>
        tenant.Writer.Seed(EntitySchemas.Get(entity), values, new WriteContext(tenant.ApiUser.ResourceId, null, tenant.Now));

    private static void SeedPicklists(SandboxTenant tenant)
    {
        var store = tenant.Store;
        store.SetPicklist(EntitySchemas.Companies, "companyType", List(1, "Customer", 2, "Lead", 3, "Prospect", 4, "Dead", 6, "Cancellation", 7, "Vendor", 8, "Partner"));
        store.SetPicklist(EntitySchemas.Contracts, "contractType", List(1, "Time & Materials", 3, "Fixed Price", 4, "Block Hours", 6, "Retainer", 7, "Recurring Service", 8, "Per Ticket"));
        store.SetPicklist(EntitySchemas.Contracts, "status", List(1, "Active", 0, "Inactive"));
        var periods = List(1, "Monthly", 2, "Quarterly", 3, "Semi-Annual", 4, "Yearly");
        store.SetPicklist(EntitySchemas.Contracts, "contractPeriodType", periods);
        store.SetPicklist(EntitySchemas.Services, "periodType", periods);
        store.SetPicklist(EntitySchemas.Products, "periodType", periods);
        store.SetPicklist(EntitySchemas.Products, "billingType", List(51, "Standard", 52, "Subscription", 53, "Per Use"));

        // Opportunity status, quote item type and sales order status are system picklists (the same in every tenant; the
        // numbers are the SOAP-era ones, unverified against a live tenant); stage, payment terms and shipping types are
        // tenant data.
        store.SetPicklist(EntitySchemas.Opportunities, "status", new[]
        {
            new PicklistValue(0, "Not Ready To Buy", 1, isSystem: true), new PicklistValue(1, "Active", 2, isDefault: true, isSystem: true),
            new PicklistValue(2, "Lost", 3, isSystem: true), new PicklistValue(3, "Closed", 4, isSystem: true),
            new PicklistValue(4, "Implemented", 5, isSystem: true),
        });
        store.SetPicklist(EntitySchemas.Opportunities, "stage", List(91, "Qualifying", 92, "Proposal", 93, "Negotiation", 94, "Won"));
        store.SetPicklist(EntitySchemas.Quotes, "paymentTerm", new[]
        {
            new PicklistValue(101, "Net 30", 1), new PicklistValue(102, "Net 15", 2), new PicklistValue(103, "Due on Receipt", 3),
        });
        store.SetPicklist(EntitySchemas.Quotes, "shippingType", new[]
        {
            new PicklistValue(111, "Ground", 1), new PicklistValue(112, "Next Day Air", 2), new PicklistValue(113, "Customer Pickup", 3),
        });
        store.SetPicklist(EntitySchemas.QuoteItems, "quoteItemType", new[]
        {
            new PicklistValue(1, "Product", 1, isSystem: true), new PicklistValue(2, "Cost", 2, isSystem: true),
            new PicklistValue(3, "Labor", 3, isSystem: true), new PicklistValue(4, "Expense Item", 4, isSystem: true),
            new PicklistValue(6, "Shipping", 5, isSystem: true), new PicklistValue(11, "Service", 6, isSystem: true),
            new PicklistValue(12, "Service Bundle", 7, isSystem: true),
        });
        store.SetPicklist(EntitySchemas.QuoteItems, "periodType", periods.Select(v => new PicklistValue(v.Value, v.Label, v.SortOrder, isActive: v.IsActive, isSystem: v.IsSystem)));
        store.SetPicklist(EntitySchemas.SalesOrders, "status", new[]
        {
            new PicklistValue(1, "New", 1, isDefault: true, isSystem: true), new PicklistValue(2, "Partially Fulfilled", 2, isSystem: true),
            new PicklistValue(3, "Fulfilled", 3, isSystem: true), new PicklistValue(4, "Canceled", 4, isSystem: true),
        });

        // Product categories are tenant data with no default; these are what a new tenant's admin might set up.
        store.SetPicklist(EntitySchemas.Products, "productCategory", new[]
        {
            new PicklistValue(81, "Hardware", 1), new PicklistValue(82, "Networking", 2), new PicklistValue(83, "Software", 3),
            new PicklistValue(84, "Cloud Services", 4),
        });
        store.SetPicklist(EntitySchemas.ContractCharges, "chargeType", List(1, "Operational", 2, "Capitalized"));
        store.SetPicklist(EntitySchemas.ContractCharges, "status", List(71, "Needs to be Ordered/Delivered", 72, "Ordered", 73, "Delivered", 74, "Back Ordered", 75, "Canceled"));
        store.SetPicklist(EntitySchemas.BillingCodes, "billingCodeType", List(1, "Work Type", 2, "Material", 3, "Internal Time", 4, "Expense Category", 5, "Recurring Contract Service", 6, "Milestone"));
        store.SetPicklist(EntitySchemas.BillingCodes, "useType", List(91, "Standard", 92, "System"));
    }

    // The first value listed is the default.
    private static IEnumerable<PicklistValue> List(params object[] pairs)
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            yield return new PicklistValue((int)pairs[i], (string)pairs[i + 1], (i / 2) + 1, isDefault: i == 0);
        }
    }

    private static void SeedResources(SandboxTenant tenant)
    {
        Insert(tenant, EntitySchemas.Resources, new JObject
        {
            ["id"] = tenant.ApiUser.ResourceId, ["userName"] = tenant.ApiUser.UserName, ["firstName"] = "API", ["lastName"] = "Sandbox",
            ["email"] = tenant.ApiUser.UserName, ["isActive"] = true, ["resourceType"] = "Employee", ["userType"] = 17, ["licenseType"] = 7,
        });
        Insert(tenant, EntitySchemas.Resources, new JObject
        {
            ["id"] = 29682881, ["userName"] = "alex.morgan", ["firstName"] = "Alex", ["lastName"] = "Morgan", ["title"] = "Account Manager",
            ["email"] = "alex.morgan@sandbox-msp.example", ["isActive"] = true, ["resourceType"] = "Employee", ["userType"] = 1, ["licenseType"] = 1,
            ["hireDate"] = "2019-04-01T00:00:00.000",
        });
    }

    private static void SeedBillingCodes(SandboxTenant tenant)
    {
        void Code(long id, string name, int type, bool active = true, decimal? price = null) => Insert(tenant, EntitySchemas.BillingCodes, new JObject
        {
            ["id"] = id, ["name"] = name, ["description"] = name, ["billingCodeType"] = type, ["useType"] = 91, ["isActive"] = active,
            ["unitPrice"] = price, ["isExcludedFromNewContracts"] = false,
        });

        Code(29682700, "Cloud Services - Recurring", 5);
        Code(29682701, "Microsoft 365 Licensing", 5);
        Code(29682702, "Backup & Continuity", 5);
        Code(29682703, "Legacy Hosting", 5, active: false);
        Code(29682710, "Hardware", 2);
        Code(29682711, "Software - One Time", 2);
        Code(29682720, "Remote Support", 1, price: 150m);
    }
}
