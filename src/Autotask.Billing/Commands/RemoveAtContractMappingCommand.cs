using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>Removes customer mappings (from Get-AtContractMapping output or by source and id); Autotask is not touched.</summary>
[Cmdlet(VerbsCommon.Remove, "AtContractMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CustomerMapping))]
public sealed class RemoveAtContractMappingCommand : MappingCmdlet
{
    private readonly List<(string Source, string CustomerId)> _keys = new();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string Source { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CustomerIdCompleter))]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Returns the mappings removed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _keys.Add((Source.Trim(), CustomerId.Trim()));

    protected override void EndProcessing()
    {
        if (_keys.Count == 0)
        {
            return;
        }

        var document = ReadDocument();
        var found = new List<CustomerMapping>();
        foreach (var (source, customerId) in _keys)
        {
            var mapping = document.FindCustomer(source, customerId);
            if (mapping is null)
            {
                var exception = new ItemNotFoundException($"No customer mapping has the customer id '{customerId}' for source '{source}'.");
                WriteError(ErrorRecords.Create(exception, ErrorIds.MappingNotFound, ErrorCategory.ObjectNotFound, customerId));
            }
            else if (!found.Contains(mapping))
            {
                found.Add(mapping);
            }
        }

        var catalog = CatalogOf(OptionalConnection);
        var names = catalog is null || found.Count == 0
            ? MappingTargetNames.None
            : RunAutotask(token => MappingTargetNames.ReadAsync(catalog, found, Array.Empty<ServiceMapping>(), token));
        var approved = found.Where(mapping => ShouldProcess(names.Describe(mapping), "Remove the customer mapping")).ToList();
        if (approved.Count == 0)
        {
            return;
        }

        SaveChanges(current => MappingDocumentChanges.RemoveCustomers(current, approved.Select(m => (m.Source, m.CustomerId))));
        WriteVerbose($"Removed {approved.Count} customer mapping(s).");
        if (PassThru)
        {
            WriteObject(approved.Select(MappingSpreadsheetText.Guarded), enumerateCollection: true);
        }
    }
}
