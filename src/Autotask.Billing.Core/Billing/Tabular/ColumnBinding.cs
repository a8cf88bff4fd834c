namespace Autotask.Billing.Tabular;

/// <summary>Where each field of a <see cref="ColumnSet"/> sits in a <see cref="RecordSchema"/>.</summary>
internal sealed class ColumnBinding
{
    private readonly int[] _indexes;

    private ColumnBinding(ColumnSet columns, RecordSchema schema)
    {
        Columns = columns;
        SchemaCount = schema.Count;
        _indexes = new int[columns.Specs.Count];
        foreach (var spec in columns.Specs)
        {
            var index = -1;
            foreach (var alias in spec.Aliases)
            {
                index = schema.IndexOf(alias);
                if (index >= 0)
                {
                    break;
                }
            }

            _indexes[spec.Ordinal] = index;
        }

        MissingRequired = columns.Specs.Where(s => s.Required && _indexes[s.Ordinal] < 0).Select(s => s.Field).ToList();
        UnknownColumns = schema.Names.Where(n => !columns.Accepts(n)).ToList();
        HeaderNames = schema.Names;
    }

    public ColumnSet Columns { get; }

    public int SchemaCount { get; }

    public IReadOnlyList<string> MissingRequired { get; }

    public IReadOnlyList<string> UnknownColumns { get; }

    public IReadOnlyList<string> HeaderNames { get; }

    public static ColumnBinding Bind(ColumnSet columns, RecordSchema schema) => new(columns, schema);

    public int IndexOf(ColumnSpec spec) => _indexes[spec.Ordinal];

    public bool Has(ColumnSpec spec) => _indexes[spec.Ordinal] >= 0;

    /// <summary>The header name as the file spells it, for problem reports.</summary>
    public string ColumnNameOf(ColumnSpec spec)
    {
        var index = _indexes[spec.Ordinal];
        return index >= 0 && index < HeaderNames.Count ? HeaderNames[index] : spec.Field;
    }
}
