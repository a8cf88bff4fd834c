using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// EXECUTE for Sync-AtQuote: opportunities, then their quotes, then the quotes' items, then closing won opportunities,
/// with the journal and limits of every run. A create whose outcome is unknown is confirmed by its key (an
/// opportunity by company and title, a quote by opportunity and document number, an item by quote, record and
/// position) before it is ever sent again.
/// </summary>
public static class SalesDocumentSyncExecutor
{
    public static async Task<SyncRunSummary> ExecuteAsync(
        SalesDocumentSyncPlan plan,
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
            async Task<long> ParentAsync() => write.ParentId ?? await run.IdFromAsync(write.ParentOperationKey!).ConfigureAwait(false);
            async Task<long?> FirstAsync<T>(AutotaskQuery query, CancellationToken token)
                where T : AutotaskEntity
            {
                var rows = await run.Client.QueryAsync<T>(query.WithIncludeFields("id"), token).ConfigureAwait(false);
                return rows.Count == 0 ? null : rows.Min(static r => r.Id);
            }

            switch (operation.Kind)
            {
                case SyncOperationKind.CreateOpportunity:
                {
                    var opportunity = (Opportunity)write.Create!;
                    var id = await run.WriteAsync("Opportunities", token => run.Client.CreateAsync(
                        opportunity,
                        t => FirstAsync<Opportunity>(AutotaskQuery.Where(AutotaskFilter.Eq("companyID", opportunity.CompanyID!), AutotaskFilter.Eq("title", opportunity.Title!)), t),
                        token)).ConfigureAwait(false);
                    return OperationOutcome.Applied($"created opportunity '{opportunity.Title}'", id);
                }

                case SyncOperationKind.CreateQuote:
                {
                    var opportunityId = await ParentAsync().ConfigureAwait(false);
                    var draft = (Quote)write.Create!;
                    var quote = new Quote
                    {
                        OpportunityID = opportunityId, CompanyID = draft.CompanyID, Name = draft.Name, EffectiveDate = draft.EffectiveDate,
                        ExpirationDate = draft.ExpirationDate, PrimaryQuote = true, ExternalQuoteNumber = draft.ExternalQuoteNumber,
                        PaymentTerm = draft.PaymentTerm, ShippingType = draft.ShippingType,
                    };
                    var id = await run.WriteAsync("Quotes", token => run.Client.CreateAsync(
                        quote,
                        t => FirstAsync<Quote>(AutotaskQuery.Where(AutotaskFilter.Eq("opportunityID", opportunityId), AutotaskFilter.Eq("externalQuoteNumber", draft.ExternalQuoteNumber!)), t),
                        token)).ConfigureAwait(false);
                    return OperationOutcome.Applied($"created quote '{quote.Name}' on opportunity {opportunityId}", id);
                }

                case SyncOperationKind.CreateQuoteItem:
                {
                    var quoteId = await ParentAsync().ConfigureAwait(false);
                    var draft = (QuoteItem)write.Create!;
                    var item = new QuoteItem
                    {
                        QuoteID = quoteId, QuoteItemType = draft.QuoteItemType, ProductID = draft.ProductID, ServiceID = draft.ServiceID, LaborID = draft.LaborID,
                        Name = draft.Name, Quantity = draft.Quantity, UnitPrice = draft.UnitPrice, UnitCost = draft.UnitCost, UnitDiscount = 0m,
                        LineDiscount = 0m, PercentageDiscount = 0m, IsOptional = false, SortOrderID = draft.SortOrderID,
                    };
                    var id = await run.WriteAsync("QuoteItems", token => run.Client.CreateAsync(
                        item,
                        t => FirstAsync<QuoteItem>(AutotaskQuery.Where(AutotaskFilter.Eq("quoteID", quoteId), AutotaskFilter.Eq("sortOrderID", draft.SortOrderID ?? 0)), t),
                        token)).ConfigureAwait(false);
                    return OperationOutcome.Applied($"added to quote {quoteId}", id);
                }

                case SyncOperationKind.UpdateQuote:
                    await Patch<Quote>(run, "Quotes", write.ExistingId!.Value, write, null).ConfigureAwait(false);
                    return OperationOutcome.Applied("updated", write.ExistingId);
                case SyncOperationKind.UpdateQuoteItem:
                    await Patch<QuoteItem>(run, "QuoteItems", write.ExistingId!.Value, write, write.ParentId).ConfigureAwait(false);
                    return OperationOutcome.Applied("updated", write.ExistingId);
                case SyncOperationKind.DeleteQuoteItem:
                    await run.WriteAsync("QuoteItems", async token =>
                    {
                        await run.Client.DeleteAsync<QuoteItem>(write.ExistingId!.Value, write.ParentId, token).ConfigureAwait(false);
                        return true;
                    }).ConfigureAwait(false);
                    return OperationOutcome.Applied("removed", write.ExistingId);
                case SyncOperationKind.UpdateOpportunity:
                {
                    var id = write.ExistingId ?? await run.IdFromAsync(write.ParentOperationKey!).ConfigureAwait(false);
                    await Patch<Opportunity>(run, "Opportunities", id, write, null).ConfigureAwait(false);
                    return OperationOutcome.Applied("closed; Autotask opens its sales order", id);
                }

                default:
                    throw new InvalidOperationException($"A quote push does not plan {operation.Kind} operations.");
            }
        }

        using var run = new CrmRun(plan.Client, plan.Operations, approvedOperationIds, options, Apply, onResult, progress, cancellationToken);
        return await run.RunAsync().ConfigureAwait(false);
    }

    private static Task<bool> Patch<T>(CrmRun run, string endpoint, long id, CrmWrite write, long? parentId)
        where T : AutotaskEntity =>
        run.WriteAsync(endpoint, async token =>
        {
            await run.Client.UpdateAsync<T>(id, write.Changes!, parentId, token).ConfigureAwait(false);
            return true;
        });
}
