using System.Text;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>
/// The UTF-8 page reader (every query page) reads exactly what the Newtonsoft serializer with the client's converters
/// reads, for what Autotask sends and for the liberties the API notes say it takes, and fails where it fails.
/// </summary>
public sealed class Utf8QueryPageReaderTests
{
    public static readonly TheoryData<string> Pages = new()
    {
        // Plain rows as the sandbox writes them, and pageDetails with a next page.
        """{"items":[{"id":1,"contractID":20,"serviceID":300,"unitPrice":7.2,"unitCost":6.0,"adjustedPrice":null,"invoiceDescription":"M365","internalDescription":null}],"pageDetails":{"count":1,"requestCount":500,"prevPageUrl":null,"nextPageUrl":"https://h/ATServicesRest/V1.0/ContractServices/query/next?paging=x"}}""",
        // Numbers as strings, decimals with many digits, exponent, negative, case of names, unknown fields, a null item.
        """{"Items":[{"ID":"2","ContractId":"21","unitPrice":"0.1234567890123456789","unitCost":1e2,"adjustedPrice":-3.50,"somethingNew":{"a":[1,{"b":null}]},"invoiceDescription":12.50},null],"PAGEDETAILS":{"nextPageUrl":null}}""",
        // Empty strings: null for a nullable number; text kept.
        """{"items":[{"id":3,"unitPrice":"","unitCost":" ","invoiceDescription":"","internalDescription":true}]}""",
        // A lone surrogate (a field cut mid-emoji) and a next page that is not text: left to the serializer, read as it reads them.
        """{"items":[{"id":4,"invoiceDescription":"Seats \ud83d"}],"pageDetails":{"nextPageUrl":5}}""",
        """{"items":[{"id":5,"invoiceDescription":"x"}],"pageDetails":{"nextPageUrl":true}}""",
        // No items, no pageDetails; items null.
        """{"items":null}""",
        """{"items":[]}""",
        """{}""",
    };

    public static readonly TheoryData<string> Units = new()
    {
        """{"items":[{"id":9,"contractID":1,"contractServiceID":2,"serviceID":3,"startDate":"2026-10-01T00:00:00Z","endDate":"2026-10-31T00:00:00","units":"12","price":10,"cost":"9.5","approveAndPostDate":null}]}""",
        """{"items":[{"id":10,"startDate":"2026-10-01T02:00:00+02:00","endDate":"2026-10-31T23:59:59.1234567Z","units":4.0,"approveAndPostDate":""}]}""",
    };

    public static readonly TheoryData<string> Companies = new()
    {
        """{"items":[{"id":5,"companyName":"Acme","companyType":"1","isActive":1,"createDate":"2019-11-25T15:47:59.167Z","userDefinedFields":[]}]}""",
        """{"items":[{"id":6,"isActive":"true","isTaxExempt":0,"userDefinedFields":[{"name":"Ranking","value":"Gold"},{"name":"Seats","value":12},{"Name":"Flag","VALUE":true,"extra":1},null,{"name":"Empty","value":null}]}]}""",
        """{"items":[{"id":7,"isActive":false,"userDefinedFields":null}]}""",
    };

    public static readonly TheoryData<string, string> Refused = new()
    {
        { "a money value that is not a number", """{"items":[{"id":1,"unitPrice":"seven"}]}""" },
        { "a fraction for an id", """{"items":[{"id":1,"contractID":2.5}]}""" },
        { "an object for a number", """{"items":[{"id":1,"unitPrice":{"v":1}}]}""" },
        { "an empty id", """{"items":[{"id":""}]}""" },
        { "an item that is not an object", """{"items":[5]}""" },
        { "a body cut off", """{"items":[{"id":1,"unitPrice":""" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Contract_service_pages_read_as_the_serializer_reads_them(string body) => AssertSame<ContractService>(body);

    [Theory]
    [MemberData(nameof(Units))]
    public void Unit_pages_read_as_the_serializer_reads_them(string body) => AssertSame<ContractServiceUnit>(body);

    [Theory]
    [MemberData(nameof(Companies))]
    public void Company_pages_with_user_defined_fields_read_as_the_serializer_reads_them(string body) => AssertSame<Company>(body);

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var body = """{"items":[{"id":1,"unitPrice":2.5}]}""";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(body)).ToArray();

        var page = (AutotaskQueryPage<ContractService>?)Reader<ContractService>()(bytes);

        Assert.Equal(2.5m, page!.Rows().Single().UnitPrice);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_the_serializer_refuses_is_refused_too(string why, string body)
    {
        Assert.NotNull(why);
        Assert.ThrowsAny<JsonException>(() => Serializer<ContractService>(body));
        Assert.ThrowsAny<JsonException>(() => Reader<ContractService>()(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Only_query_pages_take_this_path()
    {
        Assert.NotNull(Utf8QueryPageReader.For(typeof(AutotaskQueryPage<Contract>)));
        Assert.Null(Utf8QueryPageReader.For(typeof(AutotaskItemAnswer<Contract>)));
        Assert.Null(Utf8QueryPageReader.For(typeof(Newtonsoft.Json.Linq.JObject)));
    }

    private static Utf8QueryPageReader.PageReader Reader<T>()
        where T : AutotaskEntity =>
        Utf8QueryPageReader.For(typeof(AutotaskQueryPage<T>))!;

    private static AutotaskQueryPage<T>? Serializer<T>(string body)
        where T : AutotaskEntity
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return AutotaskJson.ReadWithSerializer<AutotaskQueryPage<T>>(stream, Encoding.UTF8);
    }

    private static void AssertSame<T>(string body)
        where T : AutotaskEntity
    {
        var expected = Serializer<T>(body);
        var actual = (AutotaskQueryPage<T>?)Reader<T>()(Encoding.UTF8.GetBytes(body));

        Assert.NotNull(actual);
        Assert.Equal(Describe(expected!), Describe(actual!));
    }

    // Every property of every row (default Newtonsoft output: decimals keep their scale, dates their kind).
    private static string Describe<T>(AutotaskQueryPage<T> page)
        where T : class =>
        JsonConvert.SerializeObject(new { page.Items, Next = page.NextPageUrl()?.AbsoluteUri }, new JsonSerializerSettings { DateFormatString = "o" });
}
