using System.Management.Automation;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Commands;

/// <summary>
/// Shows past Sync-AtContract runs from their journals — when, who, counts and failures, whether they completed —
/// and, with -RunId and -Operation, each operation's outcome and the Autotask id it produced.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtSyncHistory", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SyncRunRecord), ParameterSetName = new[] { ListSet, RunSet })]
[OutputType(typeof(SyncResult), ParameterSetName = new[] { RunSet })]
public sealed class GetAtSyncHistoryCommand : MappingCmdlet
{
    private const string ListSet = "List";
    private const string RunSet = "Run";

    /// <summary>Only the most recent runs, newest first.</summary>
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [ValidateRange(1, int.MaxValue)]
    public int? Last { get; set; }

    /// <summary>One run; binds RunId from SyncResult and SyncRunSummary objects.</summary>
    [Parameter(ParameterSetName = RunSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] RunId { get; set; } = Array.Empty<string>();

    /// <summary>The run's operations (one SyncResult each) instead of the run.</summary>
    [Parameter(ParameterSetName = RunSet)]
    public SwitchParameter Operation { get; set; }

    protected override void ProcessRecord()
    {
        var folder = JournalFolder;
        if (ParameterSetName == ListSet)
        {
            foreach (var listed in SyncHistory.ListRuns(folder, Last))
            {
                WarnOfDamage(listed);
                WriteObject(listed);
            }

            return;
        }

        foreach (var id in RunId)
        {
            var run = SyncHistory.ReadRun(folder, id);
            if (run is null)
            {
                var exception = new ItemNotFoundException($"No sync run '{id}' in the journal folder {folder}.");
                WriteError(ErrorRecords.Create(exception, ErrorIds.SyncRunNotFound, ErrorCategory.ObjectNotFound, id));
            }
            else if (Operation)
            {
                WarnOfDamage(run);
                WriteObject(run.Results, enumerateCollection: true);
            }
            else
            {
                WarnOfDamage(run);
                WriteObject(run);
            }
        }
    }

    private void WarnOfDamage(SyncRunRecord run)
    {
        if (run.DamagedLineNumbers.Count > 0)
        {
            WriteWarning($"{run.JournalPath}: line(s) {string.Join(", ", run.DamagedLineNumbers)} could not be read and were skipped.");
        }
    }
}
