using System.Collections;
using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Autotask.Query;

/// <summary>
/// One condition of an Autotask query (QueryModel "Filter"), or an and/or group of them. Values are checked and
/// put into their wire form when the filter is built: strings, integers, decimals, booleans, UTC date-times
/// (written without "Z", as Autotask expects) and arrays of those for in/notIn.
/// </summary>
public sealed class AutotaskFilter
{
    private readonly JToken? _value;

    private AutotaskFilter(string op, string? field, JToken? value, bool isUserDefinedField, IReadOnlyList<AutotaskFilter> items)
    {
        Operator = op;
        Field = field;
        _value = value;
        IsUserDefinedField = isUserDefinedField;
        Items = items;
    }

    /// <summary>The operator as Autotask spells it (case-sensitive): eq, noteq, beginsWith, and, or, ...</summary>
    public string Operator { get; }

    public string? Field { get; }

    /// <summary>The field is a user-defined field, named by its UDF name ("udf": true).</summary>
    public bool IsUserDefinedField { get; }

    /// <summary>The conditions of an and/or group; empty for a field condition.</summary>
    public IReadOnlyList<AutotaskFilter> Items { get; }

    public static AutotaskFilter Eq(string field, object value) => Compare("eq", field, value);

    public static AutotaskFilter NotEq(string field, object value) => Compare("noteq", field, value);

    public static AutotaskFilter Gt(string field, object value) => Compare("gt", field, value);

    public static AutotaskFilter Gte(string field, object value) => Compare("gte", field, value);

    public static AutotaskFilter Lt(string field, object value) => Compare("lt", field, value);

    public static AutotaskFilter Lte(string field, object value) => Compare("lte", field, value);

    public static AutotaskFilter BeginsWith(string field, string value) => Compare("beginsWith", field, value);

    public static AutotaskFilter EndsWith(string field, string value) => Compare("endsWith", field, value);

    public static AutotaskFilter Contains(string field, string value) => Compare("contains", field, value);

    /// <summary>The field has a value (is not null).</summary>
    public static AutotaskFilter Exist(string field) => new("exist", RequireField(field), null, false, Array.Empty<AutotaskFilter>());

    /// <summary>The field has no value (is null).</summary>
    public static AutotaskFilter NotExist(string field) => new("notExist", RequireField(field), null, false, Array.Empty<AutotaskFilter>());

    public static AutotaskFilter In(string field, params object[] values) => Membership("in", field, values);

    public static AutotaskFilter In<TValue>(string field, IEnumerable<TValue> values) => Membership("in", field, values);

    public static AutotaskFilter NotIn(string field, params object[] values) => Membership("notIn", field, values);

    public static AutotaskFilter NotIn<TValue>(string field, IEnumerable<TValue> values) => Membership("notIn", field, values);

    /// <summary>All of the conditions hold.</summary>
    public static AutotaskFilter And(params AutotaskFilter[] items) => Group("and", items);

    /// <summary>At least one of the conditions holds.</summary>
    public static AutotaskFilter Or(params AutotaskFilter[] items) => Group("or", items);

    /// <summary>The same condition on the user-defined field of that name. Autotask allows one UDF per query.</summary>
    public AutotaskFilter OnUserDefinedField()
    {
        if (Field is null)
        {
            throw new InvalidOperationException("Only a field condition can target a user-defined field, not an and/or group.");
        }

        return new AutotaskFilter(Operator, Field, _value, true, Items);
    }

    internal int CountUserDefinedFields() => (IsUserDefinedField ? 1 : 0) + Items.Sum(static item => item.CountUserDefinedFields());

    internal JObject ToJson()
    {
        var json = new JObject { ["op"] = Operator };
        if (Field is not null)
        {
            json["field"] = Field;
        }

        if (_value is not null)
        {
            json["value"] = _value.DeepClone();
        }

        if (IsUserDefinedField)
        {
            json["udf"] = true;
        }

        if (Items.Count > 0)
        {
            json["items"] = new JArray(Items.Select(static item => item.ToJson()));
        }

        return json;
    }

    public override string ToString() => AutotaskJson.Write(ToJson());

    private static AutotaskFilter Compare(string op, string field, object value) =>
        new(op, RequireField(field), ToWireValue(value, nameof(value)), false, Array.Empty<AutotaskFilter>());

    private static AutotaskFilter Membership(string op, string field, IEnumerable? values)
    {
        if (values is null || values is string)
        {
            throw new ArgumentException($"An {op} filter takes a list of values.", nameof(values));
        }

        var array = new JArray();
        foreach (var value in values)
        {
            array.Add(ToWireValue(value, nameof(values)));
        }

        if (array.Count == 0)
        {
            throw new ArgumentException($"An {op} filter needs at least one value.", nameof(values));
        }

        return new AutotaskFilter(op, RequireField(field), array, false, Array.Empty<AutotaskFilter>());
    }

    private static AutotaskFilter Group(string op, AutotaskFilter[] items)
    {
        if (items is null || items.Length == 0 || items.Any(static item => item is null))
        {
            throw new ArgumentException($"An {op} group needs at least one condition and no nulls.", nameof(items));
        }

        return new AutotaskFilter(op, null, null, false, items.ToArray());
    }

    private static string RequireField(string field) =>
        string.IsNullOrWhiteSpace(field) ? throw new ArgumentException("A filter needs a field name.", nameof(field)) : field;

    private static JToken ToWireValue(object? value, string parameterName) => value switch
    {
        null => throw new ArgumentNullException(parameterName, "Filter values cannot be null; use Exist or NotExist."),
        string text => new JValue(text),
        bool flag => new JValue(flag),
        byte or sbyte or short or ushort or int or uint or long => new JValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        ulong number => new JValue(number),
        decimal number => new JValue(number),
        double or float => new JValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
        DateTime dateTime => new JValue(UtcDateTimeConverter.Format(dateTime)),
        DateTimeOffset offset => new JValue(UtcDateTimeConverter.Format(offset.UtcDateTime)),
        Enum => new JValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Autotask filters cannot compare a {value.GetType().Name}.", parameterName),
    };
}
