using Autotask.Billing.Sandbox;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

public sealed class SandboxQueryTests
{
    private static readonly (string Name, int Type, bool Active, string? Web, string Created)[] Companies =
    {
        ("Alpha Dental", 31, true, "https://alpha-dental.com", "2026-01-05T10:00:00.000"),
        ("Beta Logistics", 31, true, null, "2026-02-10T08:30:00.000"),
        ("gamma traders", 32, true, "https://gamma.example", "2026-03-15T23:59:59.000"),
        ("Delta Dental Partners", 33, false, "", "2026-04-01T00:00:00.000"),
        ("Epsilon Cycles", 36, true, "https://epsilon.example", "2026-05-20T12:00:00.000"),
    };

    public static IEnumerable<object[]> OperatorCases()
    {
        var cases = new (string Op, object? Value, string Field, string[] Expected)[]
        {
            ("eq", "ALPHA DENTAL", "companyName", new[] { "Alpha Dental" }),
            ("noteq", 31, "companyType", new[] { "gamma traders", "Delta Dental Partners", "Epsilon Cycles" }),
            ("gt", 32, "companyType", new[] { "Delta Dental Partners", "Epsilon Cycles" }),
            ("gte", 32, "companyType", new[] { "gamma traders", "Delta Dental Partners", "Epsilon Cycles" }),
            ("lt", "2026-03-15T23:59:59Z", "createDate", new[] { "Alpha Dental", "Beta Logistics" }),
            ("lte", "2026-03-15T23:59:59", "createDate", new[] { "Alpha Dental", "Beta Logistics", "gamma traders" }),
            ("beginsWith", "delta", "companyName", new[] { "Delta Dental Partners" }),
            ("endsWith", "DENTAL", "companyName", new[] { "Alpha Dental" }),
            ("contains", "dental", "companyName", new[] { "Alpha Dental", "Delta Dental Partners" }),
            ("exist", null, "webAddress", new[] { "Alpha Dental", "gamma traders", "Epsilon Cycles" }),
            ("notExist", null, "webAddress", new[] { "Beta Logistics", "Delta Dental Partners" }),
            ("in", new[] { 32, 36 }, "companyType", new[] { "gamma traders", "Epsilon Cycles" }),
            ("notIn", new[] { 31, 32 }, "companyType", new[] { "Delta Dental Partners", "Epsilon Cycles" }),
        };
        foreach (var transport in new[] { SandboxTransport.InProcess, SandboxTransport.Loopback })
        {
            foreach (var c in cases)
            {
                yield return new object[] { transport, c.Op, c.Field, JsonConvert.SerializeObject(c.Value), c.Expected };
            }
        }
    }

