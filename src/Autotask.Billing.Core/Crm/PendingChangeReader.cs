using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// Work 365's change log: what is not yet in Autotask, listed and pushed in dependency order (products, customers,
/// contracts, services, adjustments). The batches are the plans of the existing pushes (Sync-AtProduct,
/// Sync-AtCompany, Sync-AtContract), built with reads only; a change those pushes applied is journalled by them and
/// is in Autotask, so it is not listed again. There is no second record of what was pushed.
/// </summary>
public static class PendingChangeReader
{
    /// <summary>How many batches an ordered push has: products, customers, then contracts with services and adjustments.</summary>
    public const int BatchCount = 3;

    /// <summary>Everything pending, numbered in push order; reads only.</summary>
    public static async Task<IReadOnlyList<PendingChange>> ReadAsync(
        AutotaskClient client,
        MappingDocument document,
        PendingChangeRequest request,
        CancellationToken cancellationToken = default)
    {
        var operations = new List<SyncOperation>();
        for (var batch = 0; batch < BatchCount; batch++)
        {
            var planned = await PlanBatchAsync(batch, client, document, request, cancellationToken).ConfigureAwait(false);
            operations.AddRange(planned?.Operations ?? Array.Empty<SyncOperation>());
        }

        return Number(operations);
    }

    /// <summary>
    /// Plans one batch (0 products, 1 customers, 2 contracts) against what Autotask and the store hold now, so a push
    /// plans each batch after the one before it is applied; null when the request has nothing for it.
    /// </summary>
    public static async Task<PendingChangeBatch?> PlanBatchAsync(
        int batch,
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

        switch (batch)
        {
            case 0 when request.Products.Count > 0:
            {
                var plan = await ProductSyncPlanner.PlanAsync(request.Products, client, document, request.ProductOptions, cancellationToken).ConfigureAwait(false);
                return new PendingChangeBatch(
                    "Products",
                    plan.Operations,
                    (approved, options, onResult, progress, token) => ProductSyncExecutor.ExecuteAsync(plan, approved, options, onResult, progress, token),
                    (current, results, now) => ProductSyncExecutor.RecordPairings(current, plan, results, now));
            }

            case 1 when request.Customers.Count > 0:
            {
                var plan = await CompanySyncPlanner.PlanAsync(request.Customers, client, document, request.CompanyOptions, cancellationToken).ConfigureAwait(false);
                return new PendingChangeBatch(
                    "Customers",
                    plan.Operations,
                    (approved, options, onResult, progress, token) => CompanySyncExecutor.ExecuteAsync(plan, approved, options, onResult, progress, token),
                    (current, results, now) => CompanySyncExecutor.RecordPairings(current, plan, results, now));
            }

            case 2 when request.Differences.Count > 0:
            {
                var context = new SyncContext(client, document.Settings, request.Today);
                var plan = await SyncPlanner.PlanAsync(request.Differences, context, cancellationToken).ConfigureAwait(false);
                return new PendingChangeBatch(
                    "Contracts",
                    plan.Operations,
                    (approved, options, onResult, progress, token) => SyncExecutor.ExecuteAsync(plan, approved, options, onResult, progress, token),
                    (current, results, now) => SyncMappingUpdates.Apply(current, plan, results, now));
            }

            case >= 0 and < BatchCount:
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(batch), batch, $"A push has batches 0 to {BatchCount - 1}.");
        }
    }

    /// <summary>The operations as pending changes, ordered by stage (a stable sort keeps each plan's own order) and numbered from 1.</summary>
    public static IReadOnlyList<PendingChange> Number(IEnumerable<SyncOperation> operations) =>
        (operations ?? throw new ArgumentNullException(nameof(operations)))
            .Select(static (op, index) => (Operation: op, Stage: StageOf(op.Kind), Index: index))
            .OrderBy(static x => x.Stage)
            .ThenBy(static x => x.Index)
            .Select(static (x, i) => new PendingChange(i + 1, x.Stage, x.Operation))
            .ToList();

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
