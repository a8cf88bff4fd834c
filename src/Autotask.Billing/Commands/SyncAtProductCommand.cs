using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Commands;

/// <summary>
/// Pushes a sales or vendor system's catalog items into Autotask products without duplicates (the SKU mapping, then
/// the SKU, then the manufacturer part number), with manufacturer, part number, category (or -DefaultCategory when the
/// source's does not exist in Autotask) and vendor; prices only with -SyncPrices. Every write is asked about first
/// (-WhatIf writes nothing); the run is journalled and each SKU is mapped to its product.
/// </summary>
[Cmdlet(VerbsData.Sync, "AtProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(SyncResult))]
[OutputType(typeof(SyncRunSummary))]
public sealed class SyncAtProductCommand : MappingCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string PathSet = "Path";

    private readonly List<CrmProduct> _products = new();
    private int _inputIndex;

    /// <summary>Catalog items: objects with Sku, Name and the optional catalog columns (Import-Csv rows, CrmProduct objects).</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>A catalog export (CSV or JSON) to read instead of pipeline input.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The system the items come from (e.g. ChannelOnline, Work365), for items without a Source.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    /// <summary>Writes unit price, unit cost and MSRP too (Work 365 pushes products without prices).</summary>
    [Parameter]
    public SwitchParameter SyncPrices { get; set; }

    /// <summary>The Autotask product category for items whose category does not exist in Autotask.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefaultCategory { get; set; }

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
                _products.AddRange(ProductReader.Read(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), Source, CancellationToken));
                return;
            }

            _inputIndex++;
            _products.Add(InputObject?.BaseObject as CrmProduct ?? ProductReader.FromRow(PropertyBag.From(InputObject!), Source, $"input object {_inputIndex}"));
        }
        catch (Exception exception) when (exception is CustomerInputException or BillingFormatException or IOException or UnauthorizedAccessException)
        {
            WriteErrorFor(exception, (object?)Path ?? InputObject);
        }
    }

    protected override void EndProcessing()
    {
        var connection = RequireConnection();

        // One writer per database for the whole push (plan, writes, journal, mapping update), as for Sync-AtContract:
        // two overlapping pushes would each plan, and create, the same record.
        using var syncLock = AcquireSyncLock(LockWaitSeconds);
        var document = ReadDocument();
        var options = new ProductSyncOptions { SyncPrices = SyncPrices, DefaultCategory = DefaultCategory };
        ProductSyncPlan plan;
        try
        {
            plan = RunAutotask(token => ProductSyncPlanner.PlanAsync(_products, connection.Client, document, options, token));
        }
        catch (ArgumentException exception)
        {
            ThrowTerminatingErrorFor(exception, DefaultCategory);
            return;
        }

        WriteVerbose($"{plan.Products} items: {plan.ProductsInStep} already in step; {plan.Operations.Count} writes planned with {plan.RequestsUsed} reads.");
        var approved = plan.Operations.Where(op => ShouldProcess(op.Target, op.Action)).Select(static op => op.OperationId).ToList();
        if (approved.Count == 0)
        {
            WriteVerbose(plan.Operations.Count == 0 ? "Nothing to push: the catalog is in step." : "No write was approved; Autotask and the journal are unchanged.");
            return;
        }

        var results = new List<SyncResult>();
        var summary = RunAutotask(token => ProductSyncExecutor.ExecuteAsync(
            plan,
            approved,
            new SyncOptions { JournalFolder = JournalFolder, ModuleVersion = typeof(SyncAtProductCommand).Assembly.GetName().Version?.ToString(3) },
            result => Post(() =>
            {
                results.Add(result);
                WriteSyncResult(result);
            }),
            null,
            token));
        WriteVerbose(summary.ToString());
        var now = DateTime.UtcNow;
        if (!ReferenceEquals(ProductSyncExecutor.RecordPairings(document, plan, results, now), document))
        {
            SaveChanges(current => ProductSyncExecutor.RecordPairings(current, plan, results, now));
        }

        if (Summary)
        {
            WriteObject(summary);
        }
    }
}
