using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// The input of Get-AtPendingChange and Sync-AtPendingChange: contract differences on the pipeline, catalog items and
/// customers as parameters, and the options of the pushes they feed (Sync-AtProduct, Sync-AtCompany, Sync-AtContract).
/// </summary>
public abstract class PendingChangeCmdlet : MappingCmdlet
{
    private readonly List<ContractDifference> _differences = new();

    /// <summary>Differences from Compare-AtContract (contracts, services and adjustments), or re-imported ones.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Catalog items, as Sync-AtProduct takes them (Import-Csv rows, CrmProduct objects).</summary>
    [Parameter]
    [ValidateNotNull]
    public PSObject[]? Product { get; set; }

    /// <summary>Customers, as Sync-AtCompany takes them (Get-AtCustomer output).</summary>
    [Parameter]
    [ValidateNotNull]
    public CrmCustomer[]? Customer { get; set; }

    /// <summary>The system the products come from (e.g. Work365), for items without a Source.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    /// <summary>Lists price changes of products too, as Sync-AtProduct -SyncPrices would write them.</summary>
    [Parameter]
    public SwitchParameter SyncPrices { get; set; }

    /// <summary>As Sync-AtProduct -DefaultCategory.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefaultCategory { get; set; }

    /// <summary>As Sync-AtCompany -DefaultPhone.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 25)]
    public string? DefaultPhone { get; set; }

    /// <summary>As Sync-AtCompany -RequirePrimaryContact (Work 365's rule).</summary>
    [Parameter]
    public SwitchParameter RequirePrimaryContact { get; set; }

    /// <summary>As Sync-AtContract -ExportDate: the date new contracts are dated from; default today (UTC).</summary>
    [Parameter]
    public DateTime? ExportDate { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        if (InputObject.BaseObject is ContractDifference difference)
        {
            _differences.Add(difference);
            return;
        }

        if (InputObject.TypeNames.Any(name => name.EndsWith("Autotask.Billing.ComparisonSummary", StringComparison.Ordinal)))
        {
            return;
        }

        try
        {
            _differences.Add(ContractDifferenceReader.FromProperties(PropertyBag.From(InputObject)));
        }
        catch (ContractDifferencePropertyException exception)
        {
            WriteError(ErrorRecords.Create(exception, ErrorIds.DifferenceInvalid, ErrorCategory.InvalidData, InputObject));
        }
    }

    /// <summary>What to plan: the collected input and the options, with product rows read as Sync-AtProduct reads them.</summary>
    private protected PendingChangeRequest BuildRequest()
    {
        var products = new List<CrmProduct>();
        var index = 0;
        foreach (var item in Product ?? Array.Empty<PSObject>())
        {
            index++;
            try
            {
                products.Add(item.BaseObject as CrmProduct ?? ProductReader.FromRow(PropertyBag.From(item), Source, $"product {index}"));
            }
            catch (CustomerInputException exception)
            {
                WriteError(ErrorRecords.Create(exception, ErrorIds.CustomerInputInvalid, ErrorCategory.InvalidData, item));
            }
        }

        return new PendingChangeRequest
        {
            Products = products,
            Customers = Customer ?? Array.Empty<CrmCustomer>(),
            Differences = _differences,
            ProductOptions = new ProductSyncOptions { SyncPrices = SyncPrices, DefaultCategory = DefaultCategory },
            CompanyOptions = new CompanySyncOptions { DefaultPhone = DefaultPhone, RequirePrimaryContact = RequirePrimaryContact },
            Today = UtcDate.From(ExportDate) ?? UtcDate.Today,
        };
    }
}
