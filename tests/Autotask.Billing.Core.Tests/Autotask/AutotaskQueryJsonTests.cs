using Autotask.Billing.Autotask.Query;

namespace Autotask.Billing.Tests.Autotask;

public sealed class AutotaskQueryJsonTests
{
    [Fact]
    public void A_query_without_filters_matches_every_row_by_id()
    {
        Assert.Equal("""{"filter":[{"op":"gte","field":"id","value":0}]}""", AutotaskQuery.All.ToJson());
    }

    [Theory]
    [InlineData("eq")]
    [InlineData("noteq")]
    [InlineData("gt")]
    [InlineData("gte")]
    [InlineData("lt")]
    [InlineData("lte")]
    public void Comparison_operators_use_autotask_spelling(string op)
    {
        var filter = op switch
        {
            "eq" => AutotaskFilter.Eq("companyType", 1),
            "noteq" => AutotaskFilter.NotEq("companyType", 1),
            "gt" => AutotaskFilter.Gt("companyType", 1),
            "gte" => AutotaskFilter.Gte("companyType", 1),
            "lt" => AutotaskFilter.Lt("companyType", 1),
            _ => AutotaskFilter.Lte("companyType", 1),
        };

        Assert.Equal($$"""{"op":"{{op}}","field":"companyType","value":1}""", filter.ToString());
    }

    [Fact]
    public void Text_operators_keep_their_camel_case_spelling()
    {
        var json = AutotaskQuery.Where(
            AutotaskFilter.BeginsWith("companyName", "A"),
            AutotaskFilter.EndsWith("companyName", "Ltd"),
            AutotaskFilter.Contains("companyName", "cm")).ToJson();

        Assert.Equal(
            """{"filter":[{"op":"beginsWith","field":"companyName","value":"A"},{"op":"endsWith","field":"companyName","value":"Ltd"},{"op":"contains","field":"companyName","value":"cm"}]}""",
            json);
    }

    [Fact]
    public void Exist_and_not_exist_carry_no_value()
    {
        Assert.Equal("""{"op":"exist","field":"phone"}""", AutotaskFilter.Exist("phone").ToString());
        Assert.Equal("""{"op":"notExist","field":"phone"}""", AutotaskFilter.NotExist("phone").ToString());
    }

    [Fact]
    public void In_and_not_in_send_arrays()
    {
        Assert.Equal("""{"op":"in","field":"id","value":[1,2,3]}""", AutotaskFilter.In("id", new long[] { 1, 2, 3 }).ToString());
        Assert.Equal("""{"op":"notIn","field":"state","value":["NY","CA"]}""", AutotaskFilter.NotIn("state", "NY", "CA").ToString());
    }

    [Fact]
    public void Groups_nest_and_a_udf_condition_is_flagged()
    {
        var query = AutotaskQuery.Where(
                AutotaskFilter.Eq("isActive", true),
                AutotaskFilter.Or(
                    AutotaskFilter.BeginsWith("companyName", "A"),
                    AutotaskFilter.And(AutotaskFilter.In("companyType", 1, 3), AutotaskFilter.Exist("phone"))),
                AutotaskFilter.Gt("Customer Ranking", 2).OnUserDefinedField())
            .WithIncludeFields("companyName")
            .WithMaxRecords(200);

        Assert.Equal(
            """{"filter":[{"op":"eq","field":"isActive","value":true},""" +
            """{"op":"or","items":[{"op":"beginsWith","field":"companyName","value":"A"},""" +
            """{"op":"and","items":[{"op":"in","field":"companyType","value":[1,3]},{"op":"exist","field":"phone"}]}]},""" +
            """{"op":"gt","field":"Customer Ranking","value":2,"udf":true}],""" +
            "\"includeFields\":[\"id\",\"companyName\"],\"maxRecords\":200}",
            query.ToJson());
    }

    [Fact]
    public void Dates_are_sent_as_utc_without_a_zone_designator()
    {
        var local = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).ToLocalTime();

        Assert.Equal("""{"op":"gte","field":"createDate","value":"2026-03-01T12:00:00.000"}""", AutotaskFilter.Gte("createDate", local).ToString());
        Assert.Equal(
            """{"op":"lt","field":"createDate","value":"2026-03-01T00:00:00.000"}""",
            AutotaskFilter.Lt("createDate", new DateTime(2026, 3, 1)).ToString());
    }

    [Fact]
    public void Decimals_keep_their_digits()
    {
        Assert.Equal("""{"op":"eq","field":"unitPrice","value":12.345}""", AutotaskFilter.Eq("unitPrice", 12.345m).ToString());
    }

    [Fact]
    public void Unsupported_values_and_empty_lists_are_rejected_when_built()
    {
        Assert.Throws<ArgumentException>(() => AutotaskFilter.Eq("id", new object()));
        Assert.Throws<ArgumentNullException>(() => AutotaskFilter.Eq("id", null!));
        Assert.Throws<ArgumentException>(() => AutotaskFilter.In("id", Array.Empty<long>()));
        Assert.Throws<ArgumentException>(() => AutotaskFilter.Or());
    }

    [Fact]
    public void Page_size_must_be_between_1_and_500()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AutotaskQuery.All.WithMaxRecords(501));
        Assert.Throws<ArgumentOutOfRangeException>(() => AutotaskQuery.All.WithMaxRecords(0));
    }

    [Fact]
    public void Only_one_user_defined_field_may_be_filtered()
    {
        Assert.Throws<ArgumentException>(() => AutotaskQuery.Where(
            AutotaskFilter.Eq("Ranking", "Gold").OnUserDefinedField(),
            AutotaskFilter.Eq("Region", "North").OnUserDefinedField()));
    }
}
