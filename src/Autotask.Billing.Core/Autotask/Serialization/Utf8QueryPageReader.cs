#if NET8_0_OR_GREATER
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Serialization;
using JsonProperty = Newtonsoft.Json.Serialization.JsonProperty;
using NewtonsoftException = Newtonsoft.Json.JsonException;
using NewtonsoftSerializationException = Newtonsoft.Json.JsonSerializationException;

namespace Autotask.Billing.Autotask.Serialization;

/// <summary>
/// Reads a query page (<c>{"items": [...], "pageDetails": {...}}</c>) from its UTF-8 bytes straight into entities with
/// the framework's <see cref="Utf8JsonReader"/> (precompiled with the runtime, so a one-off run pays no JIT for it) and
/// no per-property converter calls: the hot path of every read, 500 rows a page. What it reads is what
/// <see cref="AutotaskJson.Serializer"/> reads: the same properties (its contract resolver), names matched regardless
/// of case, unknown fields skipped, JSON null left unset, and numbers, booleans and dates read as leniently
/// (<see cref="LenientScalarConverter.TryConvert"/>, <see cref="UtcDateTimeConverter.TryParseUtc"/>); a property of
/// any other type goes to that serializer. JSON this reader refuses (cut off, or a liberty Newtonsoft takes) is read by
/// that serializer instead, so it fails as it always did; a value the model cannot take throws a
/// <see cref="NewtonsoftSerializationException"/>, as the serializer would.
/// </summary>
internal static class Utf8QueryPageReader
{
    private static readonly ConcurrentDictionary<Type, PageReader?> Readers = new();

    /// <summary>Reads one page from its UTF-8 bytes; null for a JSON null.</summary>
    public delegate object? PageReader(ReadOnlySpan<byte> utf8);

    /// <summary>A reader for <paramref name="bodyType"/> when it is a query page of an entity; null otherwise.</summary>
    public static PageReader? For(Type bodyType) =>
        Readers.GetOrAdd(bodyType, static type =>
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(AutotaskQueryPage<>))
            {
                return null;
            }

