namespace Autotask.Billing.Reporting;

/// <summary>The parts of a SyncRunSummary a report shows, read by property name from the live or a re-imported object.</summary>
public sealed class ReportRunSummary
{
    private ReportRunSummary()
    {
    }

    public string RunId { get; private init; } = string.Empty;

    public DateTime? StartedUtc { get; private init; }

    public DateTime? FinishedUtc { get; private init; }

    public int Applied { get; private init; }

    public int Skipped { get; private init; }

    public int Failed { get; private init; }

    public int NotRun { get; private init; }

    public int NeedsAttention { get; private init; }

    public long RequestsUsed { get; private init; }

    public string? JournalPath { get; private init; }

    public bool BudgetExhausted { get; private init; }

    public bool Cancelled { get; private init; }

    public int ExitCode { get; private init; }

    public TimeSpan? Duration => StartedUtc is { } started && FinishedUtc is { } finished ? finished - started : null;

    internal static ReportRunSummary Read(ReportValues values)
    {
        var failed = values.Int(nameof(Failed));
        var notRun = values.Int(nameof(NotRun));
        var needsAttention = values.Int(nameof(NeedsAttention));
        return new ReportRunSummary
        {
            RunId = values.RequiredText(nameof(RunId)),
            StartedUtc = values.Timestamp(nameof(StartedUtc)),
            FinishedUtc = values.Timestamp(nameof(FinishedUtc)),
            Applied = values.Int(nameof(Applied)),
            Skipped = values.Int(nameof(Skipped)),
            Failed = failed,
            NotRun = notRun,
            NeedsAttention = needsAttention,
            RequestsUsed = values.Long(nameof(RequestsUsed)) ?? 0,
            JournalPath = values.Text(nameof(JournalPath)),
            BudgetExhausted = values.Bool(nameof(BudgetExhausted)),
            Cancelled = values.Bool(nameof(Cancelled)),
            ExitCode = values.Has(nameof(ExitCode)) ? values.Int(nameof(ExitCode)) : failed > 0 || notRun > 0 ? 1 : needsAttention > 0 ? 2 : 0,
        };
    }
}
