using Autotask.Billing.Mapping;

namespace Autotask.Billing.Sync;

/// <summary>
/// Points the mappings that asked sync to create something (action Create) at what a run created or found: the
/// customer's company and contract, the SKU's service or product become Existing with their new ids. Without this
/// the next compare would ask to create them again; sync would find them by name and write nothing, but the
/// differences would never go away. Only records a run created or confirmed are used; anything that failed keeps
/// its mapping as it was.
/// </summary>
public static class SyncMappingUpdates
{
    /// <summary>
    /// The document with the mappings of <paramref name="plan"/>'s differences pointed at the records the run's
    /// <paramref name="results"/> created; the same instance when nothing changes.
    /// </summary>
    public static MappingDocument Apply(MappingDocument document, SyncPlan plan, IEnumerable<SyncResult> results, DateTime changedUtc)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        var created = results
            .Where(static r => r.AutotaskId is not null && (r.Status == SyncStatus.Applied || r.ReasonCode == SyncReasonCode.AlreadyInStep))
            .GroupBy(static r => r.OperationId, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.First().AutotaskId!.Value, StringComparer.Ordinal);
        var operationsByKey = plan.Operations.ToDictionary(static op => op.Key, StringComparer.Ordinal);
        long? Own(SyncOperation operation) => created.TryGetValue(operation.OperationId, out var id) ? id : null;
        long? Resolve(EntityReference reference) =>
            reference.Id ?? (reference.OperationKey is { } key && operationsByKey.TryGetValue(key, out var producer) ? Own(producer) : null);

        var found = new Found();
        foreach (var operation in plan.Operations)
        {
            var details = operation.Details;
            var (company, contract, service, product) = operation.Kind switch
            {
                SyncOperationKind.CreateCompany => (Own(operation), null, null, null),
                SyncOperationKind.CreateContract => (Resolve(details.Company), Own(operation), null, null),
                SyncOperationKind.CreateService => (null, null, Own(operation), null),
                SyncOperationKind.CreateProduct => (null, null, null, Own(operation)),
                SyncOperationKind.CreateVendorCompany => ((long?)null, (long?)null, (long?)null, (long?)null),
                _ => (Resolve(details.Company), Resolve(details.Contract), Resolve(details.Service), Resolve(details.Product)),
            };
            // A contract found by name for a company to be created belongs to a company made earlier: record that too.
            company ??= contract is long contractId && plan.CompaniesOfFoundContracts.TryGetValue(contractId, out var owner) ? owner : null;
            foreach (var difference in operation.Differences)
            {
                found.Note(difference, company, contract, service, product);
            }
        }

        var customers = document.Customers
            .Select(mapping => found.Update(mapping))
            .Where(static change => change is not null)
            .Select(static change => change!)
            .ToList();
        var services = document.Services
            .Select(mapping => found.Update(mapping))
            .Where(static change => change is not null)
            .Select(static change => change!)
            .ToList();
        var updated = customers.Count == 0 ? document : document.WithCustomers(customers, changedUtc);
        return services.Count == 0 ? updated : updated.WithServices(services, changedUtc);
    }

    private sealed class Found
    {
        private readonly Dictionary<string, long> _companies = new(MappingKeys.Comparer);
        private readonly Dictionary<string, long> _contracts = new(MappingKeys.Comparer);
        private readonly Dictionary<string, long> _services = new(MappingKeys.Comparer);
        private readonly Dictionary<string, long> _products = new(MappingKeys.Comparer);

        public void Note(ContractDifference difference, long? company, long? contract, long? service, long? product)
        {
            var customer = MappingKeys.Of(difference.Source.Trim(), difference.CustomerId.Trim());
            var sku = MappingKeys.Of(difference.Source.Trim(), difference.Sku.Trim());
            Remember(_companies, customer, difference.CreateCompany ? company : null);
            Remember(_contracts, customer, difference.CreateContract ? contract : null);
            Remember(_services, sku, difference.ServiceId is null ? service : null);
            Remember(_products, sku, difference.ProductId is null ? product : null);
        }

        /// <summary>An existing company can only hold an existing contract, so a contract alone is never recorded on a company still to create.</summary>
        public CustomerMapping? Update(CustomerMapping mapping)
        {
            var key = MappingKeys.Of(mapping.Source, mapping.CustomerId);
            var company = mapping.CompanyAction == MappingAction.Create && _companies.TryGetValue(key, out var companyId) ? companyId : (long?)null;
            var companyKnown = mapping.CompanyAction == MappingAction.Existing || company is not null;
            var contract = mapping.ContractAction == MappingAction.Create && companyKnown && _contracts.TryGetValue(key, out var contractId) ? contractId : (long?)null;
            if (company is null && contract is null)
            {
                return null;
            }

            return mapping with
            {
                CompanyAction = MappingAction.Existing,
                CompanyId = company ?? mapping.CompanyId,
                ContractAction = contract is null ? mapping.ContractAction : MappingAction.Existing,
                ContractId = contract ?? mapping.ContractId,
            };
        }

        public ServiceMapping? Update(ServiceMapping mapping)
        {
            var key = MappingKeys.Of(mapping.Source, mapping.Sku);
            if (mapping.Action != MappingAction.Create)
            {
                // A deleted service sync created again (RecreateDeletedServices): the mapping follows it.
                return mapping.ServiceId is not null && _services.TryGetValue(key, out var recreated) && recreated != mapping.ServiceId
                    ? mapping with { ServiceId = recreated }
                    : null;
            }

            var service = _services.TryGetValue(key, out var serviceId) ? serviceId : (long?)null;
            var product = _products.TryGetValue(key, out var productId) ? productId : (long?)null;
            return service is null && product is null
                ? null
                : mapping with { Action = MappingAction.Existing, ServiceId = service, ProductId = product };
        }

        private static void Remember(Dictionary<string, long> found, string key, long? id)
        {
            if (id is long value && !found.ContainsKey(key))
            {
                found[key] = value;
            }
        }
    }
}
