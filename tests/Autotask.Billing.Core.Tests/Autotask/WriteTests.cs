using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;

namespace Autotask.Billing.Tests.Autotask;

public sealed class WriteTests : IDisposable
{
    private const long RecurringServiceBillingCode = 29682700;
    private const long MaterialBillingCode = 29682710;
    private const long AccountManager = 29682881;

    private readonly SandboxServer _server = SandboxServer.Empty();

    [Fact]
    public async Task Creating_a_company_returns_its_id_and_the_record_reads_back()
    {
        using var client = await _server.ConnectAsync();

        var id = await CreateCompanyAsync(client, "Created Co");
        var company = await client.GetAsync<Company>(id);

        Assert.Equal("Created Co", company!.CompanyName);
        Assert.Equal(1, _server.CreatesAt("Companies"));
    }

    [Fact]
    public async Task Contacts_are_created_through_their_company()
    {
        using var client = await _server.ConnectAsync();
        var companyId = await CreateCompanyAsync(client, "Contact Co");

        var contactId = await client.CreateAsync(new Contact { CompanyID = companyId, FirstName = "Ada", LastName = "Lovelace", IsActive = 1 });

        Assert.Equal(1, _server.RequestsMatching($"/V1.0/Companies/{companyId}/Contacts", 200));
        Assert.Equal(companyId, (await client.GetAsync<Contact>(contactId))!.CompanyID);
    }

    [Fact]
    public async Task Contract_services_adjustments_and_charges_are_written_through_their_contract()
    {
        using var client = await _server.ConnectAsync();
        var (contractId, serviceId) = await CreateRecurringContractAsync(client);

        var contractServiceId = await client.CreateAsync(new ContractService { ContractID = contractId, ServiceID = serviceId, UnitPrice = 9.95m });
        await client.CreateAsync(new ContractServiceAdjustment
        {
            ContractID = contractId,
            ContractServiceID = contractServiceId,
            ServiceID = serviceId,
            EffectiveDate = _server.Sandbox.Today,
            UnitChange = 12,
        });
        var chargeId = await client.CreateAsync(new ContractCharge
        {
            ContractID = contractId,
            Name = "Setup",
            ChargeType = int.Parse(await client.ResolvePicklistValueAsync("ContractCharges", "chargeType", "Operational")),
            DatePurchased = _server.Sandbox.Today,
            UnitQuantity = 1,
            UnitPrice = 250m,
            BillingCodeID = MaterialBillingCode,
        });

        Assert.Equal(1, _server.RequestsMatching($"/V1.0/Contracts/{contractId}/Services", 200));
        Assert.Equal(1, _server.RequestsMatching($"/V1.0/Contracts/{contractId}/ServiceAdjustments", 200));
        Assert.Equal(1, _server.RequestsMatching($"/V1.0/Contracts/{contractId}/Charges", 200));
        var units = await client.QueryAsync<ContractServiceUnit>(AutotaskQuery.Where(AutotaskFilter.Eq("contractServiceID", contractServiceId)));
        Assert.Contains(units, unit => unit.Units == 12 && unit.StartDate <= _server.Sandbox.Today && _server.Sandbox.Today <= unit.EndDate);
        Assert.Equal(250m, (await client.GetAsync<ContractCharge>(chargeId))!.UnitPrice);
    }

    [Fact]
    public async Task A_partial_update_patches_the_collection_with_only_the_changed_properties()
    {
        using var client = await _server.ConnectAsync();
        var id = await CreateCompanyAsync(client, "Patch Co");

        await client.UpdateAsync<Company>(id, new Dictionary<string, object?> { ["city"] = "Ogdenville" });

        var company = await client.GetAsync<Company>(id);
        Assert.Equal("Ogdenville", company!.City);
        Assert.Equal("Patch Co", company.CompanyName);
        Assert.Equal("555-0123", company.Phone);
        Assert.Equal(1, _server.Sandbox.Statistics.RequestLog.Count(e => e.Method == "PATCH" && e.Path == "/ATServicesRest/V1.0/Companies" && e.StatusCode == 200));
    }

