using System.Text;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Autotask;

public sealed class AutotaskJsonTests
{
    [Theory]
    [InlineData("2016-03-30T13:10:35.563")]
    [InlineData("2016-03-30T13:10:35.563Z")]
    [InlineData("2016-03-30T13:10:35.5630000")]
    [InlineData("2016-03-30T15:10:35.563+02:00")]
    public void Date_times_are_read_as_utc_whatever_their_form(string wire)
    {
        var company = Read<Company>($$"""{"id":1,"createDate":"{{wire}}"}""");

        Assert.Equal(DateTimeKind.Utc, company.CreateDate!.Value.Kind);
        Assert.Equal(new DateTime(2016, 3, 30, 13, 10, 35, 563, DateTimeKind.Utc), company.CreateDate.Value);
    }

    [Fact]
    public void A_date_without_fraction_digits_is_read_as_utc()
    {
        var company = Read<Company>("""{"id":1,"createDate":"2018-11-13T17:32:34"}""");

        Assert.Equal(new DateTime(2018, 11, 13, 17, 32, 34, DateTimeKind.Utc), company.CreateDate);
    }

    [Fact]
    public void Unknown_missing_and_null_properties_are_tolerated()
    {
        var company = Read<Company>("""{"id":7,"companyName":null,"renamedInRelease2026":"x","userDefinedFields":[]}""");

        Assert.Equal(7, company.Id);
        Assert.Null(company.CompanyName);
        Assert.Null(company.CompanyType);
        Assert.Empty(company.UserDefinedFields!);
    }

    [Fact]
    public void Picklist_numbers_and_ids_that_arrive_as_strings_are_read()
    {
        var company = Read<Company>("""{"id":"42","companyType":"3","ownerResourceID":"","isActive":"true"}""");

        Assert.Equal(42, company.Id);
        Assert.Equal(3, company.CompanyType);
        Assert.Null(company.OwnerResourceID);
        Assert.True(company.IsActive);
    }

    [Fact]
    public void Integer_flags_and_boolean_flags_convert_both_ways()
    {
        Assert.Equal(1, Read<Contact>("""{"id":1,"isActive":true}""").IsActive);
        Assert.True(Read<Company>("""{"id":1,"isActive":1}""").IsActive);
    }

    [Fact]
    public void Money_is_read_into_decimal_from_its_text()
    {
        var service = Read<ContractService>("""{"id":1,"unitPrice":0.1,"unitCost":12345678901234.56789}""");

        Assert.Equal(0.1m, service.UnitPrice);
        Assert.Equal(12345678901234.56789m, service.UnitCost);
    }

    [Fact]
    public void A_fractional_number_is_not_silently_truncated_into_an_integer()
    {
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => Read<Company>("""{"id":1,"companyType":1.5}"""));
    }

    [Fact]
    public void Entities_are_written_camel_case_without_nulls_or_an_unset_id()
    {
        var adjustment = new ContractServiceAdjustment
        {
            ContractID = 5,
            ContractServiceID = 9,
            EffectiveDate = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc),
            UnitChange = -2,
            AdjustedUnitPrice = 10.50m,
        };

        Assert.Equal(
            """{"contractID":5,"contractServiceID":9,"effectiveDate":"2026-04-01T00:00:00.000","unitChange":-2,"adjustedUnitPrice":10.50}""",
            AutotaskJson.Write(AutotaskJson.FromObject(adjustment)));
    }

    [Fact]
    public void A_date_only_field_keeps_its_calendar_date_whatever_the_local_time_zone()
    {
        var adjustment = new ContractServiceAdjustment { EffectiveDate = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Local) };

        Assert.Equal("""{"effectiveDate":"2026-04-01T00:00:00.000"}""", AutotaskJson.Write(AutotaskJson.FromObject(adjustment)));
    }

    [Theory]
    [InlineData("""{"itemId":12}""", 12L)]
    [InlineData("""{"itemId":"12"}""", 12L)]
    [InlineData("""{"itemId":null}""", null)]
    public void Item_ids_are_read_as_numbers_or_strings(string body, long? expected)
    {
        Assert.Equal(expected, AutotaskJson.ReadLong(AutotaskJson.TryParseObject(body)!["itemId"]));
    }

    [Fact]
    public void Error_envelopes_of_strings_objects_and_asp_net_messages_are_read()
    {
        Assert.Equal(new[] { "a", "b" }, AutotaskJson.ReadErrors(JObject.Parse("""{"errors":["a","b"]}""")));
        Assert.Equal(new[] { "c" }, AutotaskJson.ReadErrors(JObject.Parse("""{"errors":[{"message":"c"}]}""")));
        Assert.Equal(new[] { "d" }, AutotaskJson.ReadErrors(JObject.Parse("""{"Message":"d"}""")));
        Assert.Null(AutotaskJson.TryParseObject("<html>Bad gateway</html>"));
    }

    [Fact]
    public void Changes_between_two_versions_hold_only_the_changed_properties()
    {
        var before = new ContractService { Id = 3, ContractID = 1, AdjustedPrice = 10m, InvoiceDescription = "Old" };
        var after = new ContractService { Id = 3, ContractID = 1, AdjustedPrice = 12.5m, InvoiceDescription = null };

        var changes = AutotaskEntityChanges.Between(before, after);

        Assert.Equal(new[] { "adjustedPrice", "invoiceDescription" }, changes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(12.5m, ((JValue)changes["adjustedPrice"]!).Value);
        Assert.Null(changes["invoiceDescription"]);
    }

    // The path every query page, GET and field list takes: the body's bytes straight into the type.
    private static T Read<T>(string json)
        where T : class =>
        AutotaskJson.Read<T>(Encoding.UTF8.GetBytes(json), null)!;
}
