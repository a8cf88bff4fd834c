using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>
/// Query pages, GETs by id and field lists are read from the response's bytes straight into entities: every value
/// must come out as it did through a JSON tree (decimal money, UTC dates, unknown fields ignored), and an answer that
/// cannot be read must say so, naming the entity, never pass for an empty result.
/// </summary>
public sealed class QueryPageReadingTests : IDisposable
{
    private const decimal NineteenDigits = 0.1234567890123456789m;
    private const string LastPage = """ "pageDetails":{"count":1,"requestCount":500,"prevPageUrl":null,"nextPageUrl":null} """;

    private readonly SandboxServer _server = SandboxServer.Empty();

    [Fact]
    public async Task Money_comes_out_exact_from_the_sandbox_on_every_read_path()
    {
        // The sandbox writes money as Autotask does, as a JSON double (so at most 15 significant digits reach the wire).
        const decimal price = 12345678901.2345m;
        var id = _server.Sandbox.Data.Insert("Services", new JObject
        {
            ["name"] = "Precise", ["periodType"] = _server.Sandbox.Data.PicklistValue("Services", "periodType", "Monthly"),
            ["unitPrice"] = price, ["unitCost"] = 0.0001m, ["billingCodeID"] = 29682701, ["isActive"] = true,
        });
        using var client = await _server.ConnectAsync();

        var byId = AutotaskQuery.Where(AutotaskFilter.Eq("id", id));
        var reads = new[]
        {
            Assert.Single(await client.QueryAsync<Service>(byId)),
            Assert.Single(await client.QueryLargeAsync<Service>(byId)),
            Assert.Single(await client.QueryInAsync<Service>("id", new[] { id })),
            (await client.GetAsync<Service>(id))!,
        };

        Assert.All(reads, service => Assert.Equal(price, service.UnitPrice));
        Assert.All(reads, service => Assert.Equal(0.0001m, service.UnitCost));
    }

    [Fact]
    public async Task Money_with_19_significant_digits_keeps_every_digit_on_every_query_path()
    {
        using var answers = new RewrittenAnswers(
            "/ContractServices/query", """{"items":[{"id":1,"unitPrice":0.1234567890123456789,"unitCost":"0.1234567890123456789"}],""" + LastPage + "}");
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        var reads = new[]
        {
            Assert.Single(await client.QueryAsync<ContractService>(AutotaskQuery.All)),
            Assert.Single(await client.QueryLargeAsync<ContractService>(AutotaskQuery.All)),
            Assert.Single(await client.QueryInAsync<ContractService>("id", new[] { 1L })),
        };

        // The digits themselves, not merely a close value: a double would give 0.12345678901234568.
        Assert.All(reads, service => Assert.Equal("0.1234567890123456789", service.UnitPrice!.Value.ToString(CultureInfo.InvariantCulture)));
        Assert.All(reads, service => Assert.Equal(NineteenDigits, service.UnitCost));
    }

