using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Protocol;

// The opaque "paging" value of a nextPageUrl: where the next page starts, and how the query was asked. A POST
// query's next page must be POSTed with the same body; a GET query's next page carries its search and is GET-able.
// Earlier pages' starting points travel along (as Autotask's paging JSON carries previousIds) for prevPageUrl.
internal sealed class PagingToken
{
    public PagingToken(bool fromGet, long afterId, string fingerprint, string? search, IReadOnlyList<long>? earlierPages = null)
    {
        FromGet = fromGet;
        AfterId = afterId;
        Fingerprint = fingerprint;
        Search = search;
        EarlierPages = earlierPages ?? Array.Empty<long>();
    }

    // Where each earlier page started (its AfterId), oldest first.
    public IReadOnlyList<long> EarlierPages { get; }

    public PagingToken Next(long lastId) => new(FromGet, lastId, Fingerprint, Search, EarlierPages.Append(AfterId).ToList());

    public PagingToken? Previous() => EarlierPages.Count == 0
        ? null
        : new PagingToken(FromGet, EarlierPages[EarlierPages.Count - 1], Fingerprint, Search, EarlierPages.Take(EarlierPages.Count - 1).ToList());

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
            ["p"] = new JArray(EarlierPages),
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
            var earlier = (json["p"] as JArray)?.Select(static t => (long)t).ToList();
            return new PagingToken((string?)json["m"] == "GET", (long)json["a"]!, (string)json["f"]!, (string?)json["s"], earlier);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or NullReferenceException or InvalidCastException)
        {
            throw new SandboxErrorException("The paging parameter is not valid.");
        }
    }
}
