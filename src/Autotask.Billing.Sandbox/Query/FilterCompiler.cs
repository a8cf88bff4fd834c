using System.Globalization;
using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Protocol;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Query;

// Turns a QueryModel body into a predicate. Mirrors Autotask: property names of the model and field names are
// case-insensitive, operator names are not, an unknown operator is dropped silently, an unknown field fails,
// comparisons involving an empty field are false (SQL semantics), and strings compare case-insensitively.
internal sealed class FilterCompiler
{
    private static readonly HashSet<string> ComparisonOperators = new(StringComparer.Ordinal)
    {
        "eq", "noteq", "gt", "gte", "lt", "lte", "beginsWith", "endsWith", "contains", "exist", "notExist", "in", "notIn",
    };

    private readonly EntityTable _table;
    private readonly TenantStore _store;
    private int _userDefinedFilterCount;

    private FilterCompiler(EntityTable table, TenantStore store)
    {
        _table = table;
        _store = store;
    }

    private EntityDefinition Definition => _table.Definition;

    public static QuerySpec Compile(EntityTable table, TenantStore store, JObject body) =>
        new FilterCompiler(table, store).CompileQuery(body);

    private QuerySpec CompileQuery(JObject body)
    {
        var maxRecords = 500;
        JToken? includeToken = null;
        JToken? filterToken = null;
        foreach (var property in body.Properties())
        {
            if (Is(property.Name, "maxRecords"))
            {
                if (property.Value.Type != JTokenType.Null)
                {
                    maxRecords = (int)WireValues.ToInteger("maxRecords", property.Value);
                }
            }
            else if (Is(property.Name, "includeFields"))
            {
                includeToken = property.Value;
            }
            else if (Is(property.Name, "filter"))
            {
                filterToken = property.Value;
            }
        }

        if (maxRecords < 1 || maxRecords > 500)
        {
            throw new SandboxErrorException("maxCountOfRecordsToReturn must be between 1 and 500");
        }

        if (filterToken is not JArray filters || filters.Count == 0)
        {
            throw new SandboxErrorException("A query requires at least one filter.");
        }

        var predicates = new List<Func<EntityRow, bool>>();
        var candidates = new List<CandidateSource>();
        foreach (var item in filters)
        {
            var node = item as JObject ?? throw new SandboxErrorException("Each filter must be a JSON object.");
            var predicate = CompileNode(node);
            if (predicate != null)
            {
                predicates.Add(predicate);
                AddCandidates(node, candidates);
            }
        }

        return new QuerySpec(maxRecords, CompileIncludeFields(includeToken), All(predicates), candidates, Fingerprint(filters.ToString(Formatting.None)));
    }

