using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>Removes SKU mappings (from Get-AtServiceMapping output or by source and SKU); Autotask is not touched.</summary>
[Cmdlet(VerbsCommon.Remove, "AtServiceMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ServiceMapping))]
public sealed class RemoveAtServiceMappingCommand : MappingCmdlet
{
    private readonly List<(string Source, string Sku)> _keys = new();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string Source { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SkuCompleter))]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string Sku { get; set; } = string.Empty;

    /// <summary>Returns the mappings removed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _keys.Add((Source.Trim(), Sku.Trim()));

    protected override void EndProcessing()
    {
        if (_keys.Count == 0)
        {
            return;
        }

        var document = ReadDocument();
        var found = new List<ServiceMapping>();
        foreach (var (source, sku) in _keys)
        {
            var mapping = document.FindService(source, sku);
            if (mapping is null)
            {
                var exception = new ItemNotFoundException($"No SKU mapping has the SKU '{sku}' for source '{source}'.");
                WriteError(ErrorRecords.Create(exception, ErrorIds.MappingNotFound, ErrorCategory.ObjectNotFound, sku));
            }
            else if (!found.Contains(mapping))
            {
                found.Add(mapping);
            }
        }

        var catalog = CatalogOf(OptionalConnection);
        var names = catalog is null || found.Count == 0
            ? MappingTargetNames.None
            : RunAutotask(token => MappingTargetNames.ReadAsync(catalog, Array.Empty<CustomerMapping>(), found, token));
        var approved = found.Where(mapping => ShouldProcess(names.Describe(mapping), "Remove the SKU mapping")).ToList();
        if (approved.Count == 0)
        {
            return;
        }

        SaveChanges(current => MappingDocumentChanges.RemoveServices(current, approved.Select(m => (m.Source, m.Sku))));
        WriteVerbose($"Removed {approved.Count} SKU mapping(s).");
        if (PassThru)
        {
            WriteObject(approved.Select(MappingSpreadsheetText.Guarded), enumerateCollection: true);
        }
    }
}
