using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Reads what mapping matches against from Autotask, in bulk: whole catalogs a page of 500 at a time with only the
/// fields matching needs, and records by id or company with <c>in</c> filters — never one request per customer or SKU.
/// Picklist codes are tenant data, so labels (company type, contract status, billing-code category) are read from
/// the entity's field information, once per connection.
/// </summary>
public sealed class AutotaskCatalogReader
{
    public const string ActiveContractStatusLabel = "Active";

    private const int NamesPerQuery = 100;

    private readonly AutotaskClient client;

    public AutotaskCatalogReader(AutotaskClient client)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>Every company, with the fields the company matcher uses.</summary>
    public async Task<IReadOnlyList<CompanyCandidate>> ReadCompaniesAsync(CancellationToken cancellationToken = default)
    {
        var labelsTask = PicklistLabelsAsync("Companies", "companyType", cancellationToken);
        var rows = await client.QueryLargeAsync<Company>(CompanyQuery(AutotaskQuery.All), cancellationToken).ConfigureAwait(false);
        var typeLabels = await labelsTask.ConfigureAwait(false);
        return rows.Select(row => ToCandidate(row, typeLabels)).ToList();
    }

    /// <summary>The companies with these ids; ids Autotask does not hold are simply absent.</summary>
    public async Task<IReadOnlyList<CompanyCandidate>> ReadCompaniesAsync(IEnumerable<long> companyIds, CancellationToken cancellationToken = default)
    {
        var ids = Distinct(companyIds);
        if (ids.Count == 0)
        {
            return Array.Empty<CompanyCandidate>();
        }

        var typeLabels = await PicklistLabelsAsync("Companies", "companyType", cancellationToken).ConfigureAwait(false);
        var rows = await client.QueryInAsync<Company>("id", ids, CompanyQuery(AutotaskQuery.All), cancellationToken).ConfigureAwait(false);
        return rows.Select(row => ToCandidate(row, typeLabels)).ToList();
    }

    /// <summary>The companies whose name is one of these (Autotask compares names without regard to case).</summary>
    public async Task<IReadOnlyList<CompanyCandidate>> FindCompaniesByNameAsync(IEnumerable<string> companyNames, CancellationToken cancellationToken = default)
    {
        var names = (companyNames ?? throw new ArgumentNullException(nameof(companyNames)))
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (names.Count == 0)
        {
            return Array.Empty<CompanyCandidate>();
        }

        // The chunks go out side by side; the client keeps them within the endpoint's limit.
        var labelsTask = PicklistLabelsAsync("Companies", "companyType", cancellationToken);
        var chunks = new List<Task<IReadOnlyList<Company>>>();
        for (var start = 0; start < names.Count; start += NamesPerQuery)
        {
            var chunk = names.Skip(start).Take(NamesPerQuery).ToList();
            chunks.Add(client.QueryAsync<Company>(CompanyQuery(AutotaskQuery.Where(AutotaskFilter.In("companyName", chunk))), cancellationToken));
        }

        var results = await Task.WhenAll(chunks).ConfigureAwait(false);
        var typeLabels = await labelsTask.ConfigureAwait(false);
        return results.SelectMany(static rows => rows).Select(row => ToCandidate(row, typeLabels)).ToList();
    }

    /// <summary>The active Recurring Service contracts of these companies, read with <c>in</c> filters in chunks.</summary>
    public async Task<IReadOnlyList<ContractCandidate>> ReadActiveRecurringContractsAsync(
        IEnumerable<long> companyIds, CancellationToken cancellationToken = default)
    {
        var ids = Distinct(companyIds);
        if (ids.Count == 0)
        {
            return Array.Empty<ContractCandidate>();
        }

        var active = await client.ResolvePicklistValueAsync("Contracts", "status", ActiveContractStatusLabel, cancellationToken).ConfigureAwait(false);
        var query = ContractQuery(AutotaskQuery.Where(
            AutotaskFilter.Eq("contractType", Contract.RecurringServiceType),
            AutotaskFilter.Eq("status", int.Parse(active, System.Globalization.CultureInfo.InvariantCulture))));
        var rows = await client.QueryInAsync<Contract>("companyID", ids, query, cancellationToken).ConfigureAwait(false);
        return rows.Select(row => ToCandidate(row, active)).ToList();
    }