    [Theory]
    [MemberData(nameof(OperatorCases))]
    public async Task Each_operator_filters_as_autotask_does(SandboxTransport transport, string op, string field, string valueJson, string[] expected)
    {
        using var client = Seeded(transport);
        var filter = new JObject { ["op"] = op, ["field"] = field, ["value"] = JToken.Parse(valueJson) };
        filter = op is "exist" or "notExist" ? new JObject { ["op"] = op, ["field"] = field } : filter;

        var items = await client.QueryItemsAsync("Companies", filter, new { op = "gt", field = "id", value = 0 });

        Assert.Equal(expected, items.Select(i => (string)i["companyName"]!));
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Nested_and_or_groups_combine(SandboxTransport transport)
    {
        using var client = Seeded(transport);

        var items = await client.QueryItemsAsync(
            "Companies",
            new
            {
                op = "or",
                items = new object[]
                {
                    new { op = "and", items = new object[] { new { op = "contains", field = "companyName", value = "dental" }, new { op = "eq", field = "isActive", value = false } } },
                    new { op = "eq", field = "companyType", value = 36 },
                },
            });

        Assert.Equal(new[] { "Delta Dental Partners", "Epsilon Cycles" }, items.Select(i => (string)i["companyName"]!));
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task An_unknown_operator_is_ignored_and_the_rest_still_applies(SandboxTransport transport)
    {
        using var client = Seeded(transport);

        var items = await client.QueryItemsAsync("Companies", new { op = "ne", field = "companyType", value = 31 }, new { op = "gt", field = "id", value = 0 });

        Assert.Equal(Companies.Length, items.Count);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task An_unknown_field_is_a_500_naming_the_field_and_entity(SandboxTransport transport)
    {
        using var client = Seeded(transport);

        var response = await client.QueryAsync("Companies", new { filter = new[] { new { op = "eq", field = "accountName", value = "x" } } });

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(new[] { "Unable to find accountName in the Company Entity" }, response.Errors);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Max_records_above_500_is_refused(SandboxTransport transport)
    {
        using var client = Seeded(transport);

        var response = await client.QueryAsync("Companies", new { MaxRecords = 501, Filter = new[] { new { op = "gte", field = "id", value = 0 } } });

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(new[] { "maxCountOfRecordsToReturn must be between 1 and 500" }, response.Errors);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_query_without_filters_is_refused(SandboxTransport transport)
    {
        using var client = Seeded(transport);

        var response = await client.QueryAsync("Companies", new { filter = Array.Empty<object>() });

        Assert.Equal(500, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Query_model_property_names_and_field_names_are_case_insensitive(SandboxTransport transport)
    {
        using var client = Seeded(transport);

        var response = await client.QueryAsync("Companies", new { MAXRECORDS = 2, INCLUDEFIELDS = new[] { "COMPANYNAME" }, FILTER = new[] { new { op = "gte", field = "ID", value = 0 } } });

        Assert.Equal(2, response.Json["items"]!.Count());
        Assert.Equal(2, (int)response.Json["pageDetails"]!["requestCount"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Include_fields_returns_only_the_requested_fields_plus_id_and_empty_user_defined_fields(SandboxTransport transport)
    {
        using var client = Seeded(transport);

        var response = await client.QueryAsync("Companies", new { IncludeFields = new[] { "companyName", "webAddress" }, Filter = new[] { new { op = "gt", field = "id", value = 0 } } });

        var first = (JObject)response.Json["items"]![0]!;
        Assert.Equal(new[] { "id", "companyName", "webAddress", "userDefinedFields" }, first.Properties().Select(p => p.Name));
        Assert.Empty((JArray)first["userDefinedFields"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_user_defined_field_filter_matches_by_udf_name(SandboxTransport transport)
    {
        using var client = Seeded(transport);
        client.Sandbox.Data.DefineUserDefinedField("Companies", "Customer Ranking");
        var beta = (long)(await client.QueryItemsAsync("Companies", new { op = "eq", field = "companyName", value = "Beta Logistics" }))[0]["id"]!;
        client.Sandbox.Data.Overwrite("Companies", beta, JObject.FromObject(new { userDefinedFields = new[] { new { name = "Customer Ranking", value = "Gold" } } }));

        var items = await client.QueryItemsAsync("Companies", new { op = "eq", field = "customer ranking", value = "gold", udf = true });
        var twoUdfs = await client.QueryAsync("Companies", new { filter = new object[] { new { op = "exist", field = "Customer Ranking", udf = true }, new { op = "exist", field = "Customer Ranking", udf = true } } });

        Assert.Equal(beta, (long)items.Single()["id"]!);
        Assert.Equal("Gold", (string?)items.Single()["userDefinedFields"]![0]!["value"]);
        Assert.Equal(500, twoUdfs.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Get_query_with_search_and_count_both_ways(SandboxTransport transport)
    {
        using var client = Seeded(transport);
        var search = Uri.EscapeDataString(JsonConvert.SerializeObject(new { filter = new[] { new { op = "contains", field = "companyName", value = "dental" } } }));

        var get = await client.GetAsync("ATServicesRest/V1.0/Companies/query?search=" + search);
        var getCount = await client.GetAsync("ATServicesRest/V1.0/Companies/query/count?search=" + search);
        var postCount = await client.PostAsync("ATServicesRest/V1.0/Companies/query/count", new { filter = new[] { new { op = "contains", field = "companyName", value = "dental" } } });

        Assert.Equal(2, get.Json["items"]!.Count());
        Assert.Equal(2, (int)getCount.Json["queryCount"]!);
        Assert.Equal(2, (int)postCount.Json["queryCount"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Reading_1234_companies_takes_three_query_requests_following_next_page_url_by_post(SandboxTransport transport)
    {
        var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
        for (var i = 0; i < 1234; i++)
        {
            sandbox.Data.Insert("Companies", new JObject { ["companyName"] = $"Customer {i:0000}", ["companyType"] = 1, ["phone"] = "555-0100", ["ownerResourceID"] = 29682881 });
        }

        using var client = new RawSandboxClient(sandbox, transport);
        var body = new { MaxRecords = 500, Filter = new[] { new { op = "gt", field = "id", value = 0 } } };
        sandbox.Statistics.Reset();

        var ids = new List<long>();
        var response = await client.QueryAsync("Companies", body);
        var pages = 1;
        ids.AddRange(response.Json["items"]!.Select(i => (long)i["id"]!));
        string? next;
        while ((next = (string?)response.Json["pageDetails"]!["nextPageUrl"]) != null)
        {
            Assert.StartsWith(client.BaseAddress.GetLeftPart(UriPartial.Authority), next, StringComparison.Ordinal);
            Assert.Equal(405, (await client.GetAsync(next)).StatusCode);
            response = await client.PostAsync(next, body);
            Assert.Equal(200, response.StatusCode);
            ids.AddRange(response.Json["items"]!.Select(i => (long)i["id"]!));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(1234, ids.Distinct().Count());
        Assert.Equal(ids.OrderBy(i => i), ids);
        Assert.Equal(3, sandbox.Statistics.RequestLog.Count(e => e.Method == "POST" && e.StatusCode == 200));
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task The_next_page_of_a_get_query_is_itself_gettable(SandboxTransport transport)
    {
        using var client = Seeded(transport);
        var search = Uri.EscapeDataString(JsonConvert.SerializeObject(new { maxRecords = 2, filter = new[] { new { op = "gt", field = "id", value = 0 } } }));

        var first = await client.GetAsync("ATServicesRest/V1.0/Companies/query?search=" + search);
        var second = await client.GetAsync((string)first.Json["pageDetails"]!["nextPageUrl"]!);

        Assert.Equal(200, second.StatusCode);
        Assert.Equal(new[] { "gamma traders", "Delta Dental Partners" }, second.Json["items"]!.Select(i => (string)i["companyName"]!));
    }

    private static RawSandboxClient Seeded(SandboxTransport transport)
    {
        var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
        foreach (var c in Companies)
        {
            sandbox.Data.Insert("Companies", new JObject
            {
                ["companyName"] = c.Name, ["companyType"] = c.Type, ["isActive"] = c.Active, ["webAddress"] = c.Web,
                ["createDate"] = c.Created, ["phone"] = "555-0100", ["ownerResourceID"] = 29682881,
            });
        }

        return new RawSandboxClient(sandbox, transport);
    }
}
