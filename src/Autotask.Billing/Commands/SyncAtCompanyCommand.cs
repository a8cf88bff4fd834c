using System.Collections;
using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Commands;

/// <summary>
/// Pushes customers and their contacts into Autotask companies and contacts, matched without duplicates: the
/// mapping store first, then a company of the same name; contacts by e-mail address first, then by name. Every
/// create and update is asked about first (-WhatIf lists them and writes nothing); a customer without a work phone
/// (and no -DefaultPhone) or, with -RequirePrimaryContact, without a primary contact is held back and reported. The
/// run is journalled, and the pairings go to the mapping store so the next push updates instead of creating.
/// </summary>
[Cmdlet(VerbsData.Sync, "AtCompany", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SyncResult))]
[OutputType(typeof(SyncRunSummary))]
public sealed class SyncAtCompanyCommand : MappingCmdlet
{
    private readonly List<CrmCustomer> _customers = new();
    private CustomerRowReader? _rows;
    private int _inputIndex;

    /// <summary>Customers from Get-AtCustomer, or objects with their properties (Import-Csv rows: one per contact).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The system the customers come from (e.g. ChannelOnline, Work365), for objects without a Source property.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    /// <summary>The work phone for a company or contact that has none, e.g. 555-555-5555; without it such a company is held back.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 25)]
    public string? DefaultPhone { get; set; }

    /// <summary>Holds back a customer without a primary contact among the selected ones (Work 365's rule).</summary>
    [Parameter]
    public SwitchParameter RequirePrimaryContact { get; set; }

    /// <summary>Which contacts to push: All (default), Primary or None.</summary>
    [Parameter]
    public ContactSelection Contact { get; set; } = ContactSelection.All;

    /// <summary>Only contacts whose e-mail address matches one of these; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ContactEmail { get; set; }

    /// <summary>How long to wait for another sync of the same database to finish before stopping with SyncInProgress (default 120).</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int LockWaitSeconds { get; set; } = (int)SyncLock.DefaultWait.TotalSeconds;

    /// <summary>Writes the run's SyncRunSummary after the results.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    protected override void ProcessRecord()
    {
        _inputIndex++;
        if (InputObject?.BaseObject is CrmCustomer customer)
        {
            _customers.Add(customer);
            return;
        }

        try
        {
            _rows ??= new CustomerRowReader(Source);
            _rows.Add(Unwrapped(PropertyBag.From(InputObject!)), $"input object {_inputIndex}");
        }
        catch (CustomerInputException exception)
        {
            WriteError(ErrorRecords.Create(exception, ErrorIds.CustomerInputInvalid, ErrorCategory.InvalidData, InputObject));
        }
    }

    protected override void EndProcessing()
    {
        var connection = RequireConnection();

        // One writer per database for the whole push (plan, writes, journal, mapping update), as for Sync-AtContract:
        // two overlapping pushes would each plan, and create, the same record.
        using var syncLock = AcquireSyncLock(LockWaitSeconds);
        var document = ReadDocument();
        var customers = _customers.Concat(_rows?.Customers() ?? Array.Empty<CrmCustomer>()).ToList();
        var options = new CompanySyncOptions
        {
            DefaultPhone = DefaultPhone,
            RequirePrimaryContact = RequirePrimaryContact,
            Contacts = Contact,
            ContactFilter = ContactEmailFilter.From(ContactEmail),
        };
        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.PushCompanies, "Pushing customers to Autotask");
        progress.Report($"Planning {customers.Count} customers (reading companies and contacts in bulk)", force: true);
        var plan = RunAutotask(token => CompanySyncPlanner.PlanAsync(customers, connection.Client, document, options, token));
        WriteVerbose($"{plan.Customers} customers: {plan.CustomersInStep} already in step; {plan.Operations.Count} writes planned with {plan.RequestsUsed} reads.");

        // Gate, then run: every question is asked on the pipeline thread before any write starts.
        var approved = plan.Operations.Where(op => ShouldProcess(op.Target, op.Action)).Select(static op => op.OperationId).ToList();
        if (approved.Count == 0)
        {
            WriteVerbose(plan.Operations.Count == 0 ? "Nothing to push: Autotask is in step." : "No write was approved; Autotask and the journal are unchanged.");
            return;
        }

        var syncOptions = new SyncOptions { JournalFolder = JournalFolder, ModuleVersion = typeof(SyncAtCompanyCommand).Assembly.GetName().Version?.ToString(3) };
        var results = new List<SyncResult>();
        var summary = RunAutotask(token => CompanySyncExecutor.ExecuteAsync(
            plan,
            approved,
            syncOptions,
            result => Post(() =>
            {
                results.Add(result);
                WriteSyncResult(result);
            }),
            PipelineProgress<SyncProgress>(step => progress.Report($"{step.Completed} of {step.Total}: {step.Latest.Target}", step.PercentComplete)),
            token));
        WriteVerbose(summary.ToString());
        var now = DateTime.UtcNow;
        if (!ReferenceEquals(CompanySyncExecutor.RecordPairings(document, plan, results, now), document))
        {
            SaveChanges(current => CompanySyncExecutor.RecordPairings(current, plan, results, now));
        }

        if (Summary)
        {
            WriteObject(summary);
        }
    }

    /// <summary>A Contacts property of deserialized objects holds PSObjects; the core reads plain property bags.</summary>
    private static IReadOnlyDictionary<string, object?> Unwrapped(IReadOnlyDictionary<string, object?> bag)
    {
        if (!bag.TryGetValue("Contacts", out var contacts) || contacts is not IEnumerable list || contacts is string)
        {
            return bag;
        }

        var copy = bag.ToDictionary(static p => p.Key, static p => p.Value, StringComparer.OrdinalIgnoreCase);
        copy["Contacts"] = list.Cast<object?>()
            .Select(static item => item is PSObject wrapped && wrapped.BaseObject is not CrmContact ? PropertyBag.From(wrapped) : (item as PSObject)?.BaseObject ?? item)
            .ToList();
        return copy;
    }
}
