using System.Globalization;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// EXECUTE for Sync-AtCompany: creates and updates the approved companies, then their contacts (a new company's
/// contacts go through /Companies/{id}/Contacts once it exists), journals the run and streams each outcome. A create
/// whose outcome is unknown is confirmed by a lookup (the company by name, the contact by company and e-mail or name)
/// before it is ever sent again.
/// </summary>
public static class CompanySyncExecutor
{
    public static async Task<SyncRunSummary> ExecuteAsync(
        CompanySyncPlan plan,
        IEnumerable<string> approvedOperationIds,
        SyncOptions options,
        Action<SyncResult>? onResult = null,
        IProgress<SyncProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (approvedOperationIds is null)
        {
            throw new ArgumentNullException(nameof(approvedOperationIds));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        // The client reads a picklist once per connection, so asking for every company costs one request in all.
        static async Task<int> CustomerTypeAsync(CrmRun run) =>
            int.Parse(
                await run.Client.ResolvePicklistValueAsync("Companies", "companyType", "Customer", run.StopToken).ConfigureAwait(false),
                NumberStyles.Integer, CultureInfo.InvariantCulture);

        async Task<OperationOutcome> Apply(SyncOperation operation, CrmRun run)
        {
            var write = plan.Writes[operation.Key];
            switch (operation.Kind)
            {
                case SyncOperationKind.CreateCompany:
                    var company = (Company)write.Create!;
                    var typed = new Company
                    {
                        CompanyName = company.CompanyName,
                        CompanyType = await CustomerTypeAsync(run).ConfigureAwait(false),
                        OwnerResourceID = company.OwnerResourceID,
                        Phone = company.Phone,
                        Address1 = company.Address1,
                        City = company.City,
                        State = company.State,
                        PostalCode = company.PostalCode,
                        WebAddress = company.WebAddress,
                        IsActive = true,
                    };
                    Task<long?> FindCompany(CancellationToken token) =>
                        FirstIdAsync<Company>(run, AutotaskQuery.Where(AutotaskFilter.Eq("companyName", company.CompanyName!)), token);
                    var companyId = await run.WriteAsync("Companies", token => run.Client.CreateAsync(typed, FindCompany, token)).ConfigureAwait(false);
                    return OperationOutcome.Applied($"created company '{company.CompanyName}'", companyId);
                case SyncOperationKind.CreateContact:
                    var contact = (Contact)write.Create!;
                    var parent = write.ParentId ?? await run.IdFromAsync(write.ParentOperationKey!).ConfigureAwait(false);
                    var placed = Place(contact, parent);
                    Task<long?> FindContact(CancellationToken token) => FirstIdAsync<Contact>(
                        run,
                        contact.EmailAddress is { } email
                            ? AutotaskQuery.Where(AutotaskFilter.Eq("companyID", parent), AutotaskFilter.Eq("emailAddress", email))
                            : AutotaskQuery.Where(AutotaskFilter.Eq("companyID", parent), AutotaskFilter.Eq("firstName", contact.FirstName!), AutotaskFilter.Eq("lastName", contact.LastName!)),
                        token);
                    var contactId = await run.WriteAsync("Contacts", token => run.Client.CreateAsync(placed, FindContact, token)).ConfigureAwait(false);
                    return OperationOutcome.Applied($"created contact {contact.FirstName} {contact.LastName} at company {parent}", contactId);
                case SyncOperationKind.UpdateCompany:
                    await run.WriteAsync("Companies", async token =>
                    {
                        await run.Client.UpdateAsync<Company>(write.ExistingId!.Value, write.Changes!, cancellationToken: token).ConfigureAwait(false);
                        return true;
                    }).ConfigureAwait(false);
                    return OperationOutcome.Applied("updated", write.ExistingId);
                case SyncOperationKind.UpdateContact:
                    await run.WriteAsync("Contacts", async token =>
                    {
                        await run.Client.UpdateAsync<Contact>(write.ExistingId!.Value, write.Changes!, write.ParentId, token).ConfigureAwait(false);
                        return true;
                    }).ConfigureAwait(false);
                    return OperationOutcome.Applied("updated", write.ExistingId);
                default:
                    throw new InvalidOperationException($"A customer push does not plan {operation.Kind} operations.");
            }
        }

        using var run = new CrmRun(plan.Client, plan.Operations, approvedOperationIds, options, Apply, onResult, progress, cancellationToken);
        return await run.RunAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The pairings the run established, for the mapping store: each customer whose company exists (found, or created
    /// or confirmed by the run) is recorded as mapped to it, so the next push updates that company. An existing mapping
    /// keeps its contract settings; a new one leaves the contract for billing sync to create.
    /// </summary>
    public static MappingDocument RecordPairings(MappingDocument document, CompanySyncPlan plan, IReadOnlyList<SyncResult> results, DateTime changedUtc)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        var idByOperation = (results ?? throw new ArgumentNullException(nameof(results)))
            .Where(static r => r.AutotaskId is not null && (r.Status == SyncStatus.Applied || r.ReasonCode == SyncReasonCode.AlreadyInStep))
            .ToDictionary(static r => r.OperationId, static r => r.AutotaskId!.Value, StringComparer.Ordinal);
        var idByKey = plan.Operations
            .Where(op => idByOperation.ContainsKey(op.OperationId))
            .ToDictionary(static op => op.Key, op => idByOperation[op.OperationId], StringComparer.Ordinal);
        var changes = new List<CustomerMapping>();
        foreach (var pairing in plan.Pairings)
        {
            var companyId = pairing.CompanyId ?? (pairing.CreatingOperationKey is { } key && idByKey.TryGetValue(key, out var created) ? created : (long?)null);
            if (companyId is null)
            {
                continue;
            }

            var customer = pairing.Customer;
            var current = document.FindCustomer(customer.Source, customer.CustomerId);
            if (current is { CompanyAction: MappingAction.Existing } && current.CompanyId == companyId)
            {
                continue;
            }

            changes.Add(current is null
                ? new CustomerMapping(customer.Source, customer.CustomerId)
                {
                    CustomerName = customer.CustomerName,
                    CompanyAction = MappingAction.Existing,
                    CompanyId = companyId,
                    ContractAction = MappingAction.Create,
                }
                : current with { CompanyAction = MappingAction.Existing, CompanyId = companyId });
        }

        return changes.Count == 0 ? document : document.WithCustomers(changes, changedUtc);
    }

    private static Contact Place(Contact contact, long companyId) => new()
    {
        CompanyID = companyId,
        FirstName = contact.FirstName,
        LastName = contact.LastName,
        EmailAddress = contact.EmailAddress,
        Phone = contact.Phone,
        MobilePhone = contact.MobilePhone,
        Title = contact.Title,
        PrimaryContact = contact.PrimaryContact,
        IsActive = contact.IsActive,
    };

    private static async Task<long?> FirstIdAsync<T>(CrmRun run, AutotaskQuery query, CancellationToken cancellationToken)
        where T : AutotaskEntity
    {
        var rows = await run.Client.QueryAsync<T>(query.WithIncludeFields("id"), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows.Min(static row => row.Id);
    }
}
