using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Commands;

/// <summary>
/// Lists Autotask contracts — by default the active Recurring Service contracts that carry vendor services — read in
/// bulk (pages of 500), with company names and status labels resolved.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtContract")]
[OutputType(typeof(AutotaskContract))]
public sealed class GetAtContractCommand : ContractReadCmdlet
{
    /// <summary>Only contracts whose name matches; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ContractNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Every contract type, not only Recurring Service contracts.</summary>
    [Parameter]
    public SwitchParameter AllTypes { get; set; }

    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var selection = Selection(recurringOnly: !AllTypes);
        var options = new ContractSnapshotOptions { IncludeContractServices = false };
        var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.ReadContracts, "Reading Autotask contracts");
        progress.Report("Reading contracts and companies in bulk", force: true);
        try
        {
            var snapshot = Run(token => new ContractSnapshotLoader(connection.Client).LoadAsync(selection, options, token));
            var all = ContractReadModel.Contracts(snapshot).ToList();
            ConnectionNameCache.Remember(connection, CachedNameKind.Contract, all.Select(contract => contract.ContractName));
            var contracts = all.Where(contract => pattern is null || pattern.IsMatch(contract.ContractName)).ToList();
            WriteVerbose($"Read {contracts.Count} contracts.");
            WriteObject(contracts, enumerateCollection: true);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, selection);
        }
    }
}
