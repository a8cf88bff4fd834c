using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>
/// Reads customers with their contacts from a sales or vendor system's export (ChannelOnline, Work 365, ...): CSV with
/// one row per contact, or JSON with nested contacts. The CrmCustomer objects go to Sync-AtCompany.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtCustomer", DefaultParameterSetName = PathSet)]
[OutputType(typeof(CrmCustomer))]
public sealed class GetAtCustomerCommand : AtBillingCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Export files to read; wildcards allowed.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Export files to read, taken literally (no wildcards); binds from Get-ChildItem output.</summary>
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The system the export comes from (e.g. ChannelOnline, Work365), for rows without a Source column.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    protected override void ProcessRecord()
    {
        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.ReadCustomers, "Reading customers");
        foreach (var file in Files())
        {
            progress.Report(System.IO.Path.GetFileName(file), force: true);
            try
            {
                var customers = CustomerFileReader.Read(file, Source, CancellationToken);
                WriteVerbose($"Read {customers.Count} customers with {customers.Sum(static c => c.ContactCount)} contacts from {file}.");
                WriteObject(customers, enumerateCollection: true);
            }
            catch (Exception exception) when (exception is CustomerInputException or BillingFormatException or IOException or UnauthorizedAccessException)
            {
                WriteErrorFor(exception, file);
            }
        }
    }

    private List<string> Files()
    {
        var files = new List<string>();
        foreach (var path in ParameterSetName == PathSet ? Path : LiteralPath)
        {
            try
            {
                if (ParameterSetName == PathSet)
                {
                    files.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
                    continue;
                }

                var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                if (!File.Exists(file))
                {
                    throw new ItemNotFoundException($"Cannot find the file '{file}'.");
                }

                files.Add(file);
            }
            catch (ItemNotFoundException exception)
            {
                WriteError(ErrorRecords.Create(exception, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
            }
        }

        return files;
    }
}
