namespace Autotask.Billing.Tabular;

/// <summary>
/// One record of a source: its values by schema index and the physical line where it starts. A CSV record reads each
/// field from the parser the first time it is asked for, while it is the parser's current record: a billing format
/// uses about two thirds of a Partner Center line's 47 columns, and the rest need never become strings (issue 15).
/// </summary>
internal sealed class SourceRecord
{
    private readonly string?[] _values;
    private readonly ICurrentRecordFields? _fields;
    private readonly int _row;

    public SourceRecord(RecordSchema schema, string?[] values, int lineNumber)
    {
        Schema = schema;
        _values = values;
        LineNumber = lineNumber;
    }

    /// <summary>A record of <paramref name="fieldCount"/> fields read from <paramref name="fields"/> when asked for (a CSV field is never null: null is "not read yet").</summary>
    public SourceRecord(RecordSchema schema, int fieldCount, ICurrentRecordFields fields, int row, int lineNumber)
    {
        Schema = schema;
        _values = new string?[fieldCount];
        _fields = fields;
        _row = row;
        LineNumber = lineNumber;
    }

    public RecordSchema Schema { get; }

    public int LineNumber { get; }

    public int FieldCount => _values.Length;

    /// <summary>Set when the record's fields do not line up with the header; such a record is rejected whole.</summary>
    public RecordDefect? Defect { get; init; }

    public string? this[int index]
    {
        get
        {
            if (index < 0 || index >= _values.Length)
            {
                return null;
            }

            return _fields is null ? _values[index] : _values[index] ??= _fields.Field(index, _row);
        }
    }
}