    private IReadOnlyList<FieldDefinition>? CompileIncludeFields(JToken? token)
    {
        if (token is not JArray names || names.Count == 0)
        {
            return null;
        }

        var fields = new List<FieldDefinition> { Definition.IdField };
        foreach (var name in names.Values<string>())
        {
            var field = name == null ? null : _store.FindVisibleField(Definition, name);
            if (field != null && !fields.Contains(field))
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    private Func<EntityRow, bool>? CompileNode(JObject node)
    {
        var op = (string?)Property(node, "op");
        if (op == "and" || op == "or")
        {
            var children = (Property(node, "items") as JArray ?? new JArray())
                .OfType<JObject>()
                .Select(CompileNode)
                .Where(p => p != null)
                .Cast<Func<EntityRow, bool>>()
                .ToArray();
            if (children.Length == 0)
            {
                return null;
            }

            return op == "and" ? All(children) : row => children.Any(p => p(row));
        }

        if (op == null || !ComparisonOperators.Contains(op))
        {
            return null;
        }

        var fieldName = (string?)Property(node, "field") ?? throw new SandboxErrorException($"The filter '{op}' requires a field.");
        var isUserDefined = Property(node, "udf") is JValue { Type: JTokenType.Boolean } udf && (bool)udf;
        Func<EntityRow, object?> read;
        FieldDefinition valueField;
        if (isUserDefined)
        {
            if (++_userDefinedFilterCount > 1)
            {
                throw new SandboxErrorException("Only one user-defined field can be used in a query.");
            }

            var definition = _store.FindUserDefinedField(Definition.Name, fieldName) ?? throw UnknownField(fieldName);
            valueField = new FieldDefinition(definition.Name, definition.Type, -1);
            read = row => ReadUserDefined(row, definition);
        }
        else
        {
            valueField = _store.FindVisibleField(Definition, fieldName) ?? throw UnknownField(fieldName);
            if (!valueField.IsQueryable)
            {
                throw new SandboxErrorException($"The field {valueField.Name} in the {Definition.SingularName} Entity is not queryable.");
            }

            var ordinal = valueField.Ordinal;
            read = row => row.Values[ordinal];
        }

        return CompileComparison(op, valueField, read, Property(node, "value"));
    }

    private static object? ReadUserDefined(EntityRow row, UserDefinedFieldDefinition definition)
    {
        var text = row.UserDefinedValue(definition.Name);
        if (text == null)
        {
            return null;
        }

        try
        {
            return WireValues.FromJson(new FieldDefinition(definition.Name, definition.Type, -1), new JValue(text));
        }
        catch (SandboxErrorException)
        {
            return text;
        }
    }

    private static Func<EntityRow, bool> CompileComparison(string op, FieldDefinition field, Func<EntityRow, object?> read, JToken? valueToken)
    {
        switch (op)
        {
            case "exist":
                return row => HasValue(read(row));
            case "notExist":
                return row => !HasValue(read(row));
            case "in":
            case "notIn":
                var set = new HashSet<object>(ValueComparer.Instance);
                foreach (var element in valueToken is JArray array ? array : new JArray { valueToken ?? JValue.CreateNull() })
                {
                    var converted = ConvertFilterValue(field, element);
                    if (converted != null)
                    {
                        set.Add(converted);
                    }
                }

                return op == "in"
                    ? row => read(row) is { } v && set.Contains(v)
                    : row => read(row) is { } v && !set.Contains(v);
        }

        var expected = ConvertFilterValue(field, valueToken);
        if (expected == null)
        {
            return op switch
            {
                "eq" => row => !HasValue(read(row)),
                "noteq" => row => HasValue(read(row)),
                _ => _ => false,
            };
        }

        switch (op)
        {
            case "beginsWith":
            case "endsWith":
            case "contains":
                var needle = Text(expected);
                return row => read(row) is { } v && Matches(op, Text(v), needle);
            default:
                return row =>
                {
                    var actual = read(row);
                    if (actual == null)
                    {
                        return false;
                    }

                    var comparison = ValueComparer.Instance.Compare(actual, expected);
                    return op switch
                    {
                        "eq" => comparison == 0,
                        "noteq" => comparison != 0,
                        "gt" => comparison > 0,
                        "gte" => comparison >= 0,
                        "lt" => comparison < 0,
                        _ => comparison <= 0,
                    };
                };
        }
    }

    private static bool Matches(string op, string haystack, string needle) => op switch
    {
        "beginsWith" => haystack.StartsWith(needle, StringComparison.OrdinalIgnoreCase),
        "endsWith" => haystack.EndsWith(needle, StringComparison.OrdinalIgnoreCase),
        _ => haystack.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0,
    };

    private static string Text(object value) => value switch
    {
        DateTime date => WireValues.FormatDate(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool HasValue(object? value) => value != null && !(value is string s && s.Length == 0);

    private static object? ConvertFilterValue(FieldDefinition field, JToken? token)
    {
        if (token == null || token.Type == JTokenType.Null)
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Boolean:
                if (token.Type == JTokenType.Boolean)
                {
                    return (bool)token;
                }

                var text = token.ToString();
                if (text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (text == "0" || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                throw new SandboxErrorException($"The value for {field.Name} must be true or false.");
            case FieldType.Integer:
            case FieldType.Long:
            case FieldType.Decimal:
                return WireValues.ToDecimal(field.Name, token);
            case FieldType.DateTime:
            case FieldType.Date:
                if (!WireValues.TryParseDate(token.ToString(), false, out var date))
                {
                    throw new SandboxErrorException($"The value for {field.Name} is not a valid date.");
                }

                return date;
            default:
                return token.Type == JTokenType.String ? (string)token! : token.ToString(Formatting.None);
        }
    }

    private void AddCandidates(JObject node, List<CandidateSource> candidates)
    {
        var op = (string?)Property(node, "op");
        var fieldName = (string?)Property(node, "field");
        if (fieldName == null || Property(node, "udf") is JValue { Type: JTokenType.Boolean } udf && (bool)udf)
        {
            return;
        }

        var field = Definition.FindField(fieldName)!;
        var value = Property(node, "value");
        if (field.IsId && (op == "gt" || op == "gte") && value != null && value.Type != JTokenType.Null)
        {
            var bound = WireValues.ToDecimal(field.Name, value);
            var minimum = op == "gt" ? (long)Math.Floor(bound) + 1 : (long)Math.Ceiling(bound);
            candidates.Add(CandidateSource.FromMinimumId(minimum));
            return;
        }

        if (field.IsId && (op == "lt" || op == "lte") && value != null && value.Type != JTokenType.Null)
        {
            var bound = WireValues.ToDecimal(field.Name, value);
            candidates.Add(CandidateSource.FromMaximumId(op == "lt" ? (long)Math.Ceiling(bound) - 1 : (long)Math.Floor(bound)));
            return;
        }

        if (op != "eq" && op != "in" || (!field.IsId && !_table.IsIndexed(field)))
        {
            return;
        }

        var keys = new SortedSet<long>();
        foreach (var element in value is JArray array ? (IEnumerable<JToken?>)array : new[] { value })
        {
            if (element == null || element.Type == JTokenType.Null)
            {
                return;
            }

            var key = WireValues.ToDecimal(field.Name, element);
            if (key == Math.Truncate(key))
            {
                keys.Add((long)key);
            }
        }

        var rows = new List<EntityRow>();
        foreach (var key in keys)
        {
            if (field.IsId)
            {
                if (_table.Find(key) is { } row)
                {
                    rows.Add(row);
                }
            }
            else
            {
                rows.AddRange(_table.IndexedRows(field, key)!);
            }
        }

        if (!field.IsId && keys.Count > 1)
        {
            rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        }

        candidates.Add(CandidateSource.FromRows(rows));
    }

    // FNV-1a: stable across processes, unlike string.GetHashCode.
    private static string Fingerprint(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private SandboxErrorException UnknownField(string name) =>
        new($"Unable to find {name} in the {Definition.SingularName} Entity");

    private static JToken? Property(JObject node, string name) =>
        node.Properties().FirstOrDefault(p => Is(p.Name, name))?.Value;

    private static bool Is(string actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static Func<EntityRow, bool> All(IReadOnlyList<Func<EntityRow, bool>> predicates) => predicates.Count switch
    {
        0 => _ => true,
        1 => predicates[0],
        _ => row =>
        {
            foreach (var predicate in predicates)
            {
                if (!predicate(row))
                {
                    return false;
                }
            }

            return true;
        },
    };
}
