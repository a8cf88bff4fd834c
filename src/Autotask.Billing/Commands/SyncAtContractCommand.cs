using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Commands;

/// <summary>
/// Applies reviewed differences to Autotask in dependency order (catalog, vendor, companies, contracts, contract
/// services, adjustments, charges, prices), asking ShouldProcess for every write first — -WhatIf lists them and writes
/// nothing — then running the approved ones with guardrails, a drift check and a journal. Re-running after a crash
/// never duplicates a charge or an adjustment.
/// </summary>
[Cmdlet(VerbsData.Sync, "AtContract", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SyncResult))]
[OutputType(typeof(SyncRunSummary))]
public sealed class SyncAtContractCommand : MappingCmdlet
{
    private readonly List<ContractDifference> _differences = new();
    private int _inputIndex;

    /// <summary>Differences from Compare-AtContract, or re-imported ones (Import-Csv, Import-Clixml).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Applies changes past the guardrails: quantity changes above the threshold and drops to zero.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The export date that new contracts are dated from (start one month before); default today (UTC).</summary>
    [Parameter]
    public DateTime? ExportDate { get; set; }

    /// <summary>How long to wait for another sync of the same database to finish before stopping with SyncInProgress (default 120).</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int LockWaitSeconds { get; set; } = (int)SyncLock.DefaultWait.TotalSeconds;

    /// <summary>Writes the run's SyncRunSummary after the results; its ExitCode suits a scheduled task's exit.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    protected override void ProcessRecord()
    {
        _inputIndex++;
        if (InputObject?.BaseObject is ContractDifference difference)
        {
            _differences.Add(difference);
            return;
        }

        // Compare-AtContract -Summary writes its summary after the differences: it describes them and is not one.
        if (InputObject!.TypeNames.Any(name => name.EndsWith("Autotask.Billing.ComparisonSummary", StringComparison.Ordinal)))
        {
            WriteVerbose("The comparison summary is not a difference; the differences before it are synced.");
            return;
        }

        try
        {
            _differences.Add(ContractDifferenceReader.FromProperties(PropertyBag.From(InputObject!)));
        }
        catch (ContractDifferencePropertyException exception)
        {
            WriteError(ErrorRecords.Create(exception, ErrorIds.DifferenceInvalid, ErrorCategory.InvalidData, InputObject));
        }
    }

    protected override void EndProcessing()
    {
        var connection = RequireConnection();

        // One writer per database for the whole run: plan, writes and the mapping update.
        using var syncLock = AcquireSyncLock(LockWaitSeconds);
        var document = ReadDocument();
        var settings = document.Settings;
        var context = new SyncContext(connection.Client, settings, UtcDate.From(ExportDate) ?? UtcDate.Today);

        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.ApplySync, "Synchronising Autotask contracts");
        progress.Report($"Planning {_differences.Count} differences (reading what Autotask has now)", force: true);
        var plan = RunAutotask(token => SyncPlanner.PlanAsync(_differences, context, token));
        if (plan.NotActionable.Count > 0)
        {
            WriteVerbose($"{plan.NotActionable.Count} differences need no write or cannot be applied (unmapped, report-only, expired, other currency).");
        }

        // Gate, then run: every ShouldProcess question is asked here on the pipeline thread before any write starts.
        // Each question says what will really happen: a write held back by the guardrails or by missing data says so.
        var approved = plan.Operations.Where(operation => ShouldProcess(operation.Target, operation.Describe(Force))).Select(operation => operation.OperationId).ToList();
        if (approved.Count == 0)
        {
            WriteVerbose(plan.Operations.Count == 0 ? "Nothing to apply: Autotask is in step." : "No write was approved; Autotask and the journal are unchanged.");
            if (Summary)
            {
                WriteObject(SyncExecutor.SummarizeWithoutWrites(plan, plan.Operations.Count));
            }

            return;
        }

        var guarded = plan.Operations.Count(operation => operation.RequiresForce && operation.Problem is null && approved.Contains(operation.OperationId));
        if (guarded > 0 && !Force)
        {
            WriteWarning($"{guarded} changes pass the guardrails (large quantity changes or drops to zero) and are held back; review them and run again with -Force.");
        }

        var incomplete = plan.Operations.Count(operation => operation.Problem is not null && approved.Contains(operation.OperationId));
        if (incomplete > 0)
        {
            WriteWarning($"{incomplete} writes lack data Autotask needs (a phone number, a billing code) and are held back without a request; their results say what is missing.");
        }

        var options = new SyncOptions
        {
            Force = Force,
            JournalFolder = JournalFolder,
            ModuleVersion = typeof(SyncAtContractCommand).Assembly.GetName().Version?.ToString(3),
        };
        var results = new List<SyncResult>();
        var summary = RunAutotask(token => SyncExecutor.ExecuteAsync(
            plan,
            approved,
            options,
            result => Post(() =>
            {
                results.Add(result);
                WriteSyncResult(result);
            }),
            PipelineProgress<SyncProgress>(step => progress.Report($"{step.Completed} of {step.Total}: {step.Latest.Target}", step.PercentComplete)),
            token));

        WriteVerbose(summary.ToString());
        RecordCreatedInMappings(document, plan, results);
        if (summary.BudgetExhausted)
        {
            WriteWarning("The hourly API budget ran out: the remaining operations were not run. Run the same command again later to finish; completed work is not repeated.");
        }

        if (Summary)
        {
            WriteObject(summary);
        }
    }

    /// <summary>
    /// Mappings that asked for a company, contract, service or product now name the one the run created; the store is
    /// written only when there is such a mapping.
    /// </summary>
    private void RecordCreatedInMappings(MappingDocument document, SyncPlan plan, IReadOnlyList<SyncResult> results)
    {
        var now = DateTime.UtcNow;
        if (ReferenceEquals(SyncMappingUpdates.Apply(document, plan, results, now), document))
        {
            return;
        }

        SaveChanges(current => SyncMappingUpdates.Apply(current, plan, results, now));
        WriteVerbose("The mappings that asked sync to create records now name the records it created.");
    }
}