    [Fact]
    public async Task A_date_with_an_offset_is_the_same_utc_instant_as_one_without_a_zone()
    {
        var page = """
            {"items":[
            {"id":1,"startDate":"2026-03-01T00:30:00+02:00","endDate":"2026-03-31T00:00:00"},
            {"id":2,"startDate":"2026-02-28T22:30:00","endDate":"2026-03-31T00:00:00.000Z"},
            {"id":3,"startDate":"2026-02-28T22:30:00.0000000Z","endDate":"2026-03-30T19:00:00-05:00"}],
            """ + LastPage + "}";
        using var answers = new RewrittenAnswers("/ContractServiceUnits/query", page);
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        var units = await client.QueryAsync<ContractServiceUnit>(AutotaskQuery.All);

        Assert.Equal(new long[] { 1, 2, 3 }, units.Select(u => u.Id));
        Assert.All(units, u => Assert.Equal(new DateTime(2026, 2, 28, 22, 30, 0, DateTimeKind.Utc), u.StartDate));
        Assert.All(units, u => Assert.Equal(DateTimeKind.Utc, u.StartDate!.Value.Kind));
        Assert.All(units, u => Assert.Equal(new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), u.EndDate));
    }

    [Fact]
    public async Task Unknown_fields_of_any_shape_and_lenient_scalars_do_not_break_a_page()
    {
        var page = """
            {"items":[{"id":"7","contractID":"70","serviceID":71,"unitPrice":"12.50","adjustedPrice":12.5,
            "fieldAddedIn2027":{"nested":[1,{"deeper":null}],"flag":true},"userDefinedFields":[{"name":"x","value":"y"}],
            "anotherNewOne":[["a"],[]],"invoiceDescription":"2026-01-01T00:00:00"}],
            "pageDetails":{"count":1,"nextPageUrl":null,"somethingNew":{"a":1}},"topLevelExtra":[1,2,3]}
            """;
        using var answers = new RewrittenAnswers("/ContractServices/query", page);
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        var service = Assert.Single(await client.QueryAsync<ContractService>(AutotaskQuery.All));

        Assert.Equal(7, service.Id);
        Assert.Equal(70, service.ContractID);
        Assert.Equal(71, service.ServiceID);
        Assert.Equal(12.50m, service.UnitPrice);
        Assert.Equal(12.5m, service.AdjustedPrice);
        // Text that looks like a date stays the text it was.
        Assert.Equal("2026-01-01T00:00:00", service.InvoiceDescription);
    }

    [Theory]
    [InlineData("""{"items":null,"pageDetails":{"count":0,"nextPageUrl":null}}""")]
    [InlineData("""{"items":[],"pageDetails":{"count":0,"requestCount":500,"prevPageUrl":null,"nextPageUrl":null}}""")]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{"items":[null],"pageDetails":null}""")]
    [InlineData("""{}""")]
    public async Task Null_items_an_empty_page_or_no_page_details_are_an_empty_result_in_one_request(string page)
    {
        using var answers = new RewrittenAnswers("/ContractServices/query", page);
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        Assert.Empty(await client.QueryAsync<ContractService>(AutotaskQuery.All));
        Assert.Empty(await client.QueryLargeAsync<ContractService>(AutotaskQuery.All));
        Assert.Equal(2, answers.Rewritten);
    }

    [Fact]
    public async Task A_full_page_whose_next_page_url_is_null_is_the_last_page()
    {
        var items = string.Join(",", Enumerable.Range(1, 3).Select(i => $$"""{"id":{{i}},"unitPrice":{{i}}.10}"""));
        using var answers = new RewrittenAnswers("/ContractServices/query", "{\"items\":[" + items + "]," + LastPage + "}");
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        var services = await client.QueryAsync<ContractService>(AutotaskQuery.All.WithMaxRecords(3));

        Assert.Equal(new[] { 1.10m, 2.10m, 3.10m }, services.Select(s => s.UnitPrice!.Value));
        Assert.Equal(1, answers.Rewritten);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("""{"items":[{"id":1,"unitPrice":""")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public async Task A_success_whose_body_is_not_a_json_object_is_a_broken_answer_naming_the_entity(string body)
    {
        using var answers = new RewrittenAnswers("/ContractServices/query", body);
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers, MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<AutotaskApiException>(() => client.QueryAsync<ContractService>(AutotaskQuery.All));

        Assert.Equal("ContractServices", error.EntityName);
        Assert.Equal(AutotaskOperation.Query, error.Operation);
        Assert.Null(error.StatusCode);
        Assert.Contains("query ContractServices", error.Message);
        Assert.Contains("not a JSON object", error.Message);
        // As any broken connection on a read: tried again, up to the attempts allowed.
        Assert.Equal(2, answers.Rewritten);
    }

    [Fact]
    public async Task A_success_with_a_value_the_model_cannot_take_is_reported_once_naming_the_entity_and_the_field()
    {
        using var answers = new RewrittenAnswers("/ContractServices/query", """{"items":[{"id":1,"unitPrice":"twelve"}],""" + LastPage + "}");
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        var error = await Assert.ThrowsAsync<AutotaskApiException>(() => client.QueryAsync<ContractService>(AutotaskQuery.All));

        Assert.Equal("ContractServices", error.EntityName);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("query ContractServices", error.Message);
        Assert.Contains("items[0].unitPrice", error.Message);
        Assert.Equal(1, answers.Rewritten);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_secret_echoed_in_an_answer_that_cannot_be_read_never_reaches_the_error(bool cutOff)
    {
        var secret = _server.Sandbox.ApiUser.Secret;
        // A value that does not fit the model, or a body cut off right after a property named like the secret.
        var page = cutOff
            ? "{\"items\":[{\"" + secret + "\":"
            : new JObject { ["items"] = new JArray(new JObject { ["id"] = 1, ["unitPrice"] = secret }) }.ToString();
        using var answers = new RewrittenAnswers("/ContractServices/query", page);
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        var error = await Assert.ThrowsAsync<AutotaskApiException>(() => client.QueryAsync<ContractService>(AutotaskQuery.All));

        Assert.Contains("items[0]", error.Message);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"item":null}""", null)]
    [InlineData("""{"item":{"id":5,"unitPrice":0.1234567890123456789,"somethingNew":{"a":[1]}},"extra":1}""", 5L)]
    public async Task A_get_by_id_reads_its_item_or_none(string body, long? expected)
    {
        using var answers = new RewrittenAnswers("/ContractServices/5", body);
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = answers });

        var service = await client.GetAsync<ContractService>(5);

        Assert.Equal(expected, service?.Id);
        Assert.Equal(expected is null ? null : NineteenDigits, service?.UnitPrice);
        Assert.Equal(1, answers.Rewritten);
    }

    public void Dispose() => _server.Dispose();
}
