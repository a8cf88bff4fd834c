using System.Collections;
using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Commands;

/// <summary>
/// Pushes a sales system's quotes and sales orders into Autotask opportunities: one opportunity per document (given
/// with its id, or found or created by the document's custom name or number), one primary quote per opportunity with
/// the document's lines as quote items; a later push of a changed document changes its quote. A sales order closes its
/// opportunity so that Autotask opens the sales order. A document whose customer is not synced, whose sales rep maps to
/// no resource or that has no payment terms is held back with the reason. -WhatIf writes nothing.
/// </summary>
[Cmdlet(VerbsData.Sync, "AtQuote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(SyncResult))]
[OutputType(typeof(SyncRunSummary))]
public sealed class SyncAtQuoteCommand : MappingCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string PathSet = "Path";

    private readonly List<SalesDocument> _documents = new();
    private SalesDocumentReader? _rows;
    private int _inputIndex;

    /// <summary>Documents: objects with one line each (Import-Csv rows) carrying the document's columns, or SalesDocument objects.</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>A quote or sales-order export (CSV, one row per line, or JSON with nested Lines) to read instead of pipeline input.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The system the documents come from (e.g. ChannelOnline), for rows without a Source.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    /// <summary>The source's sales reps and the Autotask resource (user name or e-mail) each one is, one to one, for this run: @{ 'jsmith' = 'alex.morgan' }. A rep given here wins over the resource stored for it with Set-AtBillingSetting -SalesRep; reps not given use the stored ones.</summary>
    [Parameter]
    public Hashtable? SalesRep { get; set; }

    /// <summary>The stage of new opportunities, by label; default the first stage.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OpportunityStage { get; set; }

    /// <summary>The date of documents without one, and what new quotes expire 30 days after; default today (UTC).</summary>
    [Parameter]
    public DateTime? Date { get; set; }

    /// <summary>How long to wait for another sync of the same database to finish before stopping with SyncInProgress (default 120).</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int LockWaitSeconds { get; set; } = (int)SyncLock.DefaultWait.TotalSeconds;

    /// <summary>Writes the run's SyncRunSummary after the results.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            if (ParameterSetName == PathSet)
            {
                _documents.AddRange(SalesDocumentReader.Read(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), Source, CancellationToken));
                return;
            }

            _inputIndex++;
            if (InputObject?.BaseObject is SalesDocument document)
            {
                _documents.Add(document);
                return;
            }

            _rows ??= new SalesDocumentReader(Source);
            _rows.Add(PropertyBag.From(InputObject!), $"input object {_inputIndex}");
        }
        catch (Exception exception) when (exception is CustomerInputException or BillingFormatException or IOException or UnauthorizedAccessException)
        {
            WriteErrorFor(exception, (object?)Path ?? InputObject);
        }
    }

    protected override void EndProcessing()
    {
        var connection = RequireConnection();

        // One writer per database for the whole push (plan, writes, journal), as for Sync-AtContract: two overlapping
        // pushes would each plan, and create, the same opportunity and quote.
        using var syncLock = AcquireSyncLock(LockWaitSeconds);
        var mappings = ReadDocument();
        List<SalesDocument> documents;
        try
        {
            documents = _documents.Concat(_rows?.Documents() ?? Array.Empty<SalesDocument>()).ToList();
        }
        catch (CustomerInputException exception)
        {
            ThrowTerminatingErrorFor(exception, InputObject);
            return;
        }

        var options = new SalesDocumentSyncOptions
        {
            SalesReps = SalesRep?.Cast<DictionaryEntry>().ToDictionary(static e => e.Key.ToString()!, static e => e.Value?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(),
            OpportunityStage = OpportunityStage,
            Today = UtcDate.From(Date) ?? UtcDate.Today,
        };
        SalesDocumentSyncPlan plan;
        try
        {
            plan = RunAutotask(token => SalesDocumentSyncPlanner.PlanAsync(documents, connection.Client, mappings, options, token));
        }
        catch (ArgumentException exception)
        {
            ThrowTerminatingErrorFor(exception, OpportunityStage);
            return;
        }

        WriteVerbose($"{plan.Documents} documents: {plan.DocumentsInStep} already in step; {plan.Operations.Count} writes planned with {plan.RequestsUsed} reads.");
        var approved = plan.Operations.Where(op => ShouldProcess(op.Target, op.Action)).Select(static op => op.OperationId).ToList();
        if (approved.Count == 0)
        {
            WriteVerbose(plan.Operations.Count == 0 ? "Nothing to push: the quotes are in step." : "No write was approved; Autotask and the journal are unchanged.");
            return;
        }

        var summary = RunAutotask(token => SalesDocumentSyncExecutor.ExecuteAsync(
            plan,
            approved,
            new SyncOptions { JournalFolder = JournalFolder, ModuleVersion = typeof(SyncAtQuoteCommand).Assembly.GetName().Version?.ToString(3) },
            result => Post(() =>
            {
                WriteSyncResult(result);
            }),
            null,
            token));
        WriteVerbose(summary.ToString());
        if (Summary)
        {
            WriteObject(summary);
        }
    }
}
