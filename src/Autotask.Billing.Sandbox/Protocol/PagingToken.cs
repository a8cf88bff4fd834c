using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Protocol;

// The opaque "paging" value of a nextPageUrl: where the next page starts, and how the query was asked. A POST
// query's next page must be POSTed with the same body; a GET query's next page carries its search and is GET-able.
internal sealed class PagingToken
{
    public PagingToken(bool fromGet, long afterId, string fingerprint, string? search)
    {
        FromGet = fromGet;
        AfterId = afterId;
        Fingerprint = fingerprint;
        Search = search;
    }

    public bool FromGet { get; }

    public long AfterId { get; }

    public string Fingerprint { get; }

    public string? Search { get; }

    public string Encode()
    {
        var json = new JObject
        {
            ["m"] = FromGet ? "GET" : "POST",
            ["a"] = AfterId,
            ["f"] = Fingerprint,
            ["s"] = Search,
        }.ToString(Formatting.None);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static PagingToken Decode(string? text)
    {
        try
        {
            var base64 = text!.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            var json = JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            return new PagingToken((string?)json["m"] == "GET", (long)json["a"]!, (string)json["f"]!, (string?)json["s"]);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or NullReferenceException or InvalidCastException)
        {
            throw new SandboxErrorException("The paging parameter is not valid.");
        }
    }
}