            var method = typeof(Utf8QueryPageReader).GetMethod(nameof(ReadPage), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0]);
            return (PageReader)Delegate.CreateDelegate(typeof(PageReader), method);
        });

    // Every page of a one-off run goes through these few methods: compiled fully optimised at once, not tiered up later.
    private static object? ReadPage<T>(ReadOnlySpan<byte> utf8)
        where T : class
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8.Slice(3);
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new NewtonsoftSerializationException($"Expected a JSON object for the query page, not {reader.TokenType}.");
            }

            List<T?>? items = null;
            AutotaskPageDetails? details = null;
            var shape = EntityShape.For(typeof(T));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("items"u8) || Is(ref reader, "items"))
                {
                    reader.Read();
                    items = ReadItems<T>(ref reader, shape);
                }
                else if (reader.ValueTextEquals("pageDetails"u8) || Is(ref reader, "pageDetails"))
                {
                    reader.Read();
                    details = ReadDetails(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return new AutotaskQueryPage<T> { Items = items, PageDetails = details };
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON to this reader (cut off, a liberty Newtonsoft takes, or text it will not decode, such as a lone
            // surrogate where Autotask cut a field mid-emoji): the serializer reads it, or says where it breaks.
            using var stream = new MemoryStream(utf8.ToArray(), writable: false);
            return AutotaskJson.ReadWithSerializer<AutotaskQueryPage<T>>(stream, Encoding.UTF8);
        }
    }

    private static bool Is(ref Utf8JsonReader reader, string name) =>
        string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<T?>? ReadItems<T>(ref Utf8JsonReader reader, EntityShape shape)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new NewtonsoftSerializationException($"Expected an array at items, not {reader.TokenType}.");
        }

        var items = new List<T?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.Null ? null : (T)shape.Read(ref reader, items.Count));
        }

        return items;
    }

    private static AutotaskPageDetails? ReadDetails(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new NewtonsoftSerializationException($"Expected an object at pageDetails, not {reader.TokenType}.");
        }

        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isNext = reader.ValueTextEquals("nextPageUrl"u8) || Is(ref reader, "nextPageUrl");
            reader.Read();
            if (isNext)
            {
                next = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    // Newtonsoft reads it as text (then no page follows): it decides such a page.
                    _ => throw new JsonException($"Expected a string at pageDetails.nextPageUrl, not {reader.TokenType}."),
                };
            }
            else
            {
                reader.Skip();
            }
        }

        return new AutotaskPageDetails { NextPageUrl = next };
    }

    /// <summary>How one entity type is read: its properties as the serializer's contract has them.</summary>
    private sealed class EntityShape
    {
        private static readonly ConcurrentDictionary<Type, EntityShape> Shapes = new();

        private readonly JsonObjectContract _contract;
        private readonly Dictionary<string, Slot> _byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly Slot[] _slots;

        private EntityShape(Type type)
        {
            _contract = (JsonObjectContract)AutotaskJson.Serializer.ContractResolver.ResolveContract(type);
            var slots = new List<Slot>();
            foreach (var property in _contract.Properties)
            {
                if (property.Ignored || !property.Writable || property.PropertyName is null || property.ValueProvider is null)
                {
                    continue;
                }

                var slot = new Slot(property);
                slots.Add(slot);
                _byName.TryAdd(property.PropertyName, slot);
            }

            _slots = slots.ToArray();
        }

        public static EntityShape For(Type type) => Shapes.GetOrAdd(type, static t => new EntityShape(t));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public object Read(ref Utf8JsonReader reader, int index)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new NewtonsoftSerializationException($"Expected an object at items[{index}], not {reader.TokenType}.");
            }

            var entity = _contract.DefaultCreator!();
            // Rows of a page carry their fields in one order: try the slot after the last one matched first.
            var guess = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                Slot? slot = null;
                if (guess < _slots.Length && reader.ValueTextEquals(_slots[guess].Utf8Name))
                {
                    slot = _slots[guess];
                }
                else if (_byName.TryGetValue(reader.GetString()!, out var named))
                {
                    slot = named;
                }

                reader.Read();
                if (slot is null)
                {
                    reader.Skip();
                    continue;
                }

                guess = slot.Position(_slots) + 1;
                slot.Read(ref reader, entity, index);
            }

            return entity;
        }
    }

    private sealed class Slot
    {
        private readonly JsonProperty _property;
        private readonly Kind _kind;
        private readonly Type _target;
        private readonly bool _nullable;
        private int _position = -1;

        public Slot(JsonProperty property)
        {
            _property = property;
            Utf8Name = Encoding.UTF8.GetBytes(property.PropertyName!);
            var type = property.PropertyType!;
            _nullable = !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
            _target = Nullable.GetUnderlyingType(type) ?? type;
            var converter = property.Converter;
            _kind = converter is not null && converter is not DateOnlyConverter && converter is not UtcDateTimeConverter ? Kind.Serializer
                : _target == typeof(string) ? Kind.Text
                : _target == typeof(DateTime) ? Kind.DateTime
                : type == typeof(IReadOnlyList<Entities.AutotaskUserDefinedField>) ? Kind.UserDefinedFields
                : _target == typeof(long) || _target == typeof(int) || _target == typeof(decimal) || _target == typeof(bool) ? Kind.Scalar
                : Kind.Serializer;
        }

        private enum Kind
        {
            Text,
            Scalar,
            DateTime,
            UserDefinedFields,
            Serializer,
        }

        public byte[] Utf8Name { get; }

        public int Position(Slot[] slots)
        {
            if (_position < 0)
            {
                _position = Array.IndexOf(slots, this);
            }

            return _position;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Read(ref Utf8JsonReader reader, object entity, int index)
        {
            // The serializer's NullValueHandling.Ignore: a JSON null leaves the property as it is.
            if (reader.TokenType == JsonTokenType.Null)
            {
                return;
            }

            object? value;
            switch (_kind)
            {
                case Kind.Text:
                    value = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        // As the serializer's reader hands a string property a number or boolean: its literal text.
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        _ => Fallback(ref reader),
                    };
                    break;
                case Kind.Scalar:
                    value = ReadScalar(ref reader, index);
                    break;
                case Kind.DateTime:
                    value = ReadDateTime(ref reader, index);
                    break;
                case Kind.UserDefinedFields when reader.TokenType == JsonTokenType.StartArray:
                    value = ReadUserDefinedFields(ref reader);
                    break;
                default:
                    value = Fallback(ref reader);
                    break;
            }

            _property.ValueProvider!.SetValue(entity, value);
        }

        /// <summary>A number as the serializer's reader has it (long, else decimal), a string, or a boolean.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static object? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var integer) => integer,
            JsonTokenType.Number when reader.TryGetDecimal(out var number) => number,
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => reader.GetString(),
        };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private object? ReadScalar(ref Utf8JsonReader reader, int index)
        {
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                // Named by its kind, not its text: an object or array of any size is not copied into a message.
                throw Unreadable(reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object", index);
            }

            var raw = Scalar(ref reader);
            if (raw is string text && string.IsNullOrWhiteSpace(text))
            {
                return _nullable ? null : throw new NewtonsoftSerializationException($"A value is required at {Path(index)}.");
            }

            return LenientScalarConverter.TryConvert(raw, _target, out var converted) ? converted : throw Unreadable(raw, index);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private object? ReadDateTime(ref Utf8JsonReader reader, int index)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new NewtonsoftSerializationException($"Unexpected {reader.TokenType} at {Path(index)} where a date-time was expected.");
            }

            var text = reader.GetString();
            if (string.IsNullOrWhiteSpace(text))
            {
                return _nullable ? null : throw new NewtonsoftSerializationException($"A date-time is required at {Path(index)}.");
            }

            return UtcDateTimeConverter.TryParseUtc(text!, out var value)
                ? value
                : throw new NewtonsoftSerializationException($"'{text}' at {Path(index)} is not a date-time.");
        }

        /// <summary>
        /// <c>[{"name": ..., "value": ...}]</c>, as the serializer reads it into a list (an empty array on every row of an
        /// entity with user-defined fields when IncludeFields is used); anything unusual inside goes to the serializer.
        /// </summary>
        private object? ReadUserDefinedFields(ref Utf8JsonReader reader)
        {
            var copy = reader;
            var fields = new List<Entities.AutotaskUserDefinedField?>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    fields.Add(null);
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader = copy;
                    return Fallback(ref reader);
                }

                string? name = null;
                string? value = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.GetString();
                    reader.Read();
                    var isName = string.Equals(field, "name", StringComparison.OrdinalIgnoreCase);
                    if (!isName && !string.Equals(field, "value", StringComparison.OrdinalIgnoreCase))
                    {
                        reader.Skip();
                        continue;
                    }

                    string? text;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.String:
                            text = reader.GetString();
                            break;
                        case JsonTokenType.Null:
                            continue;
                        case JsonTokenType.Number:
                            text = Encoding.UTF8.GetString(reader.ValueSpan);
                            break;
                        case JsonTokenType.True or JsonTokenType.False:
                            text = reader.TokenType == JsonTokenType.True ? "true" : "false";
                            break;
                        default:
                            reader = copy;
                            return Fallback(ref reader);
                    }

                    if (isName)
                    {
                        name = text;
                    }
                    else
                    {
                        value = text;
                    }
                }

                fields.Add(new Entities.AutotaskUserDefinedField { Name = name, Value = value });
            }

            return fields;
        }

        /// <summary>Any other shape is the serializer's to read.</summary>
        private object? Fallback(ref Utf8JsonReader reader)
        {
            using var value = JsonDocument.ParseValue(ref reader);
            using var text = new StringReader(value.RootElement.GetRawText());
            using var json = AutotaskJson.CreateReader(text);
            json.Read();
            return _property.Converter is { } converter
                ? converter.ReadJson(json, _property.PropertyType!, null, AutotaskJson.Serializer)
                : AutotaskJson.Serializer.Deserialize(json, _property.PropertyType!);
        }

        private NewtonsoftException Unreadable(object? raw, int index) =>
            new NewtonsoftSerializationException($"'{raw}' at {Path(index)} cannot be read as {_target.Name}.");

        private string Path(int index) => $"items[{index}].{_property.PropertyName}";
    }
}
#endif
