using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Tests.Autotask;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Mapping;

public sealed class ContractMappingAutoMatcherTests : IDisposable
{
    private static readonly string[] DemoCompanies =
    {
        "Contoso Dental Group", "Fabrikam Logistics", "Northwind Traders", "Adventure Works Cycles", "Tailspin Toys", "Woodgrove Accounting",
    };

    private readonly SandboxServer _server = SandboxServer.Demo();

    [Fact]
    public async Task Every_demo_customer_but_Litware_is_mapped_to_its_company_and_its_recurring_contract()
    {
        using var client = await _server.ConnectAsync();

        var result = await Matcher(client).MatchAsync(DemoExport.Customers(), MappingDocument.Empty);

        Assert.Equal(7, result.Matches.Count);
        var mapped = result.Matches.Where(m => m.Mapping is not null).ToList();
        Assert.Equal(DemoCompanies, mapped.Select(m => m.Proposal.CompanyName));
        foreach (var match in mapped)
        {
            var mapping = match.Mapping!;
            Assert.True(match.Proposal.IsAccepted);
            Assert.Equal(CompanyId(match.Proposal.CustomerName), mapping.CompanyId);
            Assert.Equal(MappingAction.Existing, mapping.ContractAction);
            Assert.Equal(ContractIdOf(mapping.CompanyId!.Value), mapping.ContractId);
            Assert.Equal(
                $"{match.Proposal.CustomerName} (Generic/{match.Proposal.CustomerId}) → company {match.Proposal.CustomerName} ({mapping.CompanyId}), contract Cloud services, {match.Proposal.CustomerName} ({mapping.ContractId})",
                match.Target);
        }

        var litware = Assert.Single(result.Matches, m => m.Mapping is null);
        Assert.Equal("Litware Inc", litware.Proposal.CustomerName);
        Assert.False(litware.Proposal.IsAccepted);
        Assert.Null(litware.Proposal.CompanyId);
    }

    [Fact]
    public async Task A_company_with_several_active_recurring_contracts_is_returned_for_review_with_the_reason()
    {
        var fabrikam = CompanyId("Fabrikam Logistics");
        var second = _server.Sandbox.Data.Insert("Contracts", new JObject
        {
            ["companyID"] = fabrikam, ["contractName"] = "Backup services, Fabrikam", ["contractType"] = 7, ["status"] = 1,
            ["startDate"] = "2026-01-01T00:00:00.000", ["endDate"] = "2035-12-31T00:00:00.000", ["contractPeriodType"] = 1,
        });
        using var client = await _server.ConnectAsync();

        var result = await Matcher(client).MatchAsync(DemoExport.Customers(), MappingDocument.Empty);

        var match = Assert.Single(result.Matches, m => m.Proposal.CustomerName == "Fabrikam Logistics");
        Assert.Null(match.Mapping);
        Assert.False(match.Proposal.IsAccepted);
        Assert.Equal(fabrikam, match.Proposal.CompanyId);
        Assert.Contains($"it has 2 active Recurring Service contracts (Cloud services, Fabrikam Logistics ({ContractIdOf(fabrikam)}), Backup services, Fabrikam ({second})); choose one with -ContractId", match.Proposal.Reason);
        Assert.Equal(5, result.Matches.Count(m => m.Mapping is not null));
    }

    [Fact]
    public async Task A_company_without_a_recurring_contract_gets_one_created_by_sync()
    {
        var litware = _server.InsertCompany("Litware Inc");
        _server.Sandbox.Data.Insert("Contracts", new JObject
        {
            ["companyID"] = litware, ["contractName"] = "Old hosting", ["contractType"] = 7, ["status"] = 0,
            ["startDate"] = "2020-01-01T00:00:00.000", ["endDate"] = "2021-12-31T00:00:00.000", ["contractPeriodType"] = 1,
        });
        using var client = await _server.ConnectAsync();

        var result = await Matcher(client).MatchAsync(DemoExport.Customers(), MappingDocument.Empty);

        var mapping = Assert.Single(result.Matches, m => m.Proposal.CustomerName == "Litware Inc").Mapping;
        Assert.NotNull(mapping);
        Assert.Equal(litware, mapping!.CompanyId);
        Assert.Equal(MappingAction.Create, mapping.ContractAction);
        Assert.Null(mapping.ContractId);
    }

