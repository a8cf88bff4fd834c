using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// EXECUTE for Sync-AtProduct: creates and updates the approved products with the journal and limits of every run; a
/// create whose outcome is unknown is confirmed by a lookup of its SKU before it is ever sent again.
/// </summary>
public static class ProductSyncExecutor
{
    public static async Task<SyncRunSummary> ExecuteAsync(
        ProductSyncPlan plan,
        IEnumerable<string> approvedOperationIds,
        SyncOptions options,
        Action<SyncResult>? onResult = null,
        IProgress<SyncProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (plan is null || approvedOperationIds is null || options is null)
        {
            throw new ArgumentNullException(plan is null ? nameof(plan) : approvedOperationIds is null ? nameof(approvedOperationIds) : nameof(options));
        }

        async Task<OperationOutcome> Apply(SyncOperation operation, CrmRun run)
        {
            var write = plan.Writes[operation.Key];
            if (operation.Kind == SyncOperationKind.CreateProduct)
            {
                var product = (Product)write.Create!;
                async Task<long?> Find(CancellationToken token)
                {
                    var rows = await run.Client.QueryAsync<Product>(AutotaskQuery.Where(AutotaskFilter.Eq("sku", product.Sku!)).WithIncludeFields("id"), token).ConfigureAwait(false);
                    return rows.Count == 0 ? null : rows.Min(static r => r.Id);
                }

                var id = await run.WriteAsync("Products", token => run.Client.CreateAsync(product, Find, token)).ConfigureAwait(false);
                return OperationOutcome.Applied($"created product '{product.Name}'", id);
            }

            await run.WriteAsync("Products", async token =>
            {
                await run.Client.UpdateAsync<Product>(write.ExistingId!.Value, write.Changes!, cancellationToken: token).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            return OperationOutcome.Applied("updated", write.ExistingId);
        }

        using var run = new CrmRun(plan.Client, plan.Operations, approvedOperationIds, options, Apply, onResult, progress, cancellationToken);
        return await run.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Each item whose product exists (found, or created by the run) is recorded as a SKU mapping to it.</summary>
    public static MappingDocument RecordPairings(MappingDocument document, ProductSyncPlan plan, IReadOnlyList<SyncResult> results, DateTime changedUtc)
    {
        if (document is null || plan is null || results is null)
        {
            throw new ArgumentNullException(document is null ? nameof(document) : plan is null ? nameof(plan) : nameof(results));
        }

        var created = plan.Operations
            .Join(results.Where(static r => r.AutotaskId is not null && r.Status == SyncStatus.Applied), static op => op.OperationId, static r => r.OperationId, static (op, r) => (op.Key, r.AutotaskId!.Value))
            .ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal);
        var changes = new List<ServiceMapping>();
        foreach (var (product, productId, key) in plan.Pairings)
        {
            var id = productId ?? (key is not null && created.TryGetValue(key, out var made) ? made : (long?)null);
            if (id is null)
            {
                continue;
            }

            var current = document.FindService(product.Source, product.Sku);
            if (current is { Action: MappingAction.Existing } && current.ProductId == id)
            {
                continue;
            }

            changes.Add(current is null
                ? new ServiceMapping(product.Source, product.Sku) { Action = MappingAction.Existing, ProductId = id }
                : current with { Action = MappingAction.Existing, ProductId = id, Excluded = false });
        }

        return changes.Count == 0 ? document : document.WithServices(changes, changedUtc);
    }
}
