namespace Autotask.Billing.Tabular;

/// <summary>One record of a source: its values by schema index and the physical line where it starts.</summary>
internal sealed class SourceRecord
{
    private readonly string?[] _values;

    public SourceRecord(RecordSchema schema, string?[] values, int lineNumber)
    {
        Schema = schema;
        _values = values;
        LineNumber = lineNumber;
    }

    public RecordSchema Schema { get; }

    public int LineNumber { get; }

    public int FieldCount => _values.Length;

    /// <summary>Set when the record's fields do not line up with the header; such a record is rejected whole.</summary>
    public RecordDefect? Defect { get; init; }

    public string? this[int index] => index >= 0 && index < _values.Length ? _values[index] : null;
}
