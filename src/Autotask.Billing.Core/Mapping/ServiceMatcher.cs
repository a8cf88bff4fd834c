using System.Globalization;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Proposes the Autotask service for a recurring SKU (named after the SKU or by the name template, or carrying it in
/// its SKU, catalog number or provider product number) and the product for a one-time SKU (carrying it in its
/// manufacturer product number, SKU or vendor product number, or named after it).
/// </summary>
public sealed class ServiceMatcher
{
    public const double DefaultMinimumConfidence = 0.95;

    private readonly ServiceCandidate[] services;
    private readonly ProductCandidate[] products;
    private readonly CatalogFieldIndex serviceNames = new(SkuMatchRule.ServiceName, 1.0, 0.95);
    private readonly CatalogFieldIndex[] serviceNumbers =
    {
        new(SkuMatchRule.ServiceSku, 0.95, 0.95),
        new(SkuMatchRule.CatalogNumberPartNumber, 0.95, 0.95),
        new(SkuMatchRule.ManufacturerServiceProviderProductNumber, 0.95, 0.95),
    };

    private readonly CatalogFieldIndex[] productFields =
    {
        new(SkuMatchRule.ManufacturerProductName, 1.0, 0.95),
        new(SkuMatchRule.ProductSku, 1.0, 0.95),
        new(SkuMatchRule.VendorProductNumber, 0.95, 0.95),
        new(SkuMatchRule.ProductName, 0.9, 0.9),
    };

    public ServiceMatcher(IEnumerable<ServiceCandidate> services, IEnumerable<ProductCandidate> products)
    {
        this.services = (services ?? throw new ArgumentNullException(nameof(services))).ToArray();
        this.products = (products ?? throw new ArgumentNullException(nameof(products))).ToArray();
        for (var i = 0; i < this.services.Length; i++)
        {
            var service = this.services[i];
            serviceNames.Add(i, service.Name);
            serviceNumbers[0].Add(i, service.Sku);
            serviceNumbers[1].Add(i, service.CatalogNumberPartNumber);
            serviceNumbers[2].Add(i, service.ManufacturerServiceProviderProductNumber);
        }

        for (var i = 0; i < this.products.Length; i++)
        {
            var product = this.products[i];
            productFields[0].Add(i, product.ManufacturerProductName);
            productFields[1].Add(i, product.Sku);
            productFields[2].Add(i, product.VendorProductNumber);
            productFields[3].Add(i, product.Name);
        }
    }

    public double MinimumConfidence { get; init; } = DefaultMinimumConfidence;

    public int MaximumAlternatives { get; init; } = 3;

    /// <summary>
    /// The service for a recurring SKU. <paramref name="nameTemplate"/> (e.g. <c>PC_{Sku}</c>) also matches services
    /// named the way sync would have named them.
    /// </summary>
    public SkuMatchProposal ProposeService(string source, string sku, string? nameTemplate = null)
    {
        var key = MappingKeys.RequireText(sku, nameof(sku));
        var found = new Dictionary<int, (double Confidence, SkuMatchRule Rule)>();
        Offer(found, serviceNames, key, SkuMatchRule.ServiceName);
        if (nameTemplate is not null && nameTemplate != ServiceNameTemplate.SkuPlaceholder)
        {
            Offer(found, serviceNames, ServiceNameTemplate.Apply(nameTemplate, key), SkuMatchRule.ServiceNameTemplate);
        }

        foreach (var field in serviceNumbers)
        {
            Offer(found, field, key, field.Rule);
        }

        var candidates = found.Select(pair => new SkuMatchCandidate(
            CatalogItemKind.Service, services[pair.Key].ServiceId, services[pair.Key].Name, services[pair.Key].IsActive, pair.Value.Confidence, pair.Value.Rule));
        return Decide(source, key, CatalogItemKind.Service, candidates);
    }

    /// <summary>The product for a one-time SKU.</summary>
    public SkuMatchProposal ProposeProduct(string source, string sku)
    {
        var key = MappingKeys.RequireText(sku, nameof(sku));
        var found = new Dictionary<int, (double Confidence, SkuMatchRule Rule)>();
        foreach (var field in productFields)
        {
            Offer(found, field, key, field.Rule);
        }

        var candidates = found.Select(pair => new SkuMatchCandidate(
            CatalogItemKind.Product, products[pair.Key].ProductId, products[pair.Key].Name, products[pair.Key].IsActive, pair.Value.Confidence, pair.Value.Rule));
        return Decide(source, key, CatalogItemKind.Product, candidates);
    }

    private static void Offer(
        Dictionary<int, (double Confidence, SkuMatchRule Rule)> found, CatalogFieldIndex field, string value, SkuMatchRule rule)
    {
        foreach (var (item, confidence) in field.Find(value))
        {
            if (!found.TryGetValue(item, out var known) || known.Confidence < confidence)
            {
                found[item] = (confidence, rule);
            }
        }
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Explain(string sku, SkuMatchCandidate best) => best.Rule switch
    {
        SkuMatchRule.ServiceName or SkuMatchRule.ProductName => $"'{best.Name}' is named after the SKU '{sku}'",
        SkuMatchRule.ServiceNameTemplate => $"'{best.Name}' is the name sync gives the SKU '{sku}'",
        _ => $"'{best.Name}' has the SKU '{sku}' in its {best.Rule} field",
    };

    private SkuMatchProposal Decide(string source, string sku, CatalogItemKind kind, IEnumerable<SkuMatchCandidate> candidates)
    {
        var ranked = candidates
            .OrderByDescending(c => c.Confidence)
            .ThenByDescending(c => c.IsActive)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.ItemId)
            .ToList();
        var catalog = kind == CatalogItemKind.Service ? "service" : "product";
        if (ranked.Count == 0)
        {
            return new SkuMatchProposal(
                source, sku, kind, null, 0d, false, false,
                $"no Autotask {catalog} is named after the SKU or carries it in a part-number field",
                Array.Empty<SkuMatchCandidate>());
        }

        var best = ranked[0];
        var ties = ranked.Where(c => c.Confidence == best.Confidence && c.IsActive == best.IsActive).ToList();
        var confidence = best.Confidence;
        var reason = Explain(sku, best);
        if (best.Confidence < 1.0 && best.Rule is (SkuMatchRule.ServiceName or SkuMatchRule.ServiceNameTemplate or SkuMatchRule.ManufacturerProductName or SkuMatchRule.ProductSku))
        {
            reason += " (only the case differs)";
        }

        var isAmbiguous = ties.Count > 1;
        if (isAmbiguous)
        {
            confidence *= CompanyMatcher.AmbiguityFactor;
            reason = $"ambiguous: {ties.Count} {catalog}s match equally well ({string.Join(", ", ties.Select(t => $"{t.Name} ({t.ItemId})"))}); {reason}";
        }

        if (!best.IsActive)
        {
            reason += $"; the {catalog} is inactive and stays inactive";
        }

        confidence = Math.Round(confidence, 3);
        var isAccepted = confidence >= MinimumConfidence;
        if (!isAccepted)
        {
            reason += $"; confidence {Format(confidence)} is below {Format(MinimumConfidence)}, so review it before applying";
        }

        return new SkuMatchProposal(
            source, sku, kind, best, confidence, isAccepted, isAmbiguous, reason, ranked.Skip(1).Take(MaximumAlternatives).ToList());
    }
}
