using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>
/// Maps vendor SKUs to what they bill as in Autotask: a service (recurring and usage lines), a product (one-time
/// lines), a service sync creates (-Create), or nothing (-Excluded). With -Auto (billing lines piped in) it proposes
/// the service named after the SKU (or by the name template) or carrying it in a part-number field, and the product
/// carrying it, judged by the lines' charge types; the catalogs are read once. SKUs already mapped are left alone.
/// </summary>
[Cmdlet(VerbsCommon.New, "AtServiceMapping", DefaultParameterSetName = ExistingSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SkuMatchProposal), ParameterSetName = new[] { AutoSet })]
[OutputType(typeof(ServiceMapping), ParameterSetName = new[] { ExistingSet, CreateSet, ExcludedSet })]
public sealed class NewAtServiceMappingCommand : MappingCmdlet
{
    private const string AutoSet = "Auto";
    private const string ExistingSet = "Existing";
    private const string CreateSet = "Create";
    private const string ExcludedSet = "Excluded";

    private MappingDocument? _storedForSources;
    private readonly List<VendorSku> _skus = new();
    private readonly Dictionary<string, ServiceMapping> _requests = new(StringComparer.OrdinalIgnoreCase);

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string Source { get; set; } = string.Empty;

    /// <summary>The vendor's part number.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string Sku { get; set; } = string.Empty;

    /// <summary>How the piped line is charged: recurring and usage SKUs need a service, one-time SKUs a product.</summary>
    [Parameter(ParameterSetName = AutoSet, ValueFromPipelineByPropertyName = true)]
    public ChargeType ChargeType { get; set; } = ChargeType.Recurring;

    /// <summary>Proposes a service or product for each SKU and saves the proposals sure enough to need no review.</summary>
    [Parameter(ParameterSetName = AutoSet, Mandatory = true)]
    public SwitchParameter Auto { get; set; }

    /// <summary>Proposals at or above this confidence are saved (default 0.95: exact names and part numbers).</summary>
    [Parameter(ParameterSetName = AutoSet)]
    [ValidateRange(0.0, 1.0)]
    public double MinimumConfidence { get; set; } = ServiceMatcher.DefaultMinimumConfidence;

