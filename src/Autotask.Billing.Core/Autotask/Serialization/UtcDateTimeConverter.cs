using System.Globalization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Serialization;

/// <summary>
/// Autotask stores and returns date-times in UTC but writes them without a zone designator and with a varying
/// number of fraction digits; the local time zone must never move them.
/// </summary>
internal sealed class UtcDateTimeConverter : JsonConverter
{
    internal const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTime) || objectType == typeof(DateTime?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
            case JsonToken.Undefined:
                return NullOrFail(objectType, reader);
            case JsonToken.Date when reader.Value is DateTime parsed:
                return AsUtc(parsed);
            case JsonToken.Date when reader.Value is DateTimeOffset offset:
                return offset.UtcDateTime;
            case JsonToken.String:
                var text = (string?)reader.Value;
                if (string.IsNullOrWhiteSpace(text))
                {
                    return NullOrFail(objectType, reader);
                }

                if (TryParseUtc(text!, out var value))
                {
                    return value;
                }

                throw new JsonSerializationException($"'{text}' at {reader.Path} is not a date-time.");
            default:
                throw new JsonSerializationException($"Unexpected {reader.TokenType} at {reader.Path} where a date-time was expected.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTime dateTime)
        {
            writer.WriteValue(Format(dateTime));
        }
        else
        {
            writer.WriteNull();
        }
    }

    internal static bool TryParseUtc(string text, out DateTime value)
    {
        if (DateTime.TryParse(
                text.Trim(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>An unspecified kind is taken as UTC already (Autotask's own convention); local times are converted.</summary>
    internal static string Format(DateTime value) => AsUtc(value).ToString(WireFormat, CultureInfo.InvariantCulture);

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private static object? NullOrFail(Type objectType, JsonReader reader) =>
        objectType == typeof(DateTime?)
            ? null
            : throw new JsonSerializationException($"A date-time is required at {reader.Path}.");
}
