using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Sync;

/// <summary>
/// PLAN: turns reviewed differences into the ordered writes a sync would make, with reads only (existing catalog
/// entries, companies and contracts are looked up in bulk so nothing is created twice). Nothing is written, so the
/// plan is what -WhatIf shows. The differences' text is restored from its spreadsheet guard here, once, so Autotask
/// gets the names and ids exactly as the vendor and the mapping gave them.
/// </summary>
public static class SyncPlanner
{
    public static async Task<SyncPlan> PlanAsync(
        IEnumerable<ContractDifference> differences,
        SyncContext context,
        CancellationToken cancellationToken = default)
    {
        if (differences is null)
        {
            throw new ArgumentNullException(nameof(differences));
        }

        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var before = context.Client.Requests.Total;
        var builder = new SyncPlanBuilder(context);
        await builder.ReadAutotaskAsync(differences.Where(static d => d is not null).Select(ContractDifferenceReader.Restored).ToList(), cancellationToken).ConfigureAwait(false);
        var operations = builder.Build();
        return new SyncPlan(context, operations, builder.NotActionable, builder.EarliestDate, builder.CompaniesOfFoundContracts, context.Client.Requests.Total - before);
    }
}
