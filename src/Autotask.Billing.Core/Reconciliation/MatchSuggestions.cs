using System.Globalization;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Match suggestions for unmapped customers and SKUs, from <see cref="CompanyMatcher"/> and <see cref="ServiceMatcher"/>
/// over what the snapshot read (every company, the whole catalog); each proposal is worked out once per run.
/// </summary>
internal sealed class MatchSuggestions
{
    private readonly ContractSnapshot _snapshot;
    private readonly BillingSettings _settings;
    private readonly Dictionary<string, (string? Text, long? Id)> _customers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string? Text, long? Id)> _skus = new(StringComparer.OrdinalIgnoreCase);
    private CompanyMatcher? _companies;
    private ServiceMatcher? _catalog;

    public MatchSuggestions(ContractSnapshot snapshot, BillingSettings settings)
    {
        _snapshot = snapshot;
        _settings = settings;
    }

    public (string? Text, long? CompanyId) ForCustomer(string source, string customerId, string customerName, string? domain)
    {
        var key = MappingKeys.Of(source, customerId);
        if (!_customers.TryGetValue(key, out var found))
        {
            _companies ??= new CompanyMatcher(_snapshot.Companies.Values.Select(c => new CompanyCandidate(
                c.Id,
                c.CompanyName ?? string.Empty,
                c.WebAddress,
                c.IsActive ?? true,
                _snapshot.Labels.Label(PicklistEntities.Companies, "companyType", c.CompanyType))));
            var proposal = _companies.Propose(new VendorCustomer(source, customerId, customerName, domain));
            found = proposal.CompanyId is null
                ? ($"No suggestion: {proposal.Reason}.", null)
                : (Describe(proposal.CompanyName, proposal.CompanyId, proposal.Confidence, proposal.Rule.ToString(), proposal.Reason,
                    proposal.RunnersUp.Select(r => $"{r.CompanyName} ({r.CompanyId}, {r.Rule} {Confidence(r.Confidence)})")), proposal.CompanyId);
            _customers[key] = found;
        }

        return found;
    }

    public (string? Text, long? ServiceId) ForService(string source, string sku)
    {
        var proposal = Catalog.ProposeService(source, sku, _settings.ServiceNameTemplate);
        return Remember("service", source, sku, proposal, proposal.ServiceId);
    }

    public (string? Text, long? ProductId) ForProduct(string source, string sku)
    {
        var proposal = Catalog.ProposeProduct(source, sku);
        return Remember("product", source, sku, proposal, proposal.ProductId);
    }

    private ServiceMatcher Catalog => _catalog ??= new ServiceMatcher(
        _snapshot.Services.Values.Select(s => new ServiceCandidate(s.Id, s.Name ?? string.Empty)
        {
            Sku = s.Sku,
            CatalogNumberPartNumber = s.CatalogNumberPartNumber,
            ManufacturerServiceProviderProductNumber = s.ManufacturerServiceProviderProductNumber,
            IsActive = s.IsActive ?? true,
        }),
        _snapshot.Products.Values.Select(p => new ProductCandidate(p.Id, p.Name ?? string.Empty)
        {
            Sku = p.Sku,
            VendorProductNumber = p.VendorProductNumber,
            ManufacturerProductName = p.ManufacturerProductName,
            IsActive = p.IsActive ?? true,
        }));

    private (string? Text, long? Id) Remember(string catalog, string source, string sku, SkuMatchProposal proposal, long? id)
    {
        var key = catalog + "\u001F" + MappingKeys.Of(source, sku);
        if (!_skus.TryGetValue(key, out var found))
        {
            found = id is null
                ? ($"No suggestion: {proposal.Reason}.", null)
                : (Describe(proposal.Name, id, proposal.Confidence, proposal.Rule.ToString(), proposal.Reason,
                    proposal.Alternatives.Select(a => $"{a.Name} ({a.ServiceId ?? a.ProductId}, {a.Rule} {Confidence(a.Confidence)})")), id);
            _skus[key] = found;
        }

        return found;
    }

    private static string Describe(string? name, long? id, double confidence, string rule, string reason, IEnumerable<string> others)
    {
        var text = $"{name} ({id}), confidence {Confidence(confidence)} by {rule}: {reason}";
        var alternatives = others.ToList();
        return alternatives.Count == 0 ? text : text + VendorDemand.Separator + "also " + string.Join(VendorDemand.Separator, alternatives);
    }

    private static string Confidence(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
