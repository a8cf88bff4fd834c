using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>
/// Adds or changes SKU mappings, from parameters or from pipeline objects by property name (mappings from
/// Get-AtServiceMapping, or Import-Csv rows of an Export-Csv'd list after a bulk edit). Columns an object lacks keep
/// the stored values; parameters given override every object's values; all changes are saved in one update.
/// </summary>
[Cmdlet(VerbsCommon.Set, "AtServiceMapping", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ServiceMapping))]
public sealed class SetAtServiceMappingCommand : MappingCmdlet
{
    private const string PropertiesSet = "Properties";
    private const string InputObjectSet = "InputObject";

    private readonly Dictionary<string, ServiceMapping> _pending = new(StringComparer.OrdinalIgnoreCase);
    private MappingDocument _document = MappingDocument.Empty;
    private int _rowNumber;

    /// <summary>A SKU mapping, an Import-Csv row of Export-Csv'd mappings, or any object with those property names.</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(ParameterSetName = PropertiesSet, Mandatory = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    [Parameter(ParameterSetName = PropertiesSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(SkuCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Sku { get; set; }

    /// <summary>The Autotask service recurring lines bill as.</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long ServiceId { get; set; }

    /// <summary>The Autotask product one-time lines bill as.</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long ProductId { get; set; }

    /// <summary>Sync creates the service.</summary>
    [Parameter]
    public SwitchParameter Create { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NameTemplate { get; set; }

    /// <summary>Whether the SKU's lines are dropped before comparison; -Excluded:$false includes them again.</summary>
    [Parameter]
    public SwitchParameter Excluded { get; set; }

    [Parameter]
    public string? Notes { get; set; }

    /// <summary>Returns the mappings as saved.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing() => _document = ReadDocument();

    protected override void ProcessRecord()
    {
        _rowNumber++;
        var row = ParameterSetName == InputObjectSet
            ? RestoredRowOf<ServiceMapping>(InputObject!, ServiceMappingCsv.ToRow)
            : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [nameof(ServiceMapping.Source)] = Source,
                [nameof(ServiceMapping.Sku)] = Sku,
            };
        if (Stored(row) is { } stored)
        {
            foreach (var pair in ServiceMappingCsv.ToRow(stored).Where(pair => !row.ContainsKey(pair.Key)))
            {
                row[pair.Key] = pair.Value;
            }
        }

        Override(row);
        var problems = new List<MappingProblem>();
        var mapping = ServiceMappingCsv.FromRow(row, _rowNumber, problems);
        if (mapping is null)
        {
            WriteRowError(ParameterSetName == InputObjectSet ? $"Input object {_rowNumber}" : $"The mapping of {Source}/{Sku}", problems, InputObject ?? (object?)Sku);
            return;
        }

        _pending[mapping.Source + "\u001F" + mapping.Sku] = mapping;
    }

    protected override void EndProcessing()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var catalog = CatalogOf(OptionalConnection);
        var names = catalog is null
            ? MappingTargetNames.None
            : RunAutotask(token => MappingTargetNames.ReadAsync(catalog, Array.Empty<CustomerMapping>(), _pending.Values, token));
        var approved = new List<ServiceMapping>();
        var unchanged = new List<ServiceMapping>();
        foreach (var mapping in _pending.Values)
        {
            var existing = _document.FindService(mapping.Source, mapping.Sku);
            if (names.Problem(mapping) is string problem)
            {
                WriteTargetError($"{MappingTargetNames.Sku(mapping.Source, mapping.Sku)}: {problem}", isNotFound: true, mapping);
            }
            else if (existing is not null && existing == mapping with { CreatedUtc = existing.CreatedUtc, UpdatedUtc = existing.UpdatedUtc })
            {
                WriteVerbose($"{names.Describe(mapping)} is unchanged.");
                unchanged.Add(existing);
            }
            else if (ShouldProcess(names.Describe(mapping), existing is null ? "Add the SKU mapping" : "Change the SKU mapping"))
            {
                approved.Add(mapping);
            }
        }

        var saved = approved.Count == 0 ? _document : SaveChanges(current => current.WithServices(approved, DateTime.UtcNow));
        if (approved.Count > 0)
        {
            WriteVerbose($"Saved {approved.Count} SKU mapping(s); {unchanged.Count} unchanged.");
        }

        if (PassThru)
        {
            WriteObject(unchanged.Concat(approved.Select(m => saved.FindService(m.Source, m.Sku)!)).Select(MappingSpreadsheetText.Guarded), enumerateCollection: true);
        }
    }

    /// <summary>The piped object's row with the formula guard the mapping cmdlets put on emitted text taken off.</summary>
    private ServiceMapping? Stored(Dictionary<string, string?> row) =>
        row.TryGetValue(nameof(ServiceMapping.Source), out var source) && !string.IsNullOrWhiteSpace(source)
        && row.TryGetValue(nameof(ServiceMapping.Sku), out var sku) && !string.IsNullOrWhiteSpace(sku)
            ? _document.FindService(source!, sku!)
            : null;

    private void Override(Dictionary<string, string?> row)
    {
        if (Create)
        {
            row[nameof(ServiceMapping.Action)] = nameof(MappingAction.Create);
            row[nameof(ServiceMapping.ServiceId)] = null;
            row[nameof(ServiceMapping.ProductId)] = null;
        }

        if (IsBound(nameof(ServiceId)))
        {
            row[nameof(ServiceMapping.Action)] = nameof(MappingAction.Existing);
            row[nameof(ServiceMapping.ServiceId)] = Text(ServiceId);
        }

        if (IsBound(nameof(ProductId)))
        {
            row[nameof(ServiceMapping.Action)] = nameof(MappingAction.Existing);
            row[nameof(ServiceMapping.ProductId)] = Text(ProductId);
        }

        if (IsBound(nameof(NameTemplate)))
        {
            row[nameof(ServiceMapping.NameTemplate)] = NameTemplate;
        }

        if (IsBound(nameof(Excluded)))
        {
            row[nameof(ServiceMapping.Excluded)] = Text(Excluded.IsPresent);
            if (!row.TryGetValue(nameof(ServiceMapping.Action), out var action) || string.IsNullOrWhiteSpace(action))
            {
                row[nameof(ServiceMapping.Action)] = nameof(MappingAction.Existing);
            }
        }

        if (IsBound(nameof(Notes)))
        {
            row[nameof(ServiceMapping.Notes)] = Notes;
        }
    }
}
