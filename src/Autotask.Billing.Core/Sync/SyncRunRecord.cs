namespace Autotask.Billing;

/// <summary>
/// One sync run as its journal tells it (Get-AtSyncHistory): when, who, what was planned and what became of it. A run
/// without its closing summary line did not complete (it crashed or was killed); its counts are those journalled.
/// </summary>
public sealed class SyncRunRecord
{
    public SyncRunRecord(
        string runId,
        DateTime startedUtc,
        DateTime? finishedUtc,
        string apiUser,
        string osUser,
        string machine,
        string? moduleVersion,
        int planned,
        IReadOnlyList<SyncResult> results,
        bool completed,
        int? exitCode,
        int damagedLines,
        string journalPath,
        IReadOnlyList<int>? damagedLineNumbers = null)
    {
        DamagedLineNumbers = damagedLineNumbers ?? Array.Empty<int>();
        RunId = runId;
        StartedUtc = DateTime.SpecifyKind(startedUtc, DateTimeKind.Utc);
        FinishedUtc = finishedUtc is null ? null : DateTime.SpecifyKind(finishedUtc.Value, DateTimeKind.Utc);
        ApiUser = apiUser;
        OsUser = osUser;
        Machine = machine;
        ModuleVersion = moduleVersion;
        Planned = planned;
        Results = results;
        Completed = completed;
        ExitCode = exitCode;
        DamagedLines = damagedLines;
        JournalPath = journalPath;
    }

    public string RunId { get; }

    public DateTime StartedUtc { get; }

    /// <summary>When the summary line was written; null for a run that did not complete.</summary>
    public DateTime? FinishedUtc { get; }

    /// <summary>The Autotask API user the run wrote as.</summary>
    public string ApiUser { get; }

    /// <summary>The operating-system user who started it.</summary>
    public string OsUser { get; }

    public string Machine { get; }

    public string? ModuleVersion { get; }

    public int Planned { get; }

    /// <summary>The 1-based lines of the journal that could not be read and were skipped (hand edits, a torn write).</summary>
    public IReadOnlyList<int> DamagedLineNumbers { get; }

    public int Applied => Count(SyncStatus.Applied);

    public int Skipped => Count(SyncStatus.Skipped);

    public int Failed => Count(SyncStatus.Failed);

    public int NotRun => Count(SyncStatus.NotRun);

    public int NotApplied => Count(SyncStatus.NotApplied);

    /// <summary>Planned operations the journal holds no outcome for (the run stopped before they finished).</summary>
    public int Unfinished => Math.Max(0, Planned - Results.Count);

    public bool Completed { get; }

    public int? ExitCode { get; }

    /// <summary>Lines that could not be read, such as the half-written last line of a crashed run.</summary>
    public int DamagedLines { get; }

    public string JournalPath { get; }

    /// <summary>Each operation's outcome, in the order they happened.</summary>
    public IReadOnlyList<SyncResult> Results { get; }

    public IReadOnlyList<SyncResult> Failures => Results.Where(static r => r.Status == SyncStatus.Failed).ToList();

    public override string ToString() =>
        $"{RunId} {StartedUtc:yyyy-MM-dd HH:mm}Z by {OsUser} ({ApiUser}): {Applied} applied, {Skipped} skipped, {Failed} failed, {NotRun} not run"
        + (Completed ? string.Empty : ", did not complete");

    private int Count(SyncStatus status) => Results.Count(r => r.Status == status);
}