    [Fact]
    public async Task Proposals_below_the_minimum_confidence_are_returned_but_not_mapped()
    {
        var customers = new[]
        {
            new VendorCustomer("PartnerCenter", "t-1", "NW Group Holdings", "northwindtraders.com"),
            new VendorCustomer("PartnerCenter", "t-2", "Tailspin Toyz"),
        };
        using var client = await _server.ConnectAsync();

        var strict = await Matcher(client).MatchAsync(customers, MappingDocument.Empty);
        var lenient = await new ContractMappingAutoMatcher(new AutotaskCatalogReader(client)) { MinimumConfidence = 0.7 }
            .MatchAsync(customers, MappingDocument.Empty);

        Assert.All(strict.Matches, m => Assert.Null(m.Mapping));
        Assert.Equal(new[] { CompanyMatchRule.Domain, CompanyMatchRule.Fuzzy }, strict.Matches.Select(m => m.Proposal.Rule));
        Assert.Equal(new long?[] { CompanyId("Northwind Traders"), CompanyId("Tailspin Toys") }, strict.Matches.Select(m => m.Proposal.CompanyId));
        Assert.Equal(new long?[] { CompanyId("Northwind Traders"), CompanyId("Tailspin Toys") }, lenient.Matches.Select(m => m.Mapping?.CompanyId));
    }

    [Fact]
    public async Task Customers_already_mapped_are_left_alone_and_many_lines_per_customer_count_once()
    {
        var existing = new CustomerMapping("Generic", "6f1c2a10-3b7e-4d55-9a0e-1c2f3a4b5c01") { CompanyAction = MappingAction.Create, ContractAction = MappingAction.Create };
        var document = MappingDocument.Empty.WithCustomer(existing, DateTime.UtcNow);
        using var client = await _server.ConnectAsync();

        var result = await Matcher(client).MatchAsync(DemoExport.Customers(), document);

        Assert.Equal("Contoso Dental Group", Assert.Single(result.AlreadyMapped).CustomerName);
        Assert.Equal(6, result.Matches.Count);
        Assert.DoesNotContain(result.Matches, m => m.Proposal.CustomerName == "Contoso Dental Group");
    }

    [Fact]
    public async Task Nothing_is_read_from_Autotask_when_every_customer_is_mapped()
    {
        var document = MappingDocument.Empty.WithCustomers(
            DemoExport.Customers().Select(c => new CustomerMapping(c.Source, c.CustomerId) { CompanyAction = MappingAction.Create, ContractAction = MappingAction.Create }),
            DateTime.UtcNow);
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Statistics.Reset();

        var result = await Matcher(client).MatchAsync(DemoExport.Customers(), document);

        Assert.Empty(result.Matches);
        Assert.Equal(0, _server.Sandbox.Statistics.TotalRequests);
    }

    [Fact]
    public async Task Two_thousand_customers_against_five_thousand_companies_read_the_companies_in_ten_query_requests()
    {
        using var server = SandboxServer.Empty();
        var workload = new MatchingWorkload(companyCount: 4999, customerCount: 2000);
        var ids = new Dictionary<long, long>();
        foreach (var company in workload.Companies)
        {
            ids[company.CompanyId] = server.Sandbox.Data.Insert("Companies", new JObject
            {
                ["companyName"] = company.CompanyName, ["webAddress"] = company.WebAddress, ["companyType"] = 1, ["isActive"] = true,
                ["phone"] = "555-0199", ["ownerResourceID"] = 29682881,
            });
        }

        using var client = await server.ConnectAsync();
        server.Sandbox.Statistics.Reset();

        var result = await new ContractMappingAutoMatcher(new AutotaskCatalogReader(client))
            .MatchAsync(workload.Customers.Select(c => c.Customer), MappingDocument.Empty);

        Assert.Equal(5000, server.Sandbox.Data.Count("Companies"));
        Assert.Equal(5000, result.Companies.Count);
        Assert.Equal(10, server.Sandbox.Statistics.Endpoint("Companies").Kind(SandboxRequestKind.Query));
        Assert.Equal(1200, result.Matches.Count(m => m.Mapping is not null));
        Assert.All(result.Matches.Where(m => m.Mapping is not null), m => Assert.Equal(MappingAction.Create, m.Mapping!.ContractAction));
        var expected = workload.Customers.Where(c => c.Rule is CompanyMatchRule.ExactName or CompanyMatchRule.NormalizedName)
            .Select(c => ids[c.CompanyId!.Value]);
        Assert.Equal(expected, result.Matches.Where(m => m.Mapping is not null).Select(m => m.Mapping!.CompanyId!.Value));
    }

    public void Dispose() => _server.Dispose();

    private static ContractMappingAutoMatcher Matcher(AutotaskClient client) => new(new AutotaskCatalogReader(client));

    private long CompanyId(string name) =>
        _server.Sandbox.Data.All("Companies").Single(c => (string?)c["companyName"] == name)["id"]!.Value<long>();

    private long ContractIdOf(long companyId) =>
        _server.Sandbox.Data.All("Contracts").Single(c => c["companyID"]!.Value<long>() == companyId && (string?)c["contractName"] != "Backup services, Fabrikam")["id"]!.Value<long>();
}