    [Fact]
    public async Task A_child_entity_is_updated_through_its_parent_route()
    {
        using var client = await _server.ConnectAsync();
        var (contractId, serviceId) = await CreateRecurringContractAsync(client);
        var before = new ContractService { ContractID = contractId, ServiceID = serviceId, UnitPrice = 9.95m, InvoiceDescription = "Old" };
        var contractServiceId = await client.CreateAsync(before);

        var changes = AutotaskEntityChanges.Between(before, new ContractService
        {
            ContractID = contractId, ServiceID = serviceId, UnitPrice = 9.95m, InvoiceDescription = "New text",
        });
        await client.UpdateAsync<ContractService>(contractServiceId, changes, parentId: contractId);

        Assert.Equal("New text", (await client.GetAsync<ContractService>(contractServiceId))!.InvoiceDescription);
        Assert.Equal(1, _server.Sandbox.Statistics.RequestLog.Count(e => e.Method == "PATCH" && e.Path.EndsWith($"/Contracts/{contractId}/Services")));
    }

    [Fact]
    public async Task An_impersonated_create_is_attributed_to_the_impersonated_resource()
    {
        var user = _server.Sandbox.ApiUser;
        var credential = new AutotaskCredential(user.UserName, new ApiSecret(user.Secret), new ApiSecret(user.IntegrationCode), AccountManager);
        using var client = await AutotaskClient.ConnectAsync(credential, _server.Options);

        var id = await CreateCompanyAsync(client, "Impersonated Co");

        var company = await client.GetAsync<Company>(id);
        Assert.Equal(AccountManager, company!.CreatedByResourceID);
        Assert.Equal(user.ResourceId, company.ImpersonatorCreatorResourceID);
    }

    [Fact]
    public async Task A_validation_error_is_reported_with_its_messages_and_not_retried()
    {
        using var client = await _server.ConnectAsync();

        var error = await Assert.ThrowsAsync<AutotaskApiException>(() => client.CreateAsync(new Company { CompanyName = "Incomplete" }));

        Assert.Equal(500, error.StatusCode);
        Assert.NotEmpty(error.Errors);
        Assert.Equal(AutotaskOperation.Create, error.Operation);
        Assert.Equal(1, _server.CreatesAt("Companies"));
    }

    public void Dispose() => _server.Dispose();

    private static async Task<long> CreateCompanyAsync(AutotaskClient client, string name) =>
        await client.CreateAsync(new Company
        {
            CompanyName = name,
            CompanyType = int.Parse(await client.ResolvePicklistValueAsync("Companies", "companyType", "Customer")),
            OwnerResourceID = AccountManager,
            Phone = "555-0123",
        });

    private async Task<(long ContractId, long ServiceId)> CreateRecurringContractAsync(AutotaskClient client)
    {
        var companyId = await CreateCompanyAsync(client, "Contract Co");
        var monthly = int.Parse(await client.ResolvePicklistValueAsync("Services", "periodType", "Monthly"));
        var contractId = await client.CreateAsync(new Contract
        {
            CompanyID = companyId,
            ContractName = "Managed services",
            ContractType = 7,
            Status = int.Parse(await client.ResolvePicklistValueAsync("Contracts", "status", "Active")),
            ContractPeriodType = monthly,
            StartDate = _server.Sandbox.Today.AddMonths(-1),
            EndDate = _server.Sandbox.Today.AddYears(1),
            TimeReportingRequiresStartAndStopTimes = 0,
        });
        var serviceId = await client.CreateAsync(new Service
        {
            Name = "Backup per seat",
            PeriodType = monthly,
            UnitPrice = 9.95m,
            BillingCodeID = RecurringServiceBillingCode,
        });
        return (contractId, serviceId);
    }
}
