using System.Globalization;
using Newtonsoft.Json;

namespace Autotask.Billing.Autotask.Serialization;

/// <summary>
/// Reads numbers and booleans whatever JSON type they arrive as: picklist values and ids sometimes come as
/// strings, some "boolean" fields are 0/1 integers (Contacts.isActive) and vice versa, money arrives as doubles
/// and is read into decimal from its text so no binary rounding creeps in.
/// </summary>
internal sealed class LenientScalarConverter : JsonConverter
{
    private static readonly HashSet<Type> Handled = new()
    {
        typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(decimal), typeof(decimal?), typeof(bool), typeof(bool?),
    };

    public override bool CanConvert(Type objectType) => Handled.Contains(objectType);

    public override bool CanWrite => false;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var target = Nullable.GetUnderlyingType(objectType) ?? objectType;
        var isNullable = target != objectType;
        var raw = reader.Value;
        if (reader.TokenType is JsonToken.Null or JsonToken.Undefined
            || (reader.TokenType == JsonToken.String && string.IsNullOrWhiteSpace((string?)raw)))
        {
            return isNullable ? null : throw new JsonSerializationException($"A value is required at {reader.Path}.");
        }

        if (TryConvert(raw, target, out var converted))
        {
            return converted;
        }

        throw new JsonSerializationException($"'{raw}' at {reader.Path} cannot be read as {target.Name}.");
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Scalars are written by the default serializer.");

    internal static bool TryConvert(object? raw, Type target, out object? converted)
    {
        converted = null;
        if (target == typeof(bool))
        {
            converted = raw switch
            {
                bool flag => flag,
                long number => number != 0,
                int number => number != 0,
                decimal number => number != 0m,
                double number => number != 0d,
                string text when bool.TryParse(text.Trim(), out var flag) => flag,
                string text when decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number != 0m,
                _ => null,
            };
            return converted != null;
        }

        var numeric = raw switch
        {
            bool flag => flag ? 1m : 0m,
            long integer => integer,
            int integer => integer,
            decimal value => value,
            double value when !double.IsNaN(value) && !double.IsInfinity(value) => (decimal)value,
            System.Numerics.BigInteger big => (decimal)big,
            string text when decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ => (decimal?)null,
        };
        if (numeric is null || (target != typeof(decimal) && decimal.Truncate(numeric.Value) != numeric.Value))
        {
            return false;
        }

        try
        {
            converted = target == typeof(decimal) ? numeric.Value
                : target == typeof(long) ? (object)decimal.ToInt64(numeric.Value)
                : decimal.ToInt32(numeric.Value);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
