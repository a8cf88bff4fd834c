namespace Autotask.Billing.Mapping;

/// <summary>
/// The names of the Autotask records mappings point at, so that -WhatIf, -Confirm and verbose text read like
/// "Litware Inc (Generic/LIT-001) → company Litware Inc (1042), contract Cloud services, Litware (7311)". Records
/// whose name is unknown (not connected, or not found) are named by id.
/// </summary>
public sealed class MappingTargetNames
{
    private readonly Dictionary<long, string> companies = new();
    private readonly Dictionary<long, string> contracts = new();
    private readonly Dictionary<long, long> contractCompanies = new();
    private readonly Dictionary<long, string> services = new();
    private readonly Dictionary<long, string> products = new();

    public static MappingTargetNames None => new();

    /// <summary>Whether the names were read from Autotask for the mappings checked, so a missing id means a missing record.</summary>
    public bool IsChecked { get; private set; }

    /// <summary>Reads, in bulk, the companies, contracts, services and products these mappings point at.</summary>
    public static async Task<MappingTargetNames> ReadAsync(
        AutotaskCatalogReader catalog,
        IEnumerable<CustomerMapping> customers,
        IEnumerable<ServiceMapping> services,
        CancellationToken cancellationToken = default)
    {
        var customerList = customers.ToList();
        var serviceList = services.ToList();
        var names = new MappingTargetNames { IsChecked = true };
        // Four endpoints, four independent reads: side by side.
        var contracts = catalog.ReadContractsAsync(customerList.Select(c => c.ContractId ?? 0), cancellationToken);
        var companies = catalog.ReadCompaniesAsync(customerList.Select(c => c.CompanyId ?? 0), cancellationToken);
        var serviceRows = catalog.ReadServicesAsync(serviceList.Select(s => s.ServiceId ?? 0), cancellationToken);
        var products = catalog.ReadProductsAsync(serviceList.Select(s => s.ProductId ?? 0), cancellationToken);
        await Task.WhenAll(contracts, companies, serviceRows, products).ConfigureAwait(false);
        names.AddContracts(await contracts.ConfigureAwait(false));
        names.AddCompanies(await companies.ConfigureAwait(false));
        names.AddServices(await serviceRows.ConfigureAwait(false));
        names.AddProducts(await products.ConfigureAwait(false));
        return names;
    }

    public MappingTargetNames AddCompanies(IEnumerable<CompanyCandidate> items)
    {
        foreach (var company in items)
        {
            companies[company.CompanyId] = company.CompanyName;
        }

        return this;
    }

    public MappingTargetNames AddContracts(IEnumerable<ContractCandidate> items)
    {
        foreach (var contract in items)
        {
            contracts[contract.ContractId] = contract.ContractName;
            contractCompanies[contract.ContractId] = contract.CompanyId;
        }

        return this;
    }

    public MappingTargetNames AddServices(IEnumerable<ServiceCandidate> items)
    {
        foreach (var service in items)
        {
            services[service.ServiceId] = service.Name;
        }

        return this;
    }

    public MappingTargetNames AddProducts(IEnumerable<ProductCandidate> items)
    {
        foreach (var product in items)
        {
            products[product.ProductId] = product.Name;
        }

        return this;
    }

    public bool HasCompany(long companyId) => companies.ContainsKey(companyId);

    public bool HasContract(long contractId) => contracts.ContainsKey(contractId);

    public bool HasService(long serviceId) => services.ContainsKey(serviceId);

    public bool HasProduct(long productId) => products.ContainsKey(productId);

    /// <summary>Why the mapping cannot be saved (a record it names does not exist, or the contract is another company's); null when it can.</summary>
    public string? Problem(CustomerMapping mapping)
    {
        if (!IsChecked)
        {
            return null;
        }

        if (mapping.CompanyId is long companyId && !companies.ContainsKey(companyId))
        {
            return $"company {companyId} does not exist in this Autotask database";
        }

        if (mapping.ContractId is long contractId)
        {
            if (!contractCompanies.TryGetValue(contractId, out var owner))
            {
                return $"contract {contractId} does not exist in this Autotask database";
            }

            if (mapping.CompanyId is long company && owner != company)
            {
                return $"contract {Named(contracts, contractId)} belongs to company {Named(companies, owner)}, not to company {Named(companies, company)}";
            }
        }

        return null;
    }

    public string? Problem(ServiceMapping mapping)
    {
        if (!IsChecked)
        {
            return null;
        }

        if (mapping.ServiceId is long serviceId && !services.ContainsKey(serviceId))
        {
            return $"service {serviceId} does not exist in this Autotask database";
        }

        return mapping.ProductId is long productId && !products.ContainsKey(productId)
            ? $"product {productId} does not exist in this Autotask database"
            : null;
    }

    /// <summary>The vendor customer, e.g. "Litware Inc (Generic/LIT-001)".</summary>
    public static string Customer(string source, string customerId, string? customerName) =>
        string.IsNullOrWhiteSpace(customerName) ? $"{source}/{customerId}" : $"{customerName} ({source}/{customerId})";

    public static string Sku(string source, string sku) => $"{source}/{sku}";

    /// <summary>The customer and where its billing goes.</summary>
    public string Describe(CustomerMapping mapping)
    {
        var company = mapping.CompanyAction == MappingAction.Create ? "a new company" : "company " + Named(companies, mapping.CompanyId);
        var contract = mapping.ContractAction == MappingAction.Create ? "a new contract" : "contract " + Named(contracts, mapping.ContractId);
        var export = mapping.Export ? string.Empty : " (not exported)";
        return $"{Customer(mapping.Source, mapping.CustomerId, mapping.CustomerName)} → {company}, {contract}{export}";
    }

    /// <summary>The SKU and what it bills as.</summary>
    public string Describe(ServiceMapping mapping)
    {
        var sku = Sku(mapping.Source, mapping.Sku);
        if (mapping.Excluded)
        {
            return $"{sku} → excluded";
        }

        if (mapping.Action == MappingAction.Create)
        {
            return $"{sku} → a new service{(mapping.NameTemplate is null ? string.Empty : " named by " + mapping.NameTemplate)}";
        }

        var targets = new List<string>();
        if (mapping.ServiceId is not null)
        {
            targets.Add("service " + Named(services, mapping.ServiceId));
        }

        if (mapping.ProductId is not null)
        {
            targets.Add("product " + Named(products, mapping.ProductId));
        }

        return $"{sku} → {string.Join(", ", targets)}";
    }

    private static string Named(Dictionary<long, string> names, long? id) =>
        id is long value && names.TryGetValue(value, out var name) ? $"{name} ({value})" : id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
