using Autotask.Billing.Autotask;
using Autotask.Billing.Crm;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;

namespace Autotask.Billing.Tests.Crm;

public sealed class CompanySyncTests
{
    private static CrmCustomer Customer(string id, string name, string? phone = "555-0101", params CrmContact[] contacts) =>
        new("ChannelOnline", id, name, contacts, phone, "1 Main St", "Springfield", "IL", "62701", "example.com");

    private static CrmContact Person(string first, string last, string? email, bool primary = false, string? phone = "555-0102") =>
        new(first, last, email, phone, null, "IT Manager", primary);

    [Fact]
    public async Task Customers_and_contacts_are_created_once_and_a_rerun_writes_nothing()
    {
        using var tenant = new CrmTenant();
        var customers = new[]
        {
            Customer("C-1", "Alpha Dental", "555-0101", Person("Ann", "Lee", "ann@alpha.test", primary: true), Person("Bo", "Kim", "bo@alpha.test")),
            Customer("C-2", "Beta Legal", "555-0201", Person("Cy", "Diaz", "cy@beta.test", primary: true)),
        };

        var (_, first, results) = await tenant.PushAsync(customers);

        Assert.Equal(0, first.Failed);
        Assert.Equal(5, first.Applied);
        var companies = tenant.Companies();
        Assert.Equal(2, companies.Count);
        var contacts = tenant.All("Contacts");
        Assert.Equal(3, contacts.Count);
        var alpha = companies.Single(c => (string?)c["companyName"] == "Alpha Dental");
        Assert.Equal("555-0101", (string?)alpha["phone"]);
        Assert.True((bool)contacts.Single(c => (string?)c["emailAddress"] == "ann@alpha.test")["primaryContact"]!);
        Assert.Equal((long)alpha["id"]!, tenant.Document.FindCustomer("ChannelOnline", "C-1")!.CompanyId);
        Assert.Equal(MappingAction.Existing, tenant.Document.FindCustomer("ChannelOnline", "C-2")!.CompanyAction);
        Assert.True(File.Exists(first.JournalPath));

        var writesBefore = tenant.Writes;
        var (plan, second, _) = await tenant.PushAsync(customers);

        Assert.Empty(plan.Operations);
        Assert.Equal(2, plan.CustomersInStep);
        Assert.Equal(0, second.Total);
        Assert.Equal(writesBefore, tenant.Writes);
        Assert.Equal(2, tenant.Companies().Count);
        Assert.Equal(3, tenant.All("Contacts").Count);
    }

