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
    private readonly int _fieldCount;

    public SourceRecord(RecordSchema schema, string?[] values, int lineNumber)
    {
        Schema = schema;
        _values = values;
        _fieldCount = values.Length;
        LineNumber = lineNumber;
    }

    /// <summary>
    /// A record of <paramref name="fieldCount"/> fields read from <paramref name="fields"/> when asked for, kept in
    /// <paramref name="values"/> (cleared: a CSV field is never null, null is "not read yet"): the source lends one
    /// array to each record in turn (issue 15), so the record's fields can be read only while it is the current one.
    /// </summary>
    public SourceRecord(RecordSchema schema, int fieldCount, ICurrentRecordFields fields, int row, int lineNumber, string?[] values)
    {
        Schema = schema;
        _values = values;
        _fieldCount = fieldCount;
        _fields = fields;
        _row = row;
        LineNumber = lineNumber;
    }

    public RecordSchema Schema { get; }

    public int LineNumber { get; }

    public int FieldCount => _fieldCount;

    /// <summary>Set when the record's fields do not line up with the header; such a record is rejected whole.</summary>
    public RecordDefect? Defect { get; init; }

    public string? this[int index]
    {
        get
        {
            if (index < 0 || index >= _fieldCount)
            {
                return null;
            }

            if (_fields is null)
            {
                return _values[index];
            }

            // The lent array holds the current record's fields only; asked later, Field says the reader moved on.
            return _fields.IsCurrent(_row) ? _values[index] ??= _fields.Field(index, _row) : _fields.Field(index, _row);
        }
    }

    /// <summary>
    /// Field <paramref name="index"/> trimmed, null when absent or blank, as the instance <paramref name="pool"/> shares
    /// for it (keyed by the column too, <see cref="StringPool.Share(string, int)"/>). A field of the current CSV record
    /// is looked up from the reader's buffer, so a repeated value makes no string (issue 15).
    /// </summary>
    public string? SharedText(int index, StringPool pool)
    {
        // Not current any more: TryFieldSpan says no, and the indexer below says the reader moved on.
        if (index >= 0 && index < _fieldCount && _fields is not null && _values[index] is null && _fields.TryFieldSpan(index, _row, out var field))
        {
            field = field.Trim();
            return field.IsEmpty ? null : pool.Share(field, index);
        }

        var trimmed = this[index]?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : pool.Share(trimmed!, index);
    }
}