    /// <summary>The Autotask service recurring lines bill as.</summary>
    [Parameter(ParameterSetName = ExistingSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long? ServiceId { get; set; }

    /// <summary>The Autotask product one-time lines bill as.</summary>
    [Parameter(ParameterSetName = ExistingSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long? ProductId { get; set; }

    /// <summary>Sync creates the service.</summary>
    [Parameter(ParameterSetName = CreateSet, Mandatory = true)]
    public SwitchParameter Create { get; set; }

    /// <summary>The name a created service gets, e.g. PC_{Sku}; with -Auto, also matches services named that way.</summary>
    [Parameter(ParameterSetName = CreateSet)]
    [Parameter(ParameterSetName = AutoSet)]
    [ValidateNotNullOrEmpty]
    public string? NameTemplate { get; set; }

    /// <summary>The SKU's lines are dropped before comparison.</summary>
    [Parameter(ParameterSetName = ExcludedSet, Mandatory = true)]
    public SwitchParameter Excluded { get; set; }

    [Parameter]
    public string? Notes { get; set; }

    protected override void ProcessRecord()
    {
        if (KnownSource(Source, () => _storedForSources ??= ReadDocument()) is not { } source)
        {
            return;
        }

        Source = source;
        if (ParameterSetName == AutoSet)
        {
            _skus.Add(VendorSku.FromLine(Source, Sku, ChargeType));
            return;
        }

        var requested = new ServiceMapping(Source, Sku)
        {
            Action = Create ? MappingAction.Create : MappingAction.Existing,
            ServiceId = ServiceId,
            ProductId = ProductId,
            NameTemplate = NameTemplate,
            Excluded = Excluded,
            Notes = Notes,
        };

        // Read as Set-AtServiceMapping reads a row, so both check it alike and keep its text alike (trimmed, blank as none).
        var problems = new List<MappingProblem>();
        if (ServiceMappingCsv.FromRow(RowOf(ServiceMappingCsv.ToRow(requested)), 1, problems) is not { } mapping)
        {
            WriteRowError($"The mapping of {MappingTargetNames.Sku(requested.Source, requested.Sku)}", problems, Sku);
            return;
        }

        var key = mapping.Source + "\u001F" + mapping.Sku;
        if (!_requests.ContainsKey(key))
        {
            _requests[key] = mapping;
        }
    }

    protected override void EndProcessing()
    {
        if (_skus.Count == 0 && _requests.Count == 0)
        {
            return;
        }

        var document = ReadDocument();
        if (ParameterSetName == AutoSet)
        {
            MatchAutomatically(document);
        }
        else
        {
            MapAsRequested(document);
        }
    }

    private void MatchAutomatically(MappingDocument document)
    {
        var connection = RequireConnection();
        var matcher = new ServiceMappingAutoMatcher(new AutotaskCatalogReader(connection.Client))
        {
            MinimumConfidence = MinimumConfidence,
            NameTemplate = NameTemplate,
            Notes = Notes,
        };
        ServiceMappingAutoResult result;
        using (var progress = new ThrottledProgress(WriteProgress, ProgressActivities.MatchSkus, "Matching vendor SKUs to Autotask services and products"))
        {
            result = RunAutotask(token => matcher.MatchAsync(_skus, document, PipelineProgress<string>(status => progress.Report(status, force: true)), token));
        }

        foreach (var sku in result.AlreadyMapped)
        {
            WriteVerbose($"{MappingTargetNames.Sku(sku.Source, sku.Sku)} is already mapped; left as it is (Set-AtServiceMapping changes it).");
        }

        foreach (var sku in result.CreditOnly)
        {
            WriteVerbose($"{MappingTargetNames.Sku(sku.Source, sku.Sku)} appears only on credit lines, which do not tell whether it needs a service or a product; map it explicitly.");
        }

        var approved = new List<ServiceMapping>();
        foreach (var match in result.Matches)
        {
            if (match.Mapping is not null && ShouldProcess(match.Target, "Add the SKU mapping"))
            {
                approved.Add(match.Mapping);
            }

            WriteObject(match.Proposals.Select(MappingSpreadsheetText.Guarded), enumerateCollection: true);
        }

        WriteVerbose($"{result.Matches.Count(m => m.Mapping is not null)} of {result.Matches.Count} unmapped SKUs can be mapped without review.");
        Save(approved);
    }

    private void MapAsRequested(MappingDocument document)
    {
        var requests = new List<ServiceMapping>();
        foreach (var request in _requests.Values)
        {
            if (document.FindService(request.Source, request.Sku) is { } existing)
            {
                var exception = new InvalidOperationException($"{MappingTargetNames.Sku(request.Source, request.Sku)} is already mapped. Use Set-AtServiceMapping to change its mapping.");
                WriteError(ErrorRecords.Create(exception, ErrorIds.MappingExists, ErrorCategory.ResourceExists, existing));
                continue;
            }

            requests.Add(request);
        }

        var catalog = CatalogOf(OptionalConnection);
        var names = catalog is null || requests.Count == 0
            ? MappingTargetNames.None
            : RunAutotask(token => MappingTargetNames.ReadAsync(catalog, Array.Empty<CustomerMapping>(), requests, token));
        var approved = new List<ServiceMapping>();
        foreach (var request in requests)
        {
            if (names.Problem(request) is string problem)
            {
                WriteTargetError($"{MappingTargetNames.Sku(request.Source, request.Sku)}: {problem}", isNotFound: true, request);
            }
            else if (ShouldProcess(names.Describe(request), "Add the SKU mapping"))
            {
                approved.Add(request);
            }
        }

        foreach (var added in Save(approved))
        {
            WriteObject(MappingSpreadsheetText.Guarded(added));
        }
    }

    private IReadOnlyList<ServiceMapping> Save(List<ServiceMapping> approved)
    {
        if (approved.Count == 0)
        {
            return Array.Empty<ServiceMapping>();
        }

        IReadOnlyList<ServiceMapping> added = Array.Empty<ServiceMapping>();
        var saved = SaveChanges(current =>
        {
            var change = MappingDocumentChanges.AddNewServices(current, approved, DateTime.UtcNow);
            added = change.Added;
            return change.Document;
        });
        foreach (var skipped in approved.Where(m => !added.Contains(m)))
        {
            WriteVerbose($"{MappingTargetNames.Sku(skipped.Source, skipped.Sku)} was mapped by another run meanwhile; that mapping is kept.");
        }

        WriteVerbose($"Added {added.Count} SKU mapping(s).");
        return added.Select(m => saved.FindService(m.Source, m.Sku)!).ToList();
    }
}
