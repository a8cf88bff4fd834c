using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

public sealed class RawResponse
{
    public RawResponse(HttpStatusCode status, string body, HttpResponseHeaders headers)
    {
        Status = status;
        Body = body;
        Headers = headers;
    }

    public HttpStatusCode Status { get; }

    public string Body { get; }

    public HttpResponseHeaders Headers { get; }

    public int StatusCode => (int)Status;

    // Dates stay strings, exactly as sent on the wire.
    public JObject Json
    {
        get
        {
            using var reader = new JsonTextReader(new StringReader(Body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            return JObject.Load(reader);
        }
    }

    public IReadOnlyList<string> Errors => Json["errors"]!.Values<string>().Select(e => e!).ToList();
}
