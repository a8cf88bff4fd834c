using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>
/// Adds or changes customer mappings. Pipeline objects bind through -InputObject by property name: mappings from
/// Get-AtContractMapping, or the rows Import-Csv reads back from its Export-Csv file after a bulk edit in a
/// spreadsheet. Columns an object lacks keep the stored values; parameters given override every object's values.
/// Records that do not exist in Autotask (when connected) are refused; all changes are saved in one update.
/// </summary>
[Cmdlet(VerbsCommon.Set, "AtContractMapping", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CustomerMapping))]
public sealed class SetAtContractMappingCommand : MappingCmdlet
{
    private const string PropertiesSet = "Properties";
    private const string InputObjectSet = "InputObject";

    private readonly Dictionary<string, CustomerMapping> _pending = new(StringComparer.OrdinalIgnoreCase);
    private MappingDocument _document = MappingDocument.Empty;
    private int _rowNumber;

    /// <summary>A customer mapping, an Import-Csv row of Export-Csv'd mappings, or any object with those property names.</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(ParameterSetName = PropertiesSet, Mandatory = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    [Parameter(ParameterSetName = PropertiesSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(CustomerIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? CustomerId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(CustomerNameCompleter))]
    public string? CustomerName { get; set; }

    /// <summary>Bills into this existing company.</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long CompanyId { get; set; }

    /// <summary>Bills into this existing contract.</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long ContractId { get; set; }

    /// <summary>Sync creates the company (and its contract).</summary>
    [Parameter]
    public SwitchParameter CreateCompany { get; set; }

    /// <summary>Sync creates the contract.</summary>
    [Parameter]
    public SwitchParameter CreateContract { get; set; }

    [Parameter]
    public bool Export { get; set; }

    [Parameter]
    public PricingStrategy PricingStrategy { get; set; }

    [Parameter]
    public EffectiveDatePolicy EffectiveDatePolicy { get; set; }

    [Parameter]
    public DateTime SyncStartDate { get; set; }

    [Parameter]
    public string? Notes { get; set; }

    /// <summary>The customer's main phone for the company sync creates (Autotask requires one); empty removes it.</summary>
    [Parameter]
    public string? Phone { get; set; }

    /// <summary>Street address (first line) for the company sync creates; empty removes it.</summary>
    [Parameter]
    public string? Address { get; set; }

    /// <summary>City for the company sync creates; empty removes it.</summary>
    [Parameter]
    public string? City { get; set; }

    /// <summary>State or province.</summary>
    [Parameter]
    public string? State { get; set; }

    /// <summary>Postal or ZIP code for the company sync creates; empty removes it.</summary>
    [Parameter]
    public string? PostalCode { get; set; }

    /// <summary>The company's web site; without it sync uses the customer's domain.</summary>
    [Parameter]
    public string? WebAddress { get; set; }

    /// <summary>Returns the mappings as saved.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing() => _document = ReadDocument();

