using System.Globalization;
using Autotask.Billing.Sandbox.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Protocol;

// Conversions between JSON tokens and stored values, with Autotask's wire conventions: UTC date-times with a `Z`
// and as many fraction digits as they need (2019-11-25T15:47:59.167Z, 2023-05-04T08:53:10Z), date-only fields
// kept at midnight of the date as written (no zone, so no client moves them), booleans only as JSON booleans,
// money and quantities rounded to the scale Autotask stores (docs/autotask-api-notes.md).
internal static class WireValues
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    // Autotask's ContractCharges page says the API rounds unitQuantity, unitCost and unitPrice; the scale is not
    // stated there, four decimals is what its UI and stored values show (docs/autotask-api-notes.md).
    public const int DecimalScale = 4;

    // The persistence format: fixed milliseconds, no zone (read back as UTC).
    public static string FormatDate(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string FormatDateTime(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF", CultureInfo.InvariantCulture) + "Z";

    public static string FormatDateOnly(DateTime value) => value.ToString("yyyy-MM-dd'T'00:00:00", CultureInfo.InvariantCulture);

    public static decimal Round(decimal value) => Math.Round(value, DecimalScale, MidpointRounding.AwayFromZero);

    public static JObject ParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new SandboxErrorException("The request body is empty.");
        }

        try
        {
            return ParseToken(body!) as JObject ?? throw new SandboxErrorException("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new SandboxErrorException("The request body is not valid JSON: " + e.Message);
        }
    }

    public static JToken ParseToken(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JToken.ReadFrom(reader);
    }

    public static object? FromJson(FieldDefinition field, JToken? token)
    {
        if (token == null || token.Type == JTokenType.Null || token.Type == JTokenType.Undefined || token is JValue { Value: null })
        {
            if (field.Type == FieldType.Boolean)
            {
                throw new SandboxErrorException($"The value for {field.Name} must be true or false.");
            }

            return null;
        }

        switch (field.Type)
        {
            case FieldType.String:
                var text = token.Type == JTokenType.String ? (string)token! : token.ToString(Formatting.None);
                if (field.Length > 0 && text.Length > field.Length)
                {
                    throw new SandboxErrorException($"The value for {field.Name} exceeds the maximum length of {field.Length} characters.");
                }

                return text;
            case FieldType.Integer:
            case FieldType.Long:
                return ToInteger(field.Name, token);
            case FieldType.Decimal:
                return Round(ToDecimal(field.Name, token));
            case FieldType.Boolean:
                if (token.Type != JTokenType.Boolean)
                {
                    throw new SandboxErrorException($"The value for {field.Name} must be true or false.");
                }

                return (bool)token;
            default:
                if (token.Type != JTokenType.String || !TryParseDate((string)token!, field.Type == FieldType.Date, out var date))
                {
                    throw new SandboxErrorException($"The value for {field.Name} is not a valid date.");
                }

                return date;
        }
    }


    public static bool TryParseDate(string text, bool dateOnly, out DateTime value)
    {
        value = default;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        value = dateOnly
            ? DateTime.SpecifyKind(parsed.DateTime.Date, DateTimeKind.Utc)
            : DateTime.SpecifyKind(parsed.UtcDateTime, DateTimeKind.Utc);
        return true;
    }

    public static long ToInteger(string name, JToken token)
    {
        switch (token.Type)
        {
            case JTokenType.Integer:
                return (long)token;
            case JTokenType.Float when (decimal)token == Math.Truncate((decimal)token):
                return (long)(decimal)token;
            case JTokenType.String when long.TryParse((string)token!, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new SandboxErrorException($"The value for {name} must be a whole number.");
        }
    }

    public static decimal ToDecimal(string name, JToken token)
    {
        switch (token.Type)
        {
            case JTokenType.Integer:
            case JTokenType.Float:
                return (decimal)token;
            case JTokenType.String when decimal.TryParse((string)token!, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new SandboxErrorException($"The value for {name} must be a number.");
        }
    }

    public static void Write(JsonWriter writer, FieldDefinition field, object? value)
    {
        if (value is DateTime date)
        {
            writer.WriteValue(field.Type == FieldType.Date ? FormatDateOnly(date) : FormatDateTime(date));
            return;
        }

        Write(writer, value);
    }

    // What Write puts into a JsonTextWriter, with the text of dates and money kept once made: a page repeats the same
    // few dates and prices hundreds of times. The bytes are the same (the cached text is what Write would write).
    public static void WriteText(JsonTextWriter writer, FieldDefinition field, object? value)
    {
        switch (value)
        {
            case DateTime date:
                var key = (date.Ticks << 1) | (field.Type == FieldType.Date ? 1L : 0L);
                writer.WriteRawValue(Cached(QuotedDates, key, static (k, d) => "\"" + (((k & 1) == 1) ? FormatDateOnly(d) : FormatDateTime(d)) + "\"", date));
                break;
            case decimal money:
                // Keyed by the exact bits: equal values of another scale or sign (-0) may not convert to the same double.
                writer.WriteRawValue(Cached(MoneyTexts, Bits(money), static (_, m) => JsonConvert.ToString((double)m), money));
                break;
            default:
                Write(writer, field, value);
                break;
        }
    }

    private const int CacheLimit = 100_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> QuotedDates = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, int, int), string> MoneyTexts = new();

    private static (int, int, int, int) Bits(decimal value)
    {
#if NET8_0_OR_GREATER
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
#else
        var bits = decimal.GetBits(value);
#endif
        return (bits[0], bits[1], bits[2], bits[3]);
    }

    private static string Cached<TKey, TArg>(System.Collections.Concurrent.ConcurrentDictionary<TKey, string> cache, TKey key, Func<TKey, TArg, string> make, TArg argument)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var text))
        {
            return text;
        }

        text = make(key, argument);
        if (cache.Count < CacheLimit)
        {
            cache.TryAdd(key, text);
        }

        return text;
    }

    public static void Write(JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case DateTime date:
                writer.WriteValue(FormatDateTime(date));
                break;
            case decimal money:
                // Autotask money fields are doubles on the wire.
                writer.WriteValue((double)money);
                break;
            default:
                writer.WriteValue(value);
                break;
        }
    }

    public static JToken ToToken(object? value) => value switch
    {
        null => JValue.CreateNull(),
        DateTime date => new JValue(FormatDateTime(date)),
        decimal money => new JValue((double)money),
        _ => new JValue(value),
    };
}
