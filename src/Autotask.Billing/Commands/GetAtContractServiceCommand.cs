using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Commands;

/// <summary>
/// Lists the services on Autotask contracts with the units in force on a date (the ContractServiceUnits row of the
/// period that covers it), current price and cost, and monthly revenue — read in bulk for all contracts at once.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtContractService")]
[OutputType(typeof(AutotaskContractService))]
public sealed class GetAtContractServiceCommand : ContractReadCmdlet
{
    /// <summary>Only these SKUs (the service's SKU or part number); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Sku { get; set; }

    /// <summary>The date whose units in force are shown; default today (UTC).</summary>
    [Parameter]
    public DateTime? AsOf { get; set; }

    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var asOf = UtcDate.From(AsOf) ?? UtcDate.Today;
        var selection = Selection(recurringOnly: true);
        var patterns = Sku?.Select(sku => new WildcardPattern(sku, WildcardOptions.IgnoreCase)).ToList();
        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.ReadContractServices, "Reading Autotask contract services");
        progress.Report($"Reading contracts, services and units in force on {asOf:yyyy-MM-dd} in bulk", force: true);
        try
        {
            var snapshot = Run(token => new ContractSnapshotLoader(connection.Client).LoadAsync(selection, new ContractSnapshotOptions { AsOf = asOf }, token));
            var services = ContractReadModel.ContractServices(snapshot)
                .Where(service => patterns is null || patterns.Any(pattern => service.Sku is not null && pattern.IsMatch(service.Sku)))
                .ToList();
            WriteVerbose($"Read {services.Count} contract services with their units on {asOf:yyyy-MM-dd}.");
            WriteObject(services, enumerateCollection: true);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, selection);
        }
    }
}
