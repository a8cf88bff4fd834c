using System.Globalization;
using Autotask.Billing.Sandbox.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Protocol;

// Conversions between JSON tokens and stored values, with Autotask's wire conventions: UTC date-times without
// a zone suffix, date-only fields kept at midnight of the date as written, booleans only as JSON booleans.
internal static class WireValues
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    public static string FormatDate(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

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
        if (token == null || token.Type == JTokenType.Null || token.Type == JTokenType.Undefined)
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
                return ToDecimal(field.Name, token);
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

    public static object? FromText(FieldDefinition field, string? text) =>
        text == null ? null : FromJson(field, field.Type == FieldType.String || field.Type >= FieldType.DateTime ? new JValue(text) : ParseToken(text));

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

    public static void Write(JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case DateTime date:
                writer.WriteValue(FormatDate(date));
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
        DateTime date => new JValue(FormatDate(date)),
        decimal money => new JValue((double)money),
        _ => new JValue(value),
    };
}
