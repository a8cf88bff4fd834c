using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Autotask;

public sealed class QueryTests : IDisposable
{
    private readonly SandboxServer _server = SandboxServer.Empty();
    private readonly long _alpha;
    private readonly long _beta;
    private readonly long _gamma;

    public QueryTests()
    {
        _alpha = _server.InsertCompany("Op Alpha Ltd", companyType: 1, isActive: true, city: "Springfield");
        _beta = _server.InsertCompany("Op Beta Inc", companyType: 3, isActive: false, city: null);
        _gamma = _server.InsertCompany("Op Gamma Ltd", companyType: 7, isActive: true, city: "Shelbyville");
    }

    public static TheoryData<string> Operators => new()
    {
        "eq", "noteq", "gt", "gte", "lt", "lte", "beginsWith", "endsWith", "contains", "exist", "notExist", "in", "notIn",
    };

    [Fact]
    public async Task Reading_1234_companies_takes_exactly_three_query_requests()
    {
        InsertBulkCompanies(1234);
        using var client = await _server.ConnectAsync();
        var before = _server.RequestsTo("Companies");

        var companies = await client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.BeginsWith("companyName", "Bulk ")));

        Assert.Equal(1234, companies.Count);
        Assert.Equal(1234, companies.Select(c => c.Id).Distinct().Count());
        Assert.Equal(3, _server.RequestsTo("Companies") - before);
        Assert.Equal(2, _server.RequestsMatching("/V1.0/Companies/query/next", 200));
    }

    [Fact]
    public async Task Pages_are_streamed_as_autotask_returns_them()
    {
        InsertBulkCompanies(1234);
        using var client = await _server.ConnectAsync();

        var sizes = new List<int>();
        await foreach (var page in client.QueryPagesAsync<Company>(AutotaskQuery.Where(AutotaskFilter.BeginsWith("companyName", "Bulk "))))
        {
            sizes.Add(page.Count);
        }

        Assert.Equal(new[] { 500, 500, 234 }, sizes);
    }

    [Fact]
    public async Task The_id_cursor_strategy_reads_the_same_rows_in_three_requests()
    {
        InsertBulkCompanies(1234);
        using var client = await _server.ConnectAsync(_server.Options with { PagingStrategy = AutotaskPagingStrategy.IdCursor });
        var before = _server.RequestsTo("Companies");

        var companies = await client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.BeginsWith("companyName", "Bulk ")));

        Assert.Equal(1234, companies.Select(c => c.Id).Distinct().Count());
        Assert.Equal(3, _server.RequestsTo("Companies") - before);
        Assert.Equal(0, _server.RequestsMatching("/query/next"));
    }

    [Fact]
    public async Task A_smaller_page_size_is_followed_to_the_end()
    {
        InsertBulkCompanies(250);
        using var client = await _server.ConnectAsync();
        var before = _server.RequestsTo("Companies");

        var companies = await client.QueryAsync<Company>(
            AutotaskQuery.Where(AutotaskFilter.BeginsWith("companyName", "Bulk ")).WithMaxRecords(100));

        Assert.Equal(250, companies.Count);
        Assert.Equal(3, _server.RequestsTo("Companies") - before);
    }

    [Fact]
    public async Task Bulk_in_reads_are_chunked_by_500_ids()
    {
        var ids = InsertBulkCompanies(1234);
        using var client = await _server.ConnectAsync();
        var before = _server.RequestsTo("Companies");

        var companies = await client.QueryInAsync<Company>("id", ids.Concat(ids.Take(10)));

        Assert.Equal(ids.OrderBy(id => id), companies.Select(c => c.Id).OrderBy(id => id));
        Assert.Equal(3, _server.RequestsTo("Companies") - before);
    }

    [Theory]
    [MemberData(nameof(Operators))]
    public async Task Every_operator_filters_real_data(string op)
    {
        using var client = await _server.ConnectAsync();
        var (filter, expected) = op switch
        {
            "eq" => (AutotaskFilter.Eq("companyType", 1), new[] { _alpha }),
            "noteq" => (AutotaskFilter.NotEq("companyType", 1), new[] { _beta, _gamma }),
            "gt" => (AutotaskFilter.Gt("id", _alpha), new[] { _beta, _gamma }),
            "gte" => (AutotaskFilter.Gte("id", _beta), new[] { _beta, _gamma }),
            "lt" => (AutotaskFilter.Lt("id", _beta), new[] { _alpha }),
            "lte" => (AutotaskFilter.Lte("id", _beta), new[] { _alpha, _beta }),
            "beginsWith" => (AutotaskFilter.BeginsWith("companyName", "Op B"), new[] { _beta }),
            "endsWith" => (AutotaskFilter.EndsWith("companyName", "Ltd"), new[] { _alpha, _gamma }),
            "contains" => (AutotaskFilter.Contains("companyName", "amm"), new[] { _gamma }),
            "exist" => (AutotaskFilter.Exist("city"), new[] { _alpha, _gamma }),
            "notExist" => (AutotaskFilter.NotExist("city"), new[] { _beta }),
            "in" => (AutotaskFilter.In("companyType", 1, 7), new[] { _alpha, _gamma }),
            _ => (AutotaskFilter.NotIn("companyType", new[] { 1 }), new[] { _beta, _gamma }),
        };

        var found = await client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.BeginsWith("companyName", "Op "), filter));

        Assert.Equal(expected, found.Select(c => c.Id).OrderBy(id => id));
    }

    [Fact]
    public async Task Nested_and_or_groups_filter_real_data()
    {
        using var client = await _server.ConnectAsync();

        var found = await client.QueryAsync<Company>(AutotaskQuery.Where(
            AutotaskFilter.BeginsWith("companyName", "Op "),
            AutotaskFilter.Or(
                AutotaskFilter.Eq("isActive", false),
                AutotaskFilter.And(AutotaskFilter.EndsWith("companyName", "Ltd"), AutotaskFilter.Eq("city", "Shelbyville")))));

        Assert.Equal(new[] { _beta, _gamma }, found.Select(c => c.Id).OrderBy(id => id));
    }

    [Fact]
    public async Task Date_filters_compare_in_utc()
    {
        _server.Sandbox.Data.Overwrite("Companies", _alpha, new JObject { ["createDate"] = "2026-01-10T08:00:00.000" });
        _server.Sandbox.Data.Overwrite("Companies", _beta, new JObject { ["createDate"] = "2026-01-10T20:00:00.000" });
        _server.Sandbox.Data.Overwrite("Companies", _gamma, new JObject { ["createDate"] = "2026-01-11T09:00:00.000" });
        using var client = await _server.ConnectAsync();

        var found = await client.QueryAsync<Company>(AutotaskQuery.Where(
            AutotaskFilter.BeginsWith("companyName", "Op "),
            AutotaskFilter.Gt("createDate", new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc)),
            AutotaskFilter.Lt("createDate", new DateTime(2026, 1, 11, 0, 0, 0, DateTimeKind.Utc))));

        var beta = Assert.Single(found);
        Assert.Equal(_beta, beta.Id);
        Assert.Equal(new DateTime(2026, 1, 10, 20, 0, 0, DateTimeKind.Utc), beta.CreateDate);
        Assert.Equal(DateTimeKind.Utc, beta.CreateDate!.Value.Kind);
    }

    [Fact]
    public async Task A_user_defined_field_filter_finds_rows_by_udf_value()
    {
        _server.Sandbox.Data.DefineUserDefinedField("Companies", "Customer Ranking");
        _server.Sandbox.Data.Overwrite("Companies", _gamma, new JObject
        {
            ["userDefinedFields"] = new JArray(new JObject { ["name"] = "Customer Ranking", ["value"] = "Gold" }),
        });
        using var client = await _server.ConnectAsync();

        var found = await client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.Eq("Customer Ranking", "Gold").OnUserDefinedField()));

        var gamma = Assert.Single(found);
        Assert.Equal(_gamma, gamma.Id);
        Assert.Contains(gamma.UserDefinedFields!, udf => udf.Name == "Customer Ranking" && udf.Value == "Gold");
    }

    [Fact]
    public async Task An_unknown_field_surfaces_the_autotask_message_without_retrying()
    {
        using var client = await _server.ConnectAsync();
        var before = _server.RequestsTo("Companies");

        var error = await Assert.ThrowsAsync<AutotaskApiException>(
            () => client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.Eq("companyNmae", "x"))));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains(error.Errors, message => message.Contains("companyNmae"));
        Assert.Contains("companyNmae", error.Message);
        Assert.Equal("Companies", error.EntityName);
        Assert.Equal(AutotaskOperation.Query, error.Operation);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/ATServicesRest/V1.0/Companies/query", error.Path);
        Assert.Equal(1, _server.RequestsTo("Companies") - before);
    }

    [Fact]
    public async Task Count_returns_the_number_of_matching_rows()
    {
        using var client = await _server.ConnectAsync();

        var count = await client.CountAsync<Company>(AutotaskQuery.Where(AutotaskFilter.EndsWith("companyName", "Ltd")));

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Include_fields_returns_only_the_named_fields()
    {
        using var client = await _server.ConnectAsync();

        var found = await client.QueryAsync<Company>(
            AutotaskQuery.Where(AutotaskFilter.Eq("id", _alpha)).WithIncludeFields("companyName"));

        var alpha = Assert.Single(found);
        Assert.Equal(_alpha, alpha.Id);
        Assert.Equal("Op Alpha Ltd", alpha.CompanyName);
        Assert.Null(alpha.City);
    }

    [Fact]
    public async Task Get_returns_the_record_or_null_for_a_missing_id()
    {
        using var client = await _server.ConnectAsync();

        var alpha = await client.GetAsync<Company>(_alpha);
        var missing = await client.GetAsync<Company>(987654321);

        Assert.Equal("Springfield", alpha!.City);
        Assert.Equal(1, alpha.CompanyType);
        Assert.True(alpha.IsActive);
        Assert.Null(missing);
    }

    [Fact]
    public async Task An_entity_the_api_cannot_query_is_refused_before_sending()
    {
        using var client = await _server.ConnectAsync();
        var before = _server.Sandbox.Statistics.TotalRequests;

        await Assert.ThrowsAsync<NotSupportedException>(() => client.QueryAsync<ContractServiceAdjustment>(AutotaskQuery.All));

        Assert.Equal(before, _server.Sandbox.Statistics.TotalRequests);
    }

    public void Dispose() => _server.Dispose();

    private List<long> InsertBulkCompanies(int count) =>
        Enumerable.Range(1, count).Select(i => _server.InsertCompany($"Bulk {i:0000}")).ToList();
}
