using System.Globalization;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Proposes an Autotask company for each unmapped vendor customer. Rules, strongest first: exact name (1.0),
/// normalised name (0.95), the customer's domain against company web addresses or its <c>onmicrosoft.com</c>
/// tenant name against company names (0.9), then similar names (below 0.9). Built once over all companies: the
/// first rules are dictionary look-ups and fuzzy matching only scores a short list drawn from a trigram index.
/// </summary>
public sealed class CompanyMatcher
{
    public const double DefaultMinimumConfidence = 0.95;
    public const double ExactNameConfidence = 1.0;
    public const double NormalizedNameConfidence = 0.95;
    public const double DomainConfidence = 0.9;

    /// <summary>Fuzzy confidence is the similarity score times this, so it always stays below the rule-based ones.</summary>
    public const double FuzzyConfidenceScale = 0.85;

    /// <summary>Two or more equally good companies multiply the confidence by this.</summary>
    public const double AmbiguityFactor = 0.7;

    /// <summary>An inactive company is proposed only when no active one matches as well, and loses this much.</summary>
    public const double InactivePenalty = 0.1;

    private const int FuzzyShortlistSize = 8;
    private const double FuzzyMinimumDice = 0.3;

    private readonly CompanyCandidate[] companies;
    private readonly string[] keys;
    private readonly Dictionary<string, List<int>> byExactName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byKeyWithLegalForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byHost = new(StringComparer.Ordinal);
    private readonly TrigramIndex trigrams;

    public CompanyMatcher(IEnumerable<CompanyCandidate> companies)
    {
        this.companies = (companies ?? throw new ArgumentNullException(nameof(companies))).ToArray();
        keys = new string[this.companies.Length];
        var words = new string[this.companies.Length];
        for (var i = 0; i < this.companies.Length; i++)
        {
            var company = this.companies[i];
            var companyWords = CompanyNameNormalizer.Words(company.CompanyName);
            keys[i] = string.Concat(companyWords);
            words[i] = string.Join(" ", companyWords);
            Add(byExactName, ExactForm(company.CompanyName), i);
            Add(byKey, keys[i], i);
            Add(byKeyWithLegalForm, CompanyNameNormalizer.KeyWithLegalForm(company.CompanyName), i);
            Add(byHost, DomainName.Host(company.WebAddress), i);
        }

        trigrams = new TrigramIndex(words);
    }

    /// <summary>Proposals at or above this confidence are accepted; the default takes only exact and normalised names.</summary>
    public double MinimumConfidence { get; init; } = DefaultMinimumConfidence;

    /// <summary>Similar names scoring below this (0 to 1) are not proposed at all.</summary>
    public double MinimumFuzzyScore { get; init; } = 0.6;

    public int MaximumRunnersUp { get; init; } = 3;

    public IEnumerable<MatchProposal> ProposeAll(IEnumerable<VendorCustomer> customers) =>
        (customers ?? throw new ArgumentNullException(nameof(customers))).Select(Propose);

    public MatchProposal Propose(VendorCustomer customer)
    {
        if (customer is null)
        {
            throw new ArgumentNullException(nameof(customer));
        }

        var found = new Dictionary<int, (double Confidence, CompanyMatchRule Rule)>();
        Offer(found, byExactName, ExactForm(customer.CustomerName), ExactNameConfidence, CompanyMatchRule.ExactName);
        var key = CompanyNameNormalizer.Key(customer.CustomerName);
        Offer(found, byKey, key, NormalizedNameConfidence, CompanyMatchRule.NormalizedName);
        var host = DomainName.Host(customer.Domain);
        Offer(found, byHost, host, DomainConfidence, CompanyMatchRule.Domain);
        foreach (var tenant in CompanyNameNormalizer.TenantKeys(DomainName.TenantName(host)))
        {
            Offer(found, byKey, tenant, DomainConfidence, CompanyMatchRule.TenantName);
            Offer(found, byKeyWithLegalForm, tenant, DomainConfidence, CompanyMatchRule.TenantName);
        }
        if (found.Count == 0)
        {
            OfferSimilar(found, customer.CustomerName, key);
        }

        return Decide(customer, found, host);
    }

    private static string ExactForm(string name) =>
        string.Join(" ", name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Add(Dictionary<string, List<int>> index, string? key, int company)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (!index.TryGetValue(key!, out var list))
        {
            index[key!] = list = new List<int>(1);
        }

        list.Add(company);
    }

