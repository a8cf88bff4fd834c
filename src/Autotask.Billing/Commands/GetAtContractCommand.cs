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
            ReportMissing(selection, all, contracts);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, selection);
        }
    }

    /// <summary>As Get-Item does: a contract asked for by id, or by a name without wildcards, that is not there is an error.</summary>
    private void ReportMissing(ContractSelection selection, IReadOnlyList<AutotaskContract> all, IReadOnlyList<AutotaskContract> written)
    {
        var found = new HashSet<long>(all.Select(contract => contract.ContractId));
        foreach (var id in (selection.ContractIds ?? Enumerable.Empty<long>()).Where(id => !found.Contains(id)).OrderBy(id => id))
        {
            var exception = new ItemNotFoundException($"Autotask has no contract {id}.");
            WriteError(ErrorRecords.Create(exception, ErrorIds.ContractNotFound, ErrorCategory.ObjectNotFound, id));
        }

        if (Name is not null && !WildcardPattern.ContainsWildcardCharacters(Name) && written.Count == 0)
        {
            var exception = new ItemNotFoundException($"No {(AllTypes ? string.Empty : "Recurring Service ")}contract is named '{Name}'{(IncludeInactive ? string.Empty : " among the active ones (-IncludeInactive shows the others)")}.");
            WriteError(ErrorRecords.Create(exception, ErrorIds.ContractNotFound, ErrorCategory.ObjectNotFound, Name));
        }
    }
}