    [Fact]
    public async Task A_company_create_whose_answer_is_lost_is_unconfirmed_never_resent_and_the_next_push_converges()
    {
        using var tenant = new CrmTenant();
        var customers = new[] { Customer("C-9", "Late Logistics", "555-0901", Person("Lu", "Ng", "lu@late.test", primary: true)) };
        var clientOptions = tenant.Server.Options with { RequestTimeout = TimeSpan.FromSeconds(1.5), ConfirmDelay = TimeSpan.FromMilliseconds(100) };
        // No answer; the backend commits after the client's confirm window (its timeout) has closed.
        tenant.Sandbox.Faults.CommitLate(1, SandboxFaultKind.CommitLateWithoutAnswer, TimeSpan.FromSeconds(4), "Companies", "POST");

        var (_, first, results) = await tenant.PushAsync(customers, clientOptions: clientOptions);

        var company = Assert.Single(results, static r => r.OperationKind == SyncOperationKind.CreateCompany);
        Assert.Equal(SyncStatus.Unconfirmed, company.Status);
        var contact = Assert.Single(results, static r => r.OperationKind != SyncOperationKind.CreateCompany);
        Assert.Equal((SyncStatus.NotRun, SyncReasonCode.OutcomeUnknown), (contact.Status, contact.ReasonCode));
        Assert.Equal((1, 1), (first.Unconfirmed, first.ExitCode));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (tenant.Sandbox.Faults.LateCommitsPending > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // The late commit has landed: the second push must find that company, not create one of its own.
        Assert.Equal(0, tenant.Sandbox.Faults.LateCommitsPending);
        var (secondPlan, second, _) = await tenant.PushAsync(customers, clientOptions: clientOptions);

        Assert.DoesNotContain(secondPlan.Operations, static op => op.Kind == SyncOperationKind.CreateCompany);
        Assert.Equal((0, 0, 0), (second.Failed, second.Unconfirmed, second.ExitCode));
        Assert.Single(tenant.Companies(), static c => (string?)c["companyName"] == "Late Logistics");
        Assert.Single(tenant.All("Contacts"), static c => (string?)c["emailAddress"] == "lu@late.test");
    }

    [Fact]
    public async Task A_company_of_the_same_name_is_updated_and_its_contacts_matched_by_email_not_duplicated()
    {
        using var tenant = new CrmTenant();
        var existing = tenant.InsertCompany("Gamma Labs Inc.", phone: "555-0000");
        var ann = tenant.InsertContact(existing, "Ann", "Old-Name", "ANN@gamma.test");
        var customer = Customer("C-3", "Gamma Labs Inc", "555-0301", Person("Ann", "Lee", "ann@gamma.test", primary: true), Person("Dan", "Fox", null));

        var (plan, summary, _) = await tenant.PushAsync(new[] { customer });

        Assert.Equal(0, summary.Failed);
        Assert.DoesNotContain(plan.Operations, op => op.Kind == SyncOperationKind.CreateCompany);
        var update = Assert.Single(plan.Operations, op => op.Kind == SyncOperationKind.UpdateCompany);
        Assert.Contains("phone '555-0000' → '555-0301'", update.Action);
        Assert.Single(tenant.Companies());
        Assert.Equal("555-0301", (string?)tenant.Sandbox.Data.Get("Companies", existing)!["phone"]);
        var contacts = tenant.All("Contacts");
        Assert.Equal(2, contacts.Count);
        var updated = tenant.Sandbox.Data.Get("Contacts", ann)!;
        Assert.Equal("Lee", (string?)updated["lastName"]);
        Assert.True((bool)updated["primaryContact"]!);
        Assert.Equal(existing, tenant.Document.FindCustomer("ChannelOnline", "C-3")!.CompanyId);

        var (again, _, _) = await tenant.PushAsync(new[] { customer });
        Assert.Empty(again.Operations);
    }

    [Fact]
    public async Task A_customer_without_a_work_phone_is_held_back_unless_a_default_phone_is_given()
    {
        using var tenant = new CrmTenant();
        var customer = Customer("C-4", "Delta Farms", phone: null, Person("Eve", "Ng", "eve@delta.test", phone: null));

        var (plan, summary, results) = await tenant.PushAsync(new[] { customer });

        var held = Assert.Single(plan.Operations);
        Assert.Contains("no work phone", held.Problem);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(SyncReasonCode.IncompleteData, Assert.Single(results).ReasonCode);
        Assert.Empty(tenant.Companies());

        var (withDefault, applied, _) = await tenant.PushAsync(new[] { customer }, new CompanySyncOptions { DefaultPhone = "555-555-5555" });

        Assert.Contains("the default phone given", withDefault.Operations[0].Action);
        Assert.Equal(2, applied.Applied);
        Assert.Equal("555-555-5555", (string?)Assert.Single(tenant.Companies())["phone"]);
        Assert.Equal("555-555-5555", (string?)Assert.Single(tenant.All("Contacts"))["phone"]);
    }

    [Fact]
    public async Task Work365_rule_holds_back_a_customer_without_a_primary_contact()
    {
        using var tenant = new CrmTenant();
        var withPrimary = Customer("W-1", "Echo Ltd", "555-0401", Person("Fay", "Orr", "fay@echo.test", primary: true));
        var without = Customer("W-2", "Foxtrot Ltd", "555-0402", Person("Gus", "Poe", "gus@fox.test"));

        var (plan, summary, _) = await tenant.PushAsync(new[] { withPrimary, without }, new CompanySyncOptions { RequirePrimaryContact = true });

        Assert.Contains(plan.Operations, op => op.CustomerId == "W-2" && op.Problem!.Contains("no primary contact", StringComparison.Ordinal));
        Assert.Equal(1, summary.Failed);
        Assert.Equal("Echo Ltd", (string?)Assert.Single(tenant.Companies())["companyName"]);
        Assert.Null(tenant.Document.FindCustomer("ChannelOnline", "W-2"));
    }

    [Fact]
    public async Task Planning_alone_writes_nothing_to_Autotask_and_the_contact_selection_is_honoured()
    {
        using var tenant = new CrmTenant();
        var customer = Customer("C-5", "Golf Club", "555-0501", Person("Hal", "Ray", "hal@golf.test", primary: true), Person("Ida", "Sun", "ida@golf.test"));

        var plan = await tenant.PlanAsync(new[] { customer }, new CompanySyncOptions { Contacts = ContactSelection.Primary });

        Assert.Equal(0, tenant.Writes);
        Assert.Equal(new[] { SyncOperationKind.CreateCompany, SyncOperationKind.CreateContact }, plan.Operations.Select(op => op.Kind));
        Assert.Contains("hal@golf.test", plan.Operations[1].Action);
        Assert.Equal(new[] { "0001" }, plan.Operations[1].DependsOn);

        var filtered = await tenant.PlanAsync(new[] { customer }, new CompanySyncOptions { ContactFilter = c => c.EmailAddress!.StartsWith("ida", StringComparison.Ordinal) });
        Assert.Contains("ida@golf.test", Assert.Single(filtered.Operations, op => op.Kind == SyncOperationKind.CreateContact).Action);
        Assert.Equal(0, tenant.Writes);
    }

    [Fact]
    public async Task A_declined_company_skips_its_contacts_and_records_no_pairing()
    {
        using var tenant = new CrmTenant();
        var customer = Customer("C-6", "Hotel Co", "555-0601", Person("Jo", "Tan", "jo@hotel.test"));

        var (_, summary, results) = await tenant.PushAsync(new[] { customer }, approve: op => op.Kind != SyncOperationKind.CreateCompany);

        Assert.Equal(0, tenant.Writes);
        Assert.Equal(2, summary.Skipped);
        Assert.Contains(results, r => r.ReasonCode == SyncReasonCode.Declined && r.OperationKind == SyncOperationKind.CreateCompany);
        Assert.Null(tenant.Document.FindCustomer("ChannelOnline", "C-6"));
    }

    [Fact]
    public async Task The_sandbox_refuses_a_malformed_email_and_keeps_one_primary_contact_per_company()
    {
        using var tenant = new CrmTenant();
        var company = tenant.InsertCompany("India Inc");
        var first = tenant.InsertContact(company, "Kay", "Uno", "kay@india.test", primary: true);
        using var client = await tenant.ConnectAsync();

        var second = await client.CreateAsync(new global::Autotask.Billing.Autotask.Entities.Contact
        {
            CompanyID = company, FirstName = "Lu", LastName = "Vo", EmailAddress = "lu@india.test", PrimaryContact = true, IsActive = 1,
        });
        var error = await Assert.ThrowsAsync<global::Autotask.Billing.Autotask.AutotaskApiException>(() => client.CreateAsync(new global::Autotask.Billing.Autotask.Entities.Contact
        {
            CompanyID = company, FirstName = "Mo", LastName = "Wu", EmailAddress = "not an address", IsActive = 1,
        }));

        Assert.Contains("not a valid email address", error.Message, StringComparison.Ordinal);
        Assert.False((bool)tenant.Sandbox.Data.Get("Contacts", first)!["primaryContact"]!);
        Assert.True((bool)tenant.Sandbox.Data.Get("Contacts", second)!["primaryContact"]!);
    }
}
