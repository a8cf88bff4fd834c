using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Commands;

/// <summary>
/// Lists Autotask contracts — by default the active Recurring Service contracts that carry vendor services — read in
/// bulk (pages of 500), with company names and status labels resolved.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtContract")]
[OutputType(typeof(AutotaskContract))]
public sealed class GetAtContractCommand : AtBillingCmdlet
{
    private readonly HashSet<long> _contractIds = new();
    private readonly HashSet<long> _companyIds = new();

    /// <summary>Only these contracts; binds ContractId from pipeline objects.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, long.MaxValue)]
    public long[]? ContractId { get; set; }

    /// <summary>Only the contracts of these companies; binds CompanyId from pipeline objects (mappings, differences).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, long.MaxValue)]
    public long[]? CompanyId { get; set; }

    /// <summary>Only contracts whose name matches; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Also inactive contracts.</summary>
    [Parameter]
    public SwitchParameter IncludeInactive { get; set; }

    /// <summary>Every contract type, not only Recurring Service contracts.</summary>
    [Parameter]
    public SwitchParameter AllTypes { get; set; }

    protected override void ProcessRecord()
    {
        _contractIds.UnionWith(ContractId ?? Array.Empty<long>());
        _companyIds.UnionWith(CompanyId ?? Array.Empty<long>());
    }

    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var selection = new ContractSelection
        {
            ContractIds = _contractIds.Count > 0 ? _contractIds : null,
            CompanyIds = _companyIds.Count > 0 ? _companyIds : null,
            // Contracts named by id are shown whatever their status.
            ActiveOnly = !IncludeInactive && _contractIds.Count == 0,
            RecurringOnly = !AllTypes && _contractIds.Count == 0,
        };
        var options = new ContractSnapshotOptions { IncludeContractServices = false };
        var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.ReadContracts, "Reading Autotask contracts");
        progress.Report("Reading contracts and companies in bulk", force: true);
        try
        {
            var snapshot = Run(token => new ContractSnapshotLoader(connection.Client).LoadAsync(selection, options, token));
            var contracts = ContractReadModel.Contracts(snapshot).Where(contract => pattern is null || pattern.IsMatch(contract.ContractName)).ToList();
            WriteVerbose($"Read {contracts.Count} contracts.");
            WriteObject(contracts, enumerateCollection: true);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, selection);
        }
    }
}
