using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tabular;

/// <summary>
/// JSON line items: a top-level array of objects, or an envelope object whose items/content/value/data array
/// holds them (Partner Center "items", Pax8 "content"). Objects are loaded one at a time; nested objects flatten
/// to "parent.child"; arrays stay JSON text; numbers keep their exact decimal text; date strings stay text.
/// </summary>
internal sealed class JsonRecordSource : IRecordSource
{
    private static readonly string[] EnvelopeProperties = { "items", "content", "value", "data", "lineItems", "records" };

    private readonly SourceText _text;
    private readonly string? _arrayProperty;
    private TextReader? _reader;

    public JsonRecordSource(SourceText text, string? arrayProperty)
    {
        _text = text;
        _arrayProperty = arrayProperty;
    }

    public RecordSchema Schema { get; } = new();

    public bool HasHeader => false;

    public bool UsesDecimalComma => false;

    public IEnumerable<SourceRecord> Records(CancellationToken cancellationToken)
    {
        _reader = _text.OpenReader();
        var json = new JsonTextReader(_reader)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            CloseInput = false,
        };

        MoveToRecordArray(json);
        while (json.Read() && json.TokenType != JsonToken.EndArray)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (json.TokenType != JsonToken.StartObject)
            {
                throw new BillingFormatException(
                    _text.Path, $"Line {json.LineNumber}: expected a JSON object in the array of line items, found {json.TokenType}.");
            }

            var line = json.LineNumber;
            var item = JObject.Load(json);
            yield return ToRecord(item, line);
        }
    }

    public bool IsRepeatedHeader(SourceRecord record) => false;

    public void Dispose() => _reader?.Dispose();

    private void MoveToRecordArray(JsonTextReader json)
    {
        if (!json.Read())
        {
            throw new BillingFormatException(_text.Path, "The JSON file is empty.");
        }

        if (json.TokenType == JsonToken.StartArray)
        {
            return;
        }

        if (json.TokenType == JsonToken.StartObject)
        {
            var candidates = _arrayProperty is null ? EnvelopeProperties : new[] { _arrayProperty };
            while (json.Read() && json.TokenType == JsonToken.PropertyName)
            {
                var name = (string)json.Value!;
                json.Read();
                if (json.TokenType == JsonToken.StartArray
                    && candidates.Any(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)))
                {
                    return;
                }

                json.Skip();
            }
        }

        throw new BillingFormatException(
            _text.Path, $"No array of line items found (expected a top-level array or one of: {string.Join(", ", EnvelopeProperties)}).");
    }

    private SourceRecord ToRecord(JObject item, int line)
    {
        var pairs = new List<KeyValuePair<int, string?>>();
        Flatten(item, string.Empty, pairs);
        var values = new string?[Schema.Count];
        foreach (var pair in pairs)
        {
            values[pair.Key] = pair.Value;
        }

        return new SourceRecord(Schema, values, line);
    }

    private void Flatten(JObject item, string prefix, List<KeyValuePair<int, string?>> pairs)
    {
        foreach (var property in item.Properties())
        {
            var name = prefix + property.Name;
            if (property.Value is JObject nested)
            {
                Flatten(nested, name + ".", pairs);
                continue;
            }

            pairs.Add(new KeyValuePair<int, string?>(Schema.Add(name), ToText(property.Value)));
        }
    }

    private static string? ToText(JToken token) => token switch
    {
        JValue { Value: null } => null,
        JValue { Value: string text } => text,
        JValue { Value: IFormattable formattable } => formattable.ToString(null, CultureInfo.InvariantCulture),
        JValue value => value.Value!.ToString(),
        _ => token.ToString(Formatting.None),
    };
}
