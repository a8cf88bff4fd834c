namespace Autotask.Billing.Tabular;

/// <summary>The fields one format reads, plus columns it knows and deliberately ignores (not reported as unknown).</summary>
internal sealed class ColumnSet
{
    private readonly List<ColumnSpec> _specs = new();
    private readonly HashSet<string> _ignored = new(StringComparer.Ordinal);

    public IReadOnlyList<ColumnSpec> Specs => _specs;

    /// <summary>A field bound by its own name or any of the aliases.</summary>
    public ColumnSpec Add(string field, bool required, params string[] aliases) =>
        AddExact(field, required, new[] { field }.Concat(aliases).ToList());

    /// <summary>A field bound only by the given header names (profiles name their columns themselves).</summary>
    public ColumnSpec AddExact(string field, bool required, IReadOnlyList<string> headerNames)
    {
        var spec = new ColumnSpec(_specs.Count, field, required, headerNames);
        _specs.Add(spec);
        return spec;
    }

    public ColumnSet Ignore(params string[] names)
    {
        foreach (var name in names)
        {
            _ignored.Add(ColumnName.Normalize(name));
        }

        return this;
    }

    public bool IsIgnored(string name) => _ignored.Contains(ColumnName.Normalize(name));

    public bool Accepts(string name)
    {
        var normalized = ColumnName.Normalize(name);
        return _ignored.Contains(normalized)
            || _specs.Any(s => s.Aliases.Any(a => ColumnName.Normalize(a) == normalized));
    }
}
