using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Commands;

/// <summary>
/// Pulls Autotask companies with their selected contacts into the shape a sales system imports: a CSV file with one
/// row per contact (the shape Get-AtCustomer reads), or CrmCustomer objects with -PassThru. Each company is paired
/// with its customer id in the mapping store, so a later Sync-AtCompany of those customers updates the same companies.
/// </summary>
[Cmdlet(VerbsData.Export, "AtCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CrmCustomer))]
public sealed class ExportAtCustomerCommand : MappingCmdlet
{
    private readonly List<long> _ids = new();

    /// <summary>The companies to export; binds from Get-AtCompany.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] CompanyId { get; set; } = Array.Empty<long>();

    /// <summary>The system the export is for (e.g. ChannelOnline, Work365): the Source of the pairings.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Source { get; set; } = string.Empty;

    /// <summary>The CSV file to write; without it the customers are written to the pipeline.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Which contacts to export: All (default), Primary or None.</summary>
    [Parameter]
    public ContactSelection Contact { get; set; } = ContactSelection.All;

    /// <summary>Only contacts whose e-mail address matches one of these; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ContactEmail { get; set; }

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the customers to the pipeline as well as to -Path.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _ids.AddRange(CompanyId);

    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var document = ReadDocument();
        var reader = new CrmReader(connection.Client);
        var ids = _ids.Distinct().ToList();
        var companies = RunAutotask(token => reader.ReadCompaniesAsync(ids, null, false, includeInactive: true, token));
        var contacts = Contact == ContactSelection.None
            ? Array.Empty<ContactRecord>()
            : RunAutotask(token => reader.ReadContactsAsync(ids, includeInactive: false, token));
        var customers = CustomerExport.ToCustomers(Source, companies, contacts, document, Contact, ContactEmailFilter.From(ContactEmail));
        WriteVerbose($"{customers.Count} companies with {customers.Sum(static c => c.ContactCount)} contacts.");
        var file = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var what = file is null ? "the pipeline" : file;
        if (!ShouldProcess(what, $"export {customers.Count} companies as {Source} customers and pair them in the mapping store"))
        {
            return;
        }

        if (file is not null)
        {
            try
            {
                Run(token => CustomerExport.WriteCsvAsync(file, customers, Force, token));
            }
            catch (Exception exception) when (exception is ReportFileExistsException or IOException or UnauthorizedAccessException)
            {
                ThrowTerminatingErrorFor(exception, file);
            }
        }

        var now = DateTime.UtcNow;
        if (!ReferenceEquals(CustomerExport.RecordPairings(document, customers, companies, now), document))
        {
            SaveChanges(current => CustomerExport.RecordPairings(current, customers, companies, now));
        }

        if (file is null || PassThru)
        {
            WriteObject(customers, enumerateCollection: true);
        }
    }
}