    protected override void ProcessRecord()
    {
        _rowNumber++;
        var row = ParameterSetName == InputObjectSet ? RestoredRowOf<CustomerMapping>(InputObject!, CustomerMappingCsv.ToRow) : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(CustomerMapping.Source)] = Source,
            [nameof(CustomerMapping.CustomerId)] = CustomerId,
        };
        var stored = Stored(row);
        if (stored is null && ParameterSetName == PropertiesSet)
        {
            // Parameters change a mapping; they never add one (New-AtContractMapping does, with the checks that go with it).
            var exception = new ItemNotFoundException(
                $"There is no mapping of the {Source} customer '{CustomerId}' to change. Add it with New-AtContractMapping; Get-AtContractMapping lists the mapped customers.");
            WriteError(ErrorRecords.Create(exception, ErrorIds.MappingNotFound, ErrorCategory.ObjectNotFound, CustomerId));
            return;
        }

        if (stored is not null)
        {
            foreach (var pair in CustomerMappingCsv.ToRow(stored).Where(pair => !row.ContainsKey(pair.Key)))
            {
                row[pair.Key] = pair.Value;
            }
        }

        Override(row);
        var problems = new List<MappingProblem>();
        var mapping = CustomerMappingCsv.FromRow(row, _rowNumber, problems);
        if (mapping is null)
        {
            WriteRowError(ParameterSetName == InputObjectSet ? $"Input object {_rowNumber}" : $"The mapping of {Source}/{CustomerId}", problems, InputObject ?? (object?)CustomerId);
            return;
        }

        _pending[mapping.Source + "\u001F" + mapping.CustomerId] = mapping;
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
            : RunAutotask(token => MappingTargetNames.ReadAsync(catalog, _pending.Values, Array.Empty<ServiceMapping>(), token));
        var approved = new List<CustomerMapping>();
        var unchanged = new List<CustomerMapping>();
        foreach (var mapping in _pending.Values)
        {
            var existing = _document.FindCustomer(mapping.Source, mapping.CustomerId);
            if (names.Problem(mapping) is string problem)
            {
                WriteTargetError($"{MappingTargetNames.Customer(mapping.Source, mapping.CustomerId, mapping.CustomerName)}: {problem}", isNotFound: true, mapping);
            }
            else if (existing is not null && existing == mapping with { CreatedUtc = existing.CreatedUtc, UpdatedUtc = existing.UpdatedUtc })
            {
                WriteVerbose($"{names.Describe(mapping)} is unchanged.");
                unchanged.Add(existing);
            }
            else if (ShouldProcess(names.Describe(mapping), existing is null ? "Add the customer mapping" : "Change the customer mapping"))
            {
                approved.Add(mapping);
            }
        }

        var saved = approved.Count == 0 ? _document : SaveChanges(current => current.WithCustomers(approved, DateTime.UtcNow));
        if (approved.Count > 0)
        {
            WriteVerbose($"Saved {approved.Count} customer mapping(s); {unchanged.Count} unchanged.");
        }

        if (PassThru)
        {
            WriteObject(unchanged.Concat(approved.Select(m => saved.FindCustomer(m.Source, m.CustomerId)!)).Select(MappingSpreadsheetText.Guarded), enumerateCollection: true);
        }
    }

    /// <summary>The piped object's row with the formula guard the mapping cmdlets put on emitted text taken off.</summary>
    private CustomerMapping? Stored(Dictionary<string, string?> row) =>
        row.TryGetValue(nameof(CustomerMapping.Source), out var source) && !string.IsNullOrWhiteSpace(source)
        && row.TryGetValue(nameof(CustomerMapping.CustomerId), out var customerId) && !string.IsNullOrWhiteSpace(customerId)
            ? _document.FindCustomer(source!, customerId!)
            : null;

    private void Override(Dictionary<string, string?> row)
    {
        if (IsBound(nameof(CustomerName)))
        {
            row[nameof(CustomerMapping.CustomerName)] = CustomerName;
        }

        if (CreateCompany)
        {
            row[nameof(CustomerMapping.CompanyAction)] = nameof(MappingAction.Create);
            row[nameof(CustomerMapping.CompanyId)] = null;
            row[nameof(CustomerMapping.ContractAction)] = nameof(MappingAction.Create);
            row[nameof(CustomerMapping.ContractId)] = null;
        }
        else if (IsBound(nameof(CompanyId)))
        {
            row[nameof(CustomerMapping.CompanyAction)] = nameof(MappingAction.Existing);
            row[nameof(CustomerMapping.CompanyId)] = Text(CompanyId);
        }

        if (CreateContract)
        {
            row[nameof(CustomerMapping.ContractAction)] = nameof(MappingAction.Create);
            row[nameof(CustomerMapping.ContractId)] = null;
        }
        else if (IsBound(nameof(ContractId)))
        {
            row[nameof(CustomerMapping.ContractAction)] = nameof(MappingAction.Existing);
            row[nameof(CustomerMapping.ContractId)] = Text(ContractId);
        }

        if (IsBound(nameof(Export)))
        {
            row[nameof(CustomerMapping.Export)] = Text(Export);
        }

        if (IsBound(nameof(PricingStrategy)))
        {
            row[nameof(CustomerMapping.PricingStrategy)] = PricingStrategy.ToString();
        }

        if (IsBound(nameof(EffectiveDatePolicy)))
        {
            row[nameof(CustomerMapping.EffectiveDatePolicy)] = EffectiveDatePolicy.ToString();
        }

        if (IsBound(nameof(SyncStartDate)))
        {
            row[nameof(CustomerMapping.SyncStartDate)] = Text(UtcDate.From(SyncStartDate));
        }

        if (IsBound(nameof(Notes)))
        {
            row[nameof(CustomerMapping.Notes)] = Notes;
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(CustomerMapping.Phone), Phone), (nameof(CustomerMapping.Address), Address), (nameof(CustomerMapping.City), City),
                     (nameof(CustomerMapping.State), State), (nameof(CustomerMapping.PostalCode), PostalCode), (nameof(CustomerMapping.WebAddress), WebAddress),
                 })
        {
            if (IsBound(name))
            {
                row[name] = value;
            }
        }
    }
}
