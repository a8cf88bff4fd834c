using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>Lists SKU mappings, filtered by source and SKU (wildcards allowed); billing lines piped in list the mappings of their SKUs.</summary>
[Cmdlet(VerbsCommon.Get, "AtServiceMapping")]
[OutputType(typeof(ServiceMapping))]
public sealed class GetAtServiceMappingCommand : MappingCmdlet
{
    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);
    private MappingDocument _document = MappingDocument.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [SupportsWildcards]
    [RestoreGuardedText]
    public string? Source { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SkuCompleter))]
    [SupportsWildcards]
    [RestoreGuardedText]
    public string[]? Sku { get; set; }

    protected override void BeginProcessing() => _document = ReadDocument();

    protected override void ProcessRecord()
    {
        var sources = Pattern(Source);
        var skus = Sku?.Select(Pattern).ToList();
        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in _document.Services)
        {
            if (!sources.IsMatch(mapping.Source) || (skus is not null && !skus.Any(sku => sku.IsMatch(mapping.Sku))))
            {
                continue;
            }

            matched.Add(mapping.Sku);
            if (_written.Add(mapping.Source + "\u001F" + mapping.Sku))
            {
                WriteObject(MappingSpreadsheetText.Guarded(mapping));
            }
        }

        foreach (var sku in (Sku ?? Array.Empty<string>()).Where(sku => !WildcardPattern.ContainsWildcardCharacters(sku) && !matched.Contains(sku.Trim())))
        {
            if (_written.Add("missing\u001F" + Source + "\u001F" + sku))
            {
                var exception = new ItemNotFoundException($"No SKU mapping has the SKU '{sku}'{(Source is null ? string.Empty : $" for source '{Source}'")}.");
                WriteError(ErrorRecords.Create(exception, ErrorIds.MappingNotFound, ErrorCategory.ObjectNotFound, sku));
            }
        }
    }

    private static WildcardPattern Pattern(string? text) =>
        WildcardPattern.Get(string.IsNullOrWhiteSpace(text) ? "*" : text!.Trim(), WildcardOptions.IgnoreCase);
}
