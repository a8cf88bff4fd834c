using Autotask.Billing.Mapping;
using Autotask.Billing.Tests.Autotask;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Mapping;

public sealed class ContractMappingPlannerTests : IDisposable
{
    private readonly SandboxServer _server = SandboxServer.Demo();

    [Fact]
    public async Task A_company_given_alone_gets_its_only_recurring_contract_and_a_contract_given_alone_its_company()
    {
        var contoso = CompanyId("Contoso Dental Group");
        var fabrikamContract = ContractOf(CompanyId("Fabrikam Logistics"));
        using var client = await _server.ConnectAsync();

        var plans = await new ContractMappingPlanner(new AutotaskCatalogReader(client)).PlanAsync(new[]
        {
            new ContractMappingRequest("Generic", "C-1") { CustomerName = "Contoso", CompanyName = "contoso dental group" },
            new ContractMappingRequest("Generic", "F-1") { ContractId = fabrikamContract, Options = new CustomerMappingOptions { Export = false, PricingStrategy = PricingStrategy.CostOnly } },
            new ContractMappingRequest("Generic", "L-1") { CustomerName = "Litware", CreateCompany = true },
        });

        Assert.All(plans, p => Assert.Null(p.Problem));
        Assert.Equal(contoso, plans[0].Mapping!.CompanyId);
        Assert.Equal(ContractOf(contoso), plans[0].Mapping!.ContractId);
        Assert.Equal($"Contoso (Generic/C-1) → company Contoso Dental Group ({contoso}), contract Cloud services, Contoso Dental Group ({ContractOf(contoso)})", plans[0].Target);
        Assert.Equal(CompanyId("Fabrikam Logistics"), plans[1].Mapping!.CompanyId);
        Assert.False(plans[1].Mapping!.Export);
        Assert.Equal(PricingStrategy.CostOnly, plans[1].Mapping!.PricingStrategy);
        Assert.Equal("Litware (Generic/L-1) → a new company, a new contract", plans[2].Target);
    }

    [Fact]
    public async Task Unknown_companies_contracts_of_another_company_and_ambiguous_contracts_are_refused()
    {
        var contoso = CompanyId("Contoso Dental Group");
        var tailspin = CompanyId("Tailspin Toys");
        _server.Sandbox.Data.Insert("Contracts", new JObject
        {
            ["companyID"] = tailspin, ["contractName"] = "Second", ["contractType"] = 7, ["status"] = 1,
            ["startDate"] = "2026-01-01T00:00:00.000", ["endDate"] = "2035-12-31T00:00:00.000", ["contractPeriodType"] = 1,
        });
        using var client = await _server.ConnectAsync();

        var plans = await new ContractMappingPlanner(new AutotaskCatalogReader(client)).PlanAsync(new[]
        {
            new ContractMappingRequest("Generic", "X-1") { CompanyName = "No Such Company" },
            new ContractMappingRequest("Generic", "X-2") { CompanyId = 987654 },
            new ContractMappingRequest("Generic", "X-3") { CompanyId = contoso, ContractId = ContractOf(CompanyId("Northwind Traders")) },
            new ContractMappingRequest("Generic", "X-4") { CompanyId = tailspin },
        });

        Assert.All(plans, p => Assert.Null(p.Mapping));
        Assert.Equal(new[] { true, true, false, false }, plans.Select(p => p.IsNotFound));
        Assert.Equal("Generic/X-1: no Autotask company is named 'No Such Company'", plans[0].Problem);
        Assert.Equal("Generic/X-2: company 987654 does not exist in this Autotask database", plans[1].Problem);
        Assert.Contains($"belongs to company {CompanyId("Northwind Traders")}, not to company {contoso}", plans[2].Problem);
        Assert.Contains("it has 2 active Recurring Service contracts", plans[3].Problem);
    }

    [Fact]
    public async Task Without_a_connection_ids_are_taken_as_given_and_choices_are_refused()
    {
        var plans = await new ContractMappingPlanner(null).PlanAsync(new[]
        {
            new ContractMappingRequest("Generic", "A") { CompanyId = 11, ContractId = 22 },
            new ContractMappingRequest("Generic", "B") { CompanyId = 11 },
        });

        Assert.Equal("Generic/A → company 11, contract 22", plans[0].Target);
        Assert.Equal("Generic/B: give -ContractId or -CreateContract; choosing the company's contract needs a connection to Autotask", plans[1].Problem);
    }

    public void Dispose() => _server.Dispose();

    private long CompanyId(string name) =>
        _server.Sandbox.Data.All("Companies").Single(c => (string?)c["companyName"] == name)["id"]!.Value<long>();

    private long ContractOf(long companyId) =>
        _server.Sandbox.Data.All("Contracts").First(c => c["companyID"]!.Value<long>() == companyId)["id"]!.Value<long>();
}
