using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Reads the properties of one JSON object of the store, collecting a problem (with JSON path and line) for every
/// missing, mistyped or unknown value instead of stopping at the first.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JObject json;
    private readonly ICollection<MappingProblem> problems;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public JsonObjectReader(JObject json, ICollection<MappingProblem> problems)
    {
        this.json = json;
        this.problems = problems;
    }

    /// <summary>A problem located at the named property, or at the object when the property is absent.</summary>
    public MappingProblem ProblemAt(string propertyName, string message)
    {
        var name = MappingText.CamelCase(propertyName);
        return json.Property(name, StringComparison.Ordinal) is JProperty property
            ? At(property.Value, message)
            : new MappingProblem(Combine(json.Path, name), message, LineOf(json));
    }

    public string? String(string propertyName, bool required = false)
    {
        var token = Take(propertyName, required);
        if (token is null)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            Report(token, $"expected text in quotes, found {Describe(token)}");
            return null;
        }

        var text = (string)token!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Report(token, "must not be empty");
            return null;
        }

        return text;
    }

    public long? Id(string propertyName)
    {
        var token = Take(propertyName, required: false);
        if (token is null)
        {
            return null;
        }

        if (token.Type != JTokenType.Integer)
        {
            Report(token, $"expected an Autotask id (a whole number without quotes), found {Describe(token)}");
            return null;
        }

        if (((JValue)token).Value is not long id)
        {
            Report(token, $"{token} is too large for an Autotask id");
            return null;
        }

        if (MappingText.CheckId(id) is string problem)
        {
            Report(token, problem);
            return null;
        }

        return id;
    }

    public bool Bool(string propertyName, bool defaultValue)
    {
        var token = Take(propertyName, required: false);
        if (token is null)
        {
            return defaultValue;
        }

        if (token.Type != JTokenType.Boolean)
        {
            Report(token, $"expected true or false, found {Describe(token)}");
            return defaultValue;
        }

        return token.Value<bool>();
    }

    public decimal Decimal(string propertyName, decimal defaultValue)
    {
        var token = Take(propertyName, required: false);
        if (token is null)
        {
            return defaultValue;
        }

        if (token.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            Report(token, $"expected a number, found {Describe(token)}");
            return defaultValue;
        }

        return token.Value<decimal>();
    }

    public TEnum? Enum<TEnum>(string propertyName, string what, bool required = false)
        where TEnum : struct, Enum
    {
        var text = String(propertyName, required);
        if (text is null)
        {
            return null;
        }

        if (MappingText.TryParseEnum<TEnum>(text, what, out var value, out var problem))
        {
            return value;
        }

        Report(json[MappingText.CamelCase(propertyName)]!, problem!);
        return null;
    }

    public DateTime? Date(string propertyName)
    {
        var text = String(propertyName);
        if (text is null)
        {
            return null;
        }

        if (MappingText.TryParseDate(text, acceptExportCsvForms: false, out var date, out var problem))
        {
            return date;
        }

        Report(json[MappingText.CamelCase(propertyName)]!, problem!);
        return null;
    }

    public DateTime? Timestamp(string propertyName)
    {
        var text = String(propertyName);
        if (text is null)
        {
            return null;
        }

        if (MappingText.TryParseTimestamp(text, out var utc, out var problem))
        {
            return utc;
        }

        Report(json[MappingText.CamelCase(propertyName)]!, problem!);
        return null;
    }

    public JArray? Array(string propertyName)
    {
        var token = Take(propertyName, required: false);
        if (token is null)
        {
            return null;
        }

        if (token is JArray array)
        {
            return array;
        }

        Report(token, $"expected a list in [ ], found {Describe(token)}");
        return null;
    }

    public JObject? Object(string propertyName, bool required = false)
    {
        var token = Take(propertyName, required);
        if (token is null)
        {
            return null;
        }

        if (token is JObject child)
        {
            return child;
        }

        Report(token, $"expected an object in {{ }}, found {Describe(token)}");
        return null;
    }

    /// <summary>Reports every property no reader asked for: a misspelt key would otherwise be silently ignored.</summary>
    public void ReportUnknownProperties()
    {
        foreach (var property in json.Properties().Where(p => !known.Contains(p.Name)))
        {
            var suggestion = known.FirstOrDefault(name => string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase));
            var hint = suggestion is null
                ? $"known properties here are {string.Join(", ", known)}"
                : $"did you mean '{suggestion}'? Property names are case-sensitive";
            problems.Add(At(property, $"unknown property '{property.Name}'; {hint}"));
        }
    }

    public void Report(JToken token, string message) => problems.Add(At(token, message));

    public void Report(MappingProblem problem) => problems.Add(problem);

    internal static MappingProblem At(JToken token, string message) =>
        new(token.Path.Length == 0 ? "$" : token.Path, message, LineOf(token));

    internal static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"text '{token}'",
        JTokenType.Integer or JTokenType.Float => $"the number {token.ToString(Formatting.None)}",
        JTokenType.Boolean => $"{token.ToString(Formatting.None)}",
        JTokenType.Array => "a list",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static int? LineOf(JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private static string Combine(string parentPath, string name) =>
        parentPath.Length == 0 ? name : parentPath + "." + name;

    private JToken? Take(string propertyName, bool required)
    {
        var name = MappingText.CamelCase(propertyName);
        known.Add(name);
        var token = json.Property(name, StringComparison.Ordinal)?.Value;
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                problems.Add(new MappingProblem(Combine(json.Path, name), "is required", LineOf(json)));
            }

            return null;
        }

        return token;
    }
}
