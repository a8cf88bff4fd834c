namespace Autotask.Billing.Mapping;

/// <summary>
/// The -Auto workflow of New-AtServiceMapping: proposes a service for every unmapped SKU billed by recurring or usage
/// lines and a product for every one billed by one-time lines (the service and product catalogs each read once, only
/// when needed). A SKU is mapped only when every proposal it needs reaches the minimum confidence.
/// </summary>
public sealed class ServiceMappingAutoMatcher
{
    private readonly AutotaskCatalogReader catalog;

    public ServiceMappingAutoMatcher(AutotaskCatalogReader catalog)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    public double MinimumConfidence { get; init; } = ServiceMatcher.DefaultMinimumConfidence;

    /// <summary>Also matches services named the way sync names them; null uses the document's template.</summary>
    public string? NameTemplate { get; init; }

    public string? Notes { get; init; }

    public async Task<ServiceMappingAutoResult> MatchAsync(
        IEnumerable<VendorSku> skus,
        MappingDocument document,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var distinct = VendorSku.Distinct(skus);
        var alreadyMapped = distinct.Where(s => document.FindService(s.Source, s.Sku) is not null).ToList();
        var creditOnly = distinct.Where(s => document.FindService(s.Source, s.Sku) is null && !s.BillsRecurring && !s.BillsOneTime).ToList();
        var unmapped = distinct.Where(s => document.FindService(s.Source, s.Sku) is null && (s.BillsRecurring || s.BillsOneTime)).ToList();
        if (unmapped.Count == 0)
        {
            return new ServiceMappingAutoResult(Array.Empty<ServiceMappingMatch>(), alreadyMapped, creditOnly);
        }

        // Services and products are separate endpoints, so their reads run side by side.
        Task<IReadOnlyList<ServiceCandidate>> servicesTask = Task.FromResult<IReadOnlyList<ServiceCandidate>>(Array.Empty<ServiceCandidate>());
        Task<IReadOnlyList<ProductCandidate>> productsTask = Task.FromResult<IReadOnlyList<ProductCandidate>>(Array.Empty<ProductCandidate>());
        if (unmapped.Any(s => s.BillsRecurring))
        {
            progress?.Report("Reading Autotask services");
            servicesTask = catalog.ReadServicesAsync(cancellationToken);
        }

        if (unmapped.Any(s => s.BillsOneTime))
        {
            progress?.Report("Reading Autotask products");
            productsTask = catalog.ReadProductsAsync(cancellationToken);
        }

        await Task.WhenAll(servicesTask, productsTask).ConfigureAwait(false);
        var services = await servicesTask.ConfigureAwait(false);
        var products = await productsTask.ConfigureAwait(false);

        var matcher = new ServiceMatcher(services, products) { MinimumConfidence = MinimumConfidence };
        var names = new MappingTargetNames().AddServices(services).AddProducts(products);
        var template = MappingText.OptionalText(NameTemplate) ?? document.Settings.ServiceNameTemplate;
        var matches = unmapped.Select(sku => Decide(sku, matcher, template, names)).ToList();
        return new ServiceMappingAutoResult(matches, alreadyMapped, creditOnly);
    }

    private ServiceMappingMatch Decide(VendorSku sku, ServiceMatcher matcher, string template, MappingTargetNames names)
    {
        var proposals = new List<SkuMatchProposal>(2);
        if (sku.BillsRecurring)
        {
            proposals.Add(matcher.ProposeService(sku.Source, sku.Sku, template));
        }

        if (sku.BillsOneTime)
        {
            proposals.Add(matcher.ProposeProduct(sku.Source, sku.Sku));
        }

        if (!proposals.All(p => p.IsAccepted))
        {
            return new ServiceMappingMatch(sku, proposals, null, MappingTargetNames.Sku(sku.Source, sku.Sku));
        }

        var mapping = new ServiceMapping(sku.Source, sku.Sku)
        {
            Action = MappingAction.Existing,
            ServiceId = proposals.Select(p => p.ServiceId).FirstOrDefault(id => id is not null),
            ProductId = proposals.Select(p => p.ProductId).FirstOrDefault(id => id is not null),
            Notes = MappingText.OptionalText(Notes),
        };
        return new ServiceMappingMatch(sku, proposals, mapping, names.Describe(mapping));
    }
}
