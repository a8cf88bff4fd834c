namespace Autotask.Billing.Sandbox.Store;

internal sealed class EntityRow
{
    public EntityRow(long id, object?[] values)
    {
        Id = id;
        Values = values;
    }

    public long Id { get; }

    // Indexed by FieldDefinition.Ordinal. Integers are boxed longs, money is decimal, dates are UTC DateTimes.
    public object?[] Values { get; }

    // User-defined field values by name (case-insensitive); null while the row has none.
    public Dictionary<string, string?>? UserDefinedValues { get; set; }

    public object? this[int ordinal] => Values[ordinal];

    public string? UserDefinedValue(string name) =>
        UserDefinedValues != null && UserDefinedValues.TryGetValue(name, out var value) ? value : null;
}