    private static void Offer(
        Dictionary<int, (double Confidence, CompanyMatchRule Rule)> found,
        Dictionary<string, List<int>> index,
        string? key,
        double confidence,
        CompanyMatchRule rule)
    {
        if (string.IsNullOrEmpty(key) || !index.TryGetValue(key!, out var matches))
        {
            return;
        }

        foreach (var company in matches)
        {
            Offer(found, company, confidence, rule);
        }
    }

    private static void Offer(
        Dictionary<int, (double Confidence, CompanyMatchRule Rule)> found, int company, double confidence, CompanyMatchRule rule)
    {
        if (!found.TryGetValue(company, out var known) || known.Confidence < confidence)
        {
            found[company] = (confidence, rule);
        }
    }

    private static bool IsCustomerType(CompanyCandidate company) =>
        string.Equals(company.CompanyType, "Customer", StringComparison.OrdinalIgnoreCase);

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private void OfferSimilar(Dictionary<int, (double Confidence, CompanyMatchRule Rule)> found, string name, string key)
    {
        var words = string.Join(" ", CompanyNameNormalizer.Words(name));
        foreach (var (company, dice) in trigrams.MostSimilar(words, FuzzyShortlistSize, FuzzyMinimumDice))
        {
            var score = (dice + JaroWinkler.Similarity(key, keys[company])) / 2d;
            if (score >= MinimumFuzzyScore)
            {
                Offer(found, company, Math.Round(score * FuzzyConfidenceScale, 3), CompanyMatchRule.Fuzzy);
            }
        }
    }

    private MatchProposal Decide(
        VendorCustomer customer, Dictionary<int, (double Confidence, CompanyMatchRule Rule)> found, string? host)
    {
        var ranked = found
            .Select(pair => (Company: companies[pair.Key], pair.Value.Confidence, pair.Value.Rule))
            .OrderByDescending(c => c.Confidence)
            .ThenByDescending(c => c.Company.IsActive)
            .ThenByDescending(c => IsCustomerType(c.Company))
            .ThenBy(c => c.Company.CompanyName, StringComparer.Ordinal)
            .ThenBy(c => c.Company.CompanyId)
            .Select(c => new MatchCandidate(c.Company.CompanyId, c.Company.CompanyName, c.Confidence, c.Rule, c.Company.IsActive))
            .ToList();
        if (ranked.Count == 0)
        {
            return new MatchProposal(
                customer, null, 0d, false, false,
                "no Autotask company has this name, a similar one or the customer's domain",
                Array.Empty<MatchCandidate>());
        }

        var best = ranked[0];
        var ties = ranked.Where(c => c.Confidence == best.Confidence && c.IsActive == best.IsActive).ToList();
        var confidence = best.Confidence;
        var reason = Explain(customer, best, host);
        var isAmbiguous = ties.Count > 1;
        if (isAmbiguous)
        {
            confidence *= AmbiguityFactor;
            reason = $"ambiguous: {ties.Count} companies match equally well ({string.Join(", ", ties.Select(t => $"{t.CompanyName} ({t.CompanyId})"))}); {reason}";
        }

        if (!best.IsActive)
        {
            confidence -= InactivePenalty;
            reason += "; the company is inactive";
        }

        confidence = Math.Round(Math.Max(0d, confidence), 3);
        var isAccepted = confidence >= MinimumConfidence;
        if (!isAccepted)
        {
            reason += $"; confidence {Format(confidence)} is below {Format(MinimumConfidence)}, so review it before applying";
        }

        return new MatchProposal(
            customer, best, confidence, isAccepted, isAmbiguous, reason, ranked.Skip(1).Take(MaximumRunnersUp).ToList());
    }

    private static string Explain(VendorCustomer customer, MatchCandidate best, string? host) => best.Rule switch
    {
        CompanyMatchRule.ExactName => $"the company is named exactly '{best.CompanyName}'",
        CompanyMatchRule.NormalizedName =>
            $"'{customer.CustomerName}' and '{best.CompanyName}' are the same name once case, accents, punctuation and legal forms are ignored",
        CompanyMatchRule.Domain => $"the company's web address is the customer's domain '{host}'",
        CompanyMatchRule.TenantName => $"the customer's tenant '{host}' is named after '{best.CompanyName}'",
        _ => $"'{customer.CustomerName}' is similar to '{best.CompanyName}'",
    };
}
