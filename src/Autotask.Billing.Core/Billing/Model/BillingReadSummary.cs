namespace Autotask.Billing;

/// <summary>What reading one file (or the pipeline, or a whole run) did with every record it saw.</summary>
public sealed class BillingReadSummary
{
    public BillingReadSummary(
        IReadOnlyList<string> files,
        string format,
        int read,
        int emitted,
        int aggregated,
        IReadOnlyDictionary<string, int> skippedByRule,
        int rejected,
        IReadOnlyList<string> unknownColumns,
        IReadOnlyDictionary<string, int> warnings)
    {
        Files = files;
        Format = format;
        Read = read;
        Emitted = emitted;
        Aggregated = aggregated;
        SkippedByRule = skippedByRule;
        Rejected = rejected;
        UnknownColumns = unknownColumns;
        Warnings = warnings;
    }

    public IReadOnlyList<string> Files { get; }

    /// <summary>The format that read the records (e.g. PartnerCenter, Generic, profile:intermedia-balance).</summary>
    public string Format { get; }

    /// <summary>Data records seen (header and a Windows PowerShell #TYPE line excluded).</summary>
    public int Read { get; }

    /// <summary>Transactions handed out.</summary>
    public int Emitted { get; }

    /// <summary>Records merged into fewer emitted lines (daily rated usage summed per month).</summary>
    public int Aggregated { get; }

    public IReadOnlyDictionary<string, int> SkippedByRule { get; }

    public int Skipped => SkippedByRule.Values.Sum();

    /// <summary>Records that became a <see cref="BillingLineProblem"/>.</summary>
    public int Rejected { get; }

    /// <summary>Columns (or JSON fields) the format does not know; they were ignored.</summary>
    public IReadOnlyList<string> UnknownColumns { get; }

    /// <summary>Values read with a fallback (e.g. an unknown Partner Center charge type), counted per code.</summary>
    public IReadOnlyDictionary<string, int> Warnings { get; }

    /// <summary>Adds up per-file summaries into one for the whole run.</summary>
    public static BillingReadSummary Combine(IEnumerable<BillingReadSummary> summaries)
    {
        var list = summaries.ToList();
        return new BillingReadSummary(
            list.SelectMany(s => s.Files).ToList(),
            string.Join(", ", list.Select(s => s.Format).Distinct(StringComparer.Ordinal)),
            list.Sum(s => s.Read),
            list.Sum(s => s.Emitted),
            list.Sum(s => s.Aggregated),
            SumCounts(list.Select(s => s.SkippedByRule)),
            list.Sum(s => s.Rejected),
            list.SelectMany(s => s.UnknownColumns).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            SumCounts(list.Select(s => s.Warnings)));
    }

    public override string ToString() =>
        $"{string.Join(", ", Files)} ({Format}): read {Read}, emitted {Emitted}, skipped {Skipped}, rejected {Rejected}";

    private static IReadOnlyDictionary<string, int> SumCounts(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var total = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in counts.SelectMany(c => c))
        {
            total.TryGetValue(pair.Key, out var sum);
            total[pair.Key] = sum + pair.Value;
        }

        return total;
    }
}