    /// <summary>The contracts with these ids, whatever their type and status.</summary>
    public async Task<IReadOnlyList<ContractCandidate>> ReadContractsAsync(IEnumerable<long> contractIds, CancellationToken cancellationToken = default)
    {
        var ids = Distinct(contractIds);
        if (ids.Count == 0)
        {
            return Array.Empty<ContractCandidate>();
        }

        var active = await client.ResolvePicklistValueAsync("Contracts", "status", ActiveContractStatusLabel, cancellationToken).ConfigureAwait(false);
        var rows = await client.QueryInAsync<Contract>("id", ids, ContractQuery(AutotaskQuery.All), cancellationToken).ConfigureAwait(false);
        return rows.Select(row => ToCandidate(row, active)).ToList();
    }

    /// <summary>Every service, with the fields that can carry a vendor part number.</summary>
    public async Task<IReadOnlyList<ServiceCandidate>> ReadServicesAsync(CancellationToken cancellationToken = default)
    {
        var query = AutotaskQuery.All.WithIncludeFields("name", "sku", "catalogNumberPartNumber", "manufacturerServiceProviderProductNumber", "isActive");
        var rows = await client.QueryLargeAsync<Service>(query, cancellationToken).ConfigureAwait(false);
        return rows.Select(row => new ServiceCandidate(row.Id, row.Name ?? string.Empty)
        {
            Sku = row.Sku,
            CatalogNumberPartNumber = row.CatalogNumberPartNumber,
            ManufacturerServiceProviderProductNumber = row.ManufacturerServiceProviderProductNumber,
            IsActive = row.IsActive ?? true,
        }).ToList();
    }

    /// <summary>The services with these ids.</summary>
    public async Task<IReadOnlyList<ServiceCandidate>> ReadServicesAsync(IEnumerable<long> serviceIds, CancellationToken cancellationToken = default)
    {
        var ids = Distinct(serviceIds);
        if (ids.Count == 0)
        {
            return Array.Empty<ServiceCandidate>();
        }

        var rows = await client.QueryInAsync<Service>("id", ids, AutotaskQuery.All.WithIncludeFields("name", "isActive"), cancellationToken).ConfigureAwait(false);
        return rows.Select(row => new ServiceCandidate(row.Id, row.Name ?? string.Empty) { IsActive = row.IsActive ?? true }).ToList();
    }

    /// <summary>Every product, with the fields that can carry a vendor part number.</summary>
    public async Task<IReadOnlyList<ProductCandidate>> ReadProductsAsync(CancellationToken cancellationToken = default)
    {
        var query = AutotaskQuery.All.WithIncludeFields("name", "sku", "vendorProductNumber", "manufacturerProductName", "isActive");
        var rows = await client.QueryLargeAsync<Product>(query, cancellationToken).ConfigureAwait(false);
        return rows.Select(row => new ProductCandidate(row.Id, row.Name ?? string.Empty)
        {
            Sku = row.Sku,
            VendorProductNumber = row.VendorProductNumber,
            ManufacturerProductName = row.ManufacturerProductName,
            IsActive = row.IsActive ?? true,
        }).ToList();
    }

    /// <summary>The products with these ids.</summary>
    public async Task<IReadOnlyList<ProductCandidate>> ReadProductsAsync(IEnumerable<long> productIds, CancellationToken cancellationToken = default)
    {
        var ids = Distinct(productIds);
        if (ids.Count == 0)
        {
            return Array.Empty<ProductCandidate>();
        }

        var rows = await client.QueryInAsync<Product>("id", ids, AutotaskQuery.All.WithIncludeFields("name", "isActive"), cancellationToken).ConfigureAwait(false);
        return rows.Select(row => new ProductCandidate(row.Id, row.Name ?? string.Empty) { IsActive = row.IsActive ?? true }).ToList();
    }

