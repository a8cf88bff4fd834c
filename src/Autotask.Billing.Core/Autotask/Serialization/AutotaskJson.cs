using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Autotask.Serialization;

/// <summary>One place for how the client reads and writes Autotask JSON.</summary>
internal static class AutotaskJson
{
    internal static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new AutotaskContractResolver(),
        Converters = { new UtcDateTimeConverter(), new LenientScalarConverter() },
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        Culture = CultureInfo.InvariantCulture,
        Formatting = Formatting.None,
    };

    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>The body as a JSON object, or null when it is empty or not a JSON object (an HTML error page, say).</summary>
    internal static JObject? TryParseObject(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var reader = CreateReader(new StringReader(content!));
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a JSON body straight from its bytes into <typeparamref name="T"/> (a typed page, an entity, or a JObject
    /// where the shape is free-form): no string of the body and no JSON tree in between. Numbers are decimal and
    /// dates stay text for the converters, as in <see cref="TryParseObject"/>. Null when the body is JSON null or, for
    /// a JObject, not an object. Malformed or cut-off JSON throws a <see cref="JsonReaderException"/>; a value the
    /// model cannot take a <see cref="JsonException"/> too: the caller tells the two apart.
    /// </summary>
    internal static T? Read<T>(ReadOnlyMemory<byte> body, Encoding? encoding)
        where T : class
    {
#if NET8_0_OR_GREATER
        // A query page, the bulk of every read, goes straight from its UTF-8 bytes into entities.
        if (Utf8QueryPageReader.For(typeof(T)) is { } readPage && encoding is null or UTF8Encoding)
        {
            return (T?)readPage(body.Span);
        }
#endif

        using var stream = MemoryMarshal.TryGetArray(body, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        return ReadWithSerializer<T>(stream, encoding);
    }

    /// <summary><see cref="Read{T}"/> through <see cref="Serializer"/> whatever the type.</summary>
    internal static T? ReadWithSerializer<T>(Stream content, Encoding? encoding)
        where T : class
    {
        using var text = new StreamReader(content, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
        using var reader = CreateReader(text);
        if (typeof(T) == typeof(JObject))
        {
            return JToken.ReadFrom(reader) as T;
        }

        return Serializer.Deserialize<T>(reader);
    }

    /// <summary>How every Autotask body is read: numbers as decimals (money keeps its scale), dates as text for the converters.</summary>
    internal static JsonTextReader CreateReader(TextReader text) => new(text)
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        Culture = CultureInfo.InvariantCulture,
    };

    internal static JObject FromObject(object value) => JObject.FromObject(value, Serializer);

    internal static string Write(JToken token) => token.ToString(Formatting.None, Serializer.Converters.ToArray());

    /// <summary>A property by name regardless of case: Autotask and clients disagree on casing.</summary>
    internal static JToken? Property(JObject body, string name) =>
        body.GetValue(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Autotask declares itemId and friends as free-form; they arrive as numbers or numeric strings.</summary>
    internal static long? ReadLong(JToken? token)
    {
        if (token is not JValue value || value.Value is null)
        {
            return null;
        }

        return LenientScalarConverter.TryConvert(value.Value, typeof(long), out var converted) ? (long?)converted : null;
    }

    /// <summary>The messages of an Autotask error envelope: errors[] of strings (or of objects with a message), or ASP.NET's Message.</summary>
    internal static IReadOnlyList<string> ReadErrors(JObject? body)
    {
        if (body is null)
        {
            return Array.Empty<string>();
        }

        var messages = new List<string>();
        if (Property(body, "errors") is JArray errors)
        {
            foreach (var error in errors)
            {
                var text = error switch
                {
                    JValue scalar => scalar.Value?.ToString(),
                    JObject detail => (Property(detail, "message") ?? Property(detail, "error"))?.ToString(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    messages.Add(text!);
                }
            }
        }

        if (messages.Count == 0 && Property(body, "message") is JValue { Value: string message } && message.Length > 0)
        {
            messages.Add(message);
        }

        return messages;
    }
}
