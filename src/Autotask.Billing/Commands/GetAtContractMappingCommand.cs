using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>
/// Lists customer mappings, filtered by source, customer id and name (wildcards allowed); billing lines piped in list
/// the mappings of their customers. With -Unmapped, the piped lines' customers that have no mapping, once each —
/// ready to pipe into New-AtContractMapping -Auto.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtContractMapping", DefaultParameterSetName = ListSet)]
[OutputType(typeof(CustomerMapping), ParameterSetName = new[] { ListSet })]
[OutputType(typeof(VendorCustomer), ParameterSetName = new[] { UnmappedSet })]
public sealed class GetAtContractMappingCommand : MappingCmdlet
{
    private const string ListSet = "List";
    private const string UnmappedSet = "Unmapped";

    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);
    private MappingDocument _document = MappingDocument.Empty;

    /// <summary>Only this vendor's customers.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = UnmappedSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [SupportsWildcards]
    [RestoreGuardedText]
    public string? Source { get; set; }

    /// <summary>Only these vendor customer ids.</summary>
    [Parameter(ParameterSetName = ListSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = UnmappedSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CustomerIdCompleter))]
    [SupportsWildcards]
    [RestoreGuardedText]
    public string[]? CustomerId { get; set; }

    /// <summary>Only customers with these names (as last seen from the vendor).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = UnmappedSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CustomerNameCompleter))]
    [SupportsWildcards]
    [RestoreGuardedText]
    public string[]? CustomerName { get; set; }

    /// <summary>The customer's domain, passed on with -Unmapped.</summary>
    [Parameter(ParameterSetName = UnmappedSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Domain")]
    [RestoreGuardedText]
    public string? CustomerDomain { get; set; }

    /// <summary>Lists the piped billing lines' customers that have no mapping.</summary>
    [Parameter(ParameterSetName = UnmappedSet, Mandatory = true)]
    public SwitchParameter Unmapped { get; set; }

    protected override void BeginProcessing() => _document = ReadDocument();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == UnmappedSet)
        {
            WriteUnmapped();
            return;
        }

        var sources = Pattern(Source);
        var ids = CustomerId?.Select(Pattern).ToList();
        var names = CustomerName?.Select(Pattern).ToList();
        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in _document.Customers)
        {
            if (!sources.IsMatch(mapping.Source)
                || (ids is not null && !ids.Any(id => id.IsMatch(mapping.CustomerId)))
                || (names is not null && !names.Any(name => name.IsMatch(mapping.CustomerName ?? string.Empty))))
            {
                continue;
            }

            matched.Add(mapping.CustomerId);
            if (_written.Add(mapping.Source + "\u001F" + mapping.CustomerId))
            {
                WriteObject(MappingSpreadsheetText.Guarded(mapping));
            }
        }

        foreach (var id in (CustomerId ?? Array.Empty<string>()).Where(id => !WildcardPattern.ContainsWildcardCharacters(id) && !matched.Contains(id.Trim())))
        {
            if (_written.Add("missing\u001F" + Source + "\u001F" + id))
            {
                var exception = new ItemNotFoundException($"No customer mapping has the customer id '{id}'{(Source is null ? string.Empty : $" for source '{Source}'")}.");
                WriteError(ErrorRecords.Create(exception, ErrorIds.MappingNotFound, ErrorCategory.ObjectNotFound, id));
            }
        }
    }

    private void WriteUnmapped()
    {
        foreach (var id in CustomerId!.Where(id => !string.IsNullOrWhiteSpace(id)))
        {
            if (_document.FindCustomer(Source!, id) is null && _written.Add(Source!.Trim() + "\u001F" + id.Trim()))
            {
                WriteObject(MappingSpreadsheetText.Guarded(new VendorCustomer(Source!, id, CustomerName?.FirstOrDefault() ?? string.Empty, CustomerDomain)));
            }
        }
    }

    private static WildcardPattern Pattern(string? text) =>
        WildcardPattern.Get(string.IsNullOrWhiteSpace(text) ? "*" : text!.Trim(), WildcardOptions.IgnoreCase);
}
