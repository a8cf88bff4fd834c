using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Commands;

/// <summary>
/// Pushes what Get-AtPendingChange lists, in Work 365's dependency order: the catalog, then the customers, then the
/// contracts with their services and adjustments, each planned after the one before it is applied and run by the same
/// workflow as Sync-AtProduct, Sync-AtCompany and Sync-AtContract. Every write is asked about first (-WhatIf shows
/// the whole push in order and writes nothing); each part is journalled, and a part with failures stops the parts
/// after it.
/// </summary>
[Cmdlet(VerbsData.Sync, "AtPendingChange", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SyncResult))]
[OutputType(typeof(SyncRunSummary))]
public sealed class SyncAtPendingChangeCommand : PendingChangeCmdlet
{
    /// <summary>As Sync-AtContract -Force: applies contract changes past the guardrails.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>How long to wait for another sync of the same database to finish before stopping with SyncInProgress (default 120).</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int LockWaitSeconds { get; set; } = (int)SyncLock.DefaultWait.TotalSeconds;

    /// <summary>Writes each part's SyncRunSummary after its results.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    protected override void EndProcessing()
    {
        var request = BuildRequest();
        var connection = RequireConnection();
        using var syncLock = AcquireSyncLock(LockWaitSeconds);
        var options = new SyncOptions
        {
            Force = Force,
            JournalFolder = JournalFolder,
            ModuleVersion = typeof(SyncAtPendingChangeCommand).Assembly.GetName().Version?.ToString(3),
        };

        for (var index = 0; index < PendingChangeReader.BatchCount; index++)
        {
            var document = ReadDocument();
            PendingChangeBatch? batch;
            try
            {
                batch = RunAutotask(token => PendingChangeReader.PlanBatchAsync(index, connection.Client, document, request, token));
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingErrorFor(exception, DefaultCategory);
                return;
            }

            if (batch is null || batch.Operations.Count == 0)
            {
                WriteVerbose($"{batch?.Name ?? "Part " + (index + 1)}: nothing pending.");
                continue;
            }

            var approved = batch.Operations
                .Where(op => ShouldProcess(op.Target, $"{PendingChangeReader.StageOf(op.Kind)}: {op.Describe(Force)}"))
                .Select(static op => op.OperationId)
                .ToList();
            if (approved.Count == 0)
            {
                WriteVerbose($"{batch.Name}: no write was approved; Autotask and the journal are unchanged.");
                continue;
            }

            var results = new List<SyncResult>();
            var summary = RunAutotask(token => batch.ExecuteAsync(approved, options, result => Post(() =>
            {
                results.Add(result);
                WriteSyncResult(result);
            }), null, token));
            WriteVerbose($"{batch.Name}: {summary}");
            var now = DateTime.UtcNow;
            if (!ReferenceEquals(batch.RecordPairings(document, results, now), document))
            {
                SaveChanges(current => batch.RecordPairings(current, results, now));
            }

            if (Summary)
            {
                WriteObject(summary);
            }

            if (summary.Failed > 0 || summary.NotRun > 0 || results.Any(static r => r.Status == SyncStatus.Unconfirmed))
            {
                WriteWarning($"{batch.Name} did not all apply ({summary.Failed} failed, {summary.NotRun} not run): the later parts are not pushed. Fix the failures and run the same command again; what was applied is not repeated.");
                return;
            }
        }
    }
}
