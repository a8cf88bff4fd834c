namespace Autotask.Billing.Reporting;

/// <summary>
/// Collects pipeline objects — contract differences, sync results, sync run summaries and comparison summaries, live
/// or re-imported (Import-Csv, Import-Clixml) — by property name, and builds the <see cref="BillingReport"/>.
/// The same difference or operation given twice counts once.
/// </summary>
public sealed class BillingReportBuilder
{
    private readonly List<ReportDifference> _differences = new();
    private readonly HashSet<string> _differenceIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReportSyncResult> _syncResults = new(StringComparer.Ordinal);
    private readonly List<string> _syncOrder = new();
    private readonly List<ReportRunSummary> _runSummaries = new();
    private readonly List<ReportComparisonSummary> _comparisonSummaries = new();

    public int Count => _differences.Count + _syncResults.Count + _runSummaries.Count + _comparisonSummaries.Count;

    /// <summary>Adds one object's properties; throws <see cref="ReportInputException"/> when it is none of the four, or a value does not parse.</summary>
    public ReportItemKind Add(IReadOnlyDictionary<string, object?> properties)
    {
        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        var kind = Classify(properties);
        switch (kind)
        {
            case ReportItemKind.Difference:
                var difference = ReportDifference.Read(new ReportValues(properties, "difference"));
                if (_differenceIds.Add(difference.DifferenceId))
                {
                    _differences.Add(difference);
                }

                break;
            case ReportItemKind.SyncResult:
                var result = ReportSyncResult.Read(new ReportValues(properties, "sync result"));
                var key = result.RunId + "\n" + result.OperationId;
                if (!_syncResults.ContainsKey(key))
                {
                    _syncOrder.Add(key);
                }

                _syncResults[key] = result;
                break;
            case ReportItemKind.SyncRunSummary:
                _runSummaries.Add(ReportRunSummary.Read(new ReportValues(properties, "sync run summary")));
                break;
            default:
                _comparisonSummaries.Add(ReportComparisonSummary.Read(new ReportValues(properties, "comparison summary")));
                break;
        }

        return kind;
    }

    public BillingReport Build(string title, DateTime generatedUtc) =>
        new(title, generatedUtc, _differences.ToList(), _syncOrder.Select(k => _syncResults[k]).ToList(), _runSummaries.ToList(), _comparisonSummaries.ToList());

    private static ReportItemKind Classify(IReadOnlyDictionary<string, object?> properties)
    {
        var names = new HashSet<string>(properties.Keys, StringComparer.OrdinalIgnoreCase);
        if (names.Contains("OperationId") && names.Contains("Status"))
        {
            return ReportItemKind.SyncResult;
        }

        if (names.Contains("DifferenceId") && names.Contains("Kind"))
        {
            return ReportItemKind.Difference;
        }

        if (names.Contains("RunId") && names.Contains("Applied") && names.Contains("Failed"))
        {
            return ReportItemKind.SyncRunSummary;
        }

        if (names.Contains("Actionable") && names.Contains("MonthlyRevenueImpact"))
        {
            return ReportItemKind.ComparisonSummary;
        }

        const int Shown = 12;
        var listed = string.Join(", ", properties.Keys.Take(Shown)) + (properties.Count > Shown ? ", ..." : string.Empty);
        throw new ReportInputException(
            "The object is not a contract difference (DifferenceId, Kind), sync result (OperationId, Status), sync run summary (RunId, Applied, Failed) "
            + $"or comparison summary (Actionable, MonthlyRevenueImpact). Its properties: {(listed.Length == 0 ? "none" : listed)}.");
    }
}
