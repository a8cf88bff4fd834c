using Newtonsoft.Json;

namespace Autotask.Billing.Sandbox.Protocol;

internal sealed class SandboxResponse
{
    public SandboxResponse(int statusCode, string? body)
    {
        StatusCode = statusCode;
        Body = body;
    }

    public int StatusCode { get; }

    // Null means an empty body (no content type), as Autotask sends with 401.
    public string? Body { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    // The write was applied but the transport must fail, so the client cannot know the outcome.
    public bool DropConnection { get; set; }

    // How long the transport waits before answering (or dropping), outside the endpoint's thread slot.
    public TimeSpan HoldFor { get; set; }

    // Like HoldFor, until the task completes (a late commit's release).
    public Task? HoldUntil { get; set; }

    // Called once the request is done with: in the request log, or abandoned by a cancelled hold.
    public Action? Finished { get; set; }

    public static SandboxResponse Json(int statusCode, Action<JsonWriter> write)
    {
        var text = new StringWriter();
        using (var writer = new JsonTextWriter(text))
        {
            write(writer);
        }

        return new SandboxResponse(statusCode, text.ToString());
    }

    public static SandboxResponse Errors(int statusCode, params string[] errors) => Json(statusCode, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("errors");
        w.WriteStartArray();
        foreach (var error in errors)
        {
            w.WriteValue(error);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static SandboxResponse MethodNotAllowed(string method) => Json(405, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("Message");
        w.WriteValue($"The requested resource does not support http method '{method}'.");
        w.WriteEndObject();
    });

    public static SandboxResponse NotFound(Uri uri) => Json(404, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("Message");
        w.WriteValue($"No HTTP resource was found that matches the request URI '{uri.AbsoluteUri}'.");
        w.WriteEndObject();
    });

    public static SandboxResponse ItemId(long id) => Json(200, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("itemId");
        w.WriteValue(id);
        w.WriteEndObject();
    });
}
