using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Serialization;

/// <summary>
/// For Autotask's date-only fields (effective dates, contract and purchase dates): Autotask keeps their date and
/// sets midnight, so the client writes the calendar date as given — a local time zone never moves a billing date.
/// Reading is the same as for any date-time.
/// </summary>
internal sealed class DateOnlyConverter : JsonConverter
{
    private static readonly UtcDateTimeConverter Reader = new();

    public override bool CanConvert(Type objectType) => Reader.CanConvert(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        Reader.ReadJson(reader, objectType, existingValue, serializer);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTime date)
        {
            writer.WriteValue(UtcDateTimeConverter.Format(DateTime.SpecifyKind(date.Date, DateTimeKind.Utc)));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
