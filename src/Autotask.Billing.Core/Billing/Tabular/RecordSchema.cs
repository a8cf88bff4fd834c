namespace Autotask.Billing.Tabular;

/// <summary>
/// The columns of a source: fixed by the header for CSV; for JSON it grows as objects bring new fields.
/// </summary>
internal sealed class RecordSchema
{
    private readonly List<string> _names = new();
    private readonly Dictionary<string, int> _indexByNormalized = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => _names;

    public int Count => _names.Count;

    /// <summary>Adds a column (first spelling wins for a repeated normalized name) and returns its index.</summary>
    public int Add(string name)
    {
        var normalized = ColumnName.Normalize(name);
        if (_indexByNormalized.TryGetValue(normalized, out var existing))
        {
            return existing;
        }

        _names.Add(name);
        _indexByNormalized[normalized] = _names.Count - 1;
        return _names.Count - 1;
    }

    public int IndexOf(string name) =>
        _indexByNormalized.TryGetValue(ColumnName.Normalize(name), out var index) ? index : -1;

    public bool Contains(string name) => IndexOf(name) >= 0;
}
