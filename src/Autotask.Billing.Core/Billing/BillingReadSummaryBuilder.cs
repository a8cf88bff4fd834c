namespace Autotask.Billing;

/// <summary>Counts what happens to each record of one file while it is being read.</summary>
internal sealed class BillingReadSummaryBuilder
{
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly List<string> _unknownColumns = new();
    private IReadOnlyDictionary<string, int> _warnings = new Dictionary<string, int>();

    public BillingReadSummaryBuilder(string file)
    {
        File = file;
    }

    public string File { get; }

    public string Format { get; set; } = "Unknown";

    public int Read { get; set; }

    public int Emitted { get; set; }

    public int Aggregated { get; set; }

    public int Rejected { get; set; }

    public void Skip(string rule)
    {
        _skipped.TryGetValue(rule, out var count);
        _skipped[rule] = count + 1;
    }

    public void AddUnknownColumns(IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            if (!_unknownColumns.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                _unknownColumns.Add(column);
            }
        }
    }

    public void TrackWarnings(IReadOnlyDictionary<string, int> warnings) => _warnings = warnings;

    public BillingReadSummary Build() => new(
        new[] { File },
        Format,
        Read,
        Emitted,
        Aggregated,
        new SortedDictionary<string, int>(_skipped, StringComparer.Ordinal),
        Rejected,
        _unknownColumns.ToList(),
        new SortedDictionary<string, int>(_warnings.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));
}
