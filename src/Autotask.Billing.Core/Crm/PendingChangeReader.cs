using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// Work 365's change log: what is not yet in Autotask, listed in the order it must be pushed (products, customers,
/// contracts, services, adjustments). It is the plans of the existing pushes (Sync-AtProduct, Sync-AtCompany,
/// Sync-AtContract) read together, with reads only; a change those pushes applied is journalled by them and is in
/// Autotask, so it is not listed again. There is no second record of what was pushed.
/// </summary>
public static class PendingChangeReader
{
    public static async Task<IReadOnlyList<PendingChange>> ReadAsync(
        AutotaskClient client,
        MappingDocument document,
        PendingChangeRequest request,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var operations = new List<SyncOperation>();
        if (request.Products.Count > 0)
        {
            var plan = await ProductSyncPlanner.PlanAsync(request.Products, client, document, request.ProductOptions, cancellationToken).ConfigureAwait(false);
            operations.AddRange(plan.Operations);
        }

        if (request.Customers.Count > 0)
        {
            var plan = await CompanySyncPlanner.PlanAsync(request.Customers, client, document, request.CompanyOptions, cancellationToken).ConfigureAwait(false);
            operations.AddRange(plan.Operations);
        }

        if (request.Differences.Count > 0)
        {
            var context = new SyncContext(client, document.Settings, request.Today);
            var plan = await SyncPlanner.PlanAsync(request.Differences, context, cancellationToken).ConfigureAwait(false);
            operations.AddRange(plan.Operations);
        }

        // A stable sort keeps each plan's own order (its dependencies) within a stage.
        return operations
            .Select(static (op, index) => (Operation: op, Stage: StageOf(op.Kind), Index: index))
            .OrderBy(static x => x.Stage)
            .ThenBy(static x => x.Index)
            .Select(static (x, i) => new PendingChange(i + 1, x.Stage, x.Operation))
            .ToList();
    }

    /// <summary>The push stage a write belongs to: what it must wait for is in an earlier stage.</summary>
    public static PushStage StageOf(SyncOperationKind kind) => kind switch
    {
        SyncOperationKind.CreateVendorCompany or SyncOperationKind.CreateService or SyncOperationKind.CreateProduct or SyncOperationKind.UpdateProduct => PushStage.Products,
        SyncOperationKind.CreateCompany or SyncOperationKind.UpdateCompany or SyncOperationKind.CreateContact or SyncOperationKind.UpdateContact => PushStage.Customers,
        SyncOperationKind.CreateContract => PushStage.Contracts,
        SyncOperationKind.AddContractService or SyncOperationKind.UpdatePriceAndCost => PushStage.Services,
        SyncOperationKind.AdjustUnits or SyncOperationKind.CreateCharge or SyncOperationKind.CreateProratedCharge => PushStage.Adjustments,
        _ => PushStage.SalesDocuments,
    };
}