    /// <summary>Every billing code, its category (the billingCodeType label, e.g. Recurring Contract Service) as its use.</summary>
    public async Task<IReadOnlyList<BillingCodeInfo>> ReadBillingCodesAsync(CancellationToken cancellationToken = default)
    {
        var categoriesTask = PicklistLabelsAsync("BillingCodes", "billingCodeType", cancellationToken);
        var query = AutotaskQuery.All.WithIncludeFields("name", "billingCodeType", "isActive");
        var rows = await client.QueryLargeAsync<BillingCode>(query, cancellationToken).ConfigureAwait(false);
        var categories = await categoriesTask.ConfigureAwait(false);
        return rows.Select(row => new BillingCodeInfo(row.Id, row.Name ?? string.Empty, Label(categories, row.BillingCodeType), row.IsActive ?? true)).ToList();
    }

    /// <summary>Every resource, named "First Last".</summary>
    public async Task<IReadOnlyList<ResourceInfo>> ReadResourcesAsync(CancellationToken cancellationToken = default) =>
        (await ReadResourceAccountsAsync(cancellationToken).ConfigureAwait(false)).Select(account => account.Resource).ToList();

    /// <summary>Every resource with the user name and e-mail address it may also be given by.</summary>
    internal async Task<IReadOnlyList<(ResourceInfo Resource, string? UserName, string? Email)>> ReadResourceAccountsAsync(CancellationToken cancellationToken)
    {
        var query = AutotaskQuery.All.WithIncludeFields("firstName", "lastName", "userName", "email", "isActive");
        var rows = await client.QueryLargeAsync<Resource>(query, cancellationToken).ConfigureAwait(false);
        return rows.Select(row => (
            new ResourceInfo(row.Id, string.Join(" ", new[] { row.FirstName, row.LastName }.Where(part => !string.IsNullOrWhiteSpace(part))), row.IsActive ?? true),
            row.UserName,
            row.Email)).ToList();
    }

    private static AutotaskQuery CompanyQuery(AutotaskQuery query) =>
        query.WithIncludeFields("companyName", "webAddress", "isActive", "companyType");

    private static AutotaskQuery ContractQuery(AutotaskQuery query) =>
        query.WithIncludeFields("companyID", "contractName", "contractType", "status");

    private static CompanyCandidate ToCandidate(Company row, IReadOnlyDictionary<string, string> typeLabels) =>
        new(row.Id, row.CompanyName ?? string.Empty, row.WebAddress, row.IsActive ?? true, Label(typeLabels, row.CompanyType));

    private static ContractCandidate ToCandidate(Contract row, string activeStatus) =>
        new(
            row.Id,
            row.CompanyID ?? 0,
            row.ContractName ?? string.Empty,
            row.ContractType == Contract.RecurringServiceType,
            row.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) == activeStatus);

    private static string? Label(IReadOnlyDictionary<string, string> labels, int? value) =>
        value is int code && labels.TryGetValue(code.ToString(System.Globalization.CultureInfo.InvariantCulture), out var label) ? label : null;

    private static List<long> Distinct(IEnumerable<long> ids) =>
        (ids ?? throw new ArgumentNullException(nameof(ids))).Where(id => id > 0).Distinct().ToList();

    private async Task<IReadOnlyDictionary<string, string>> PicklistLabelsAsync(string entityName, string field, CancellationToken cancellationToken)
    {
        var fields = await client.GetFieldsAsync(entityName, cancellationToken).ConfigureAwait(false);
        var information = fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase));
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in information?.PicklistValues ?? Array.Empty<PicklistValue>())
        {
            labels[value.Value] = value.Label;
        }

        return labels;
    }
}
