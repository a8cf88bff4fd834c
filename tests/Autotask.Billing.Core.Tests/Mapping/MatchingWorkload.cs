using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

/// <summary>
/// A deterministic tenant-sized matching workload: companies with invented, clearly distinct names, and vendor
/// customers that each should match one way (exact, normalised, domain, fuzzy) or not at all, with the answer.
/// </summary>
internal sealed class MatchingWorkload
{
    private static readonly string[] Onsets = { "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "cl", "dr", "gr", "pl", "st", "tr" };
    private static readonly string[] Vowels = { "a", "e", "i", "o", "u", "ai", "ea", "io" };
    private static readonly string[] Codas = { "", "n", "r", "l", "s", "x", "nt", "rk" };
    private static readonly string[] Trades = { "Systems", "Consulting", "Logistics", "Dental", "Partners", "Foods", "Legal", "Engineering", "Media", "Health", "Builders", "Capital" };
    private static readonly string[] LegalForms = { "Ltd", "Inc.", "LLC", "GmbH", "Pty Ltd", "", "" };

    public MatchingWorkload(int companyCount, int customerCount, int seed = 20240506)
    {
        var random = new Random(seed);
        var companies = new List<CompanyCandidate>(companyCount);
        var neighbourhoods = new HashSet<string>(StringComparer.Ordinal);
        var stems = new List<(string Word, string Trade)>();
        while (companies.Count < companyCount)
        {
            var word = Word(random, 3);
            var neighbourhood = WithDeletions(word, 2).ToList();
            if (neighbourhood.Any(neighbourhoods.Contains))
            {
                continue;
            }

            neighbourhoods.UnionWith(neighbourhood);
            word = Capitalise(word);
            var trade = Trades[random.Next(Trades.Length)];
            var name = $"{word} {trade} {LegalForms[random.Next(LegalForms.Length)]}".Trim();

            var id = 1000L + companies.Count;
            var web = companies.Count % 3 == 0 ? $"https://www.{word.ToLowerInvariant()}{trade.ToLowerInvariant()}.com/" : null;
            companies.Add(new CompanyCandidate(id, name, web, isActive: true, companyType: "Customer"));
            stems.Add((word, trade));
        }

        var customers = new List<(VendorCustomer Customer, long? CompanyId, CompanyMatchRule Rule)>(customerCount);
        for (var i = 0; i < customerCount; i++)
        {
            var kind = i % 10;
            var index = (int)((i * 7919L) % companyCount);
            var company = companies[index];
            var (word, trade) = stems[index];
            var customerId = $"cust-{i:D5}";
            switch (kind)
            {
                case 0:
                case 1:
                case 2:
                case 3:
                    customers.Add((new VendorCustomer("PartnerCenter", customerId, company.CompanyName), company.CompanyId, CompanyMatchRule.ExactName));
                    break;
                case 4:
                case 5:
                    customers.Add((new VendorCustomer("PartnerCenter", customerId, $"{word.ToUpperInvariant()}-{trade}, Limited"), company.CompanyId, CompanyMatchRule.NormalizedName));
                    break;
                case 6:
                    var withWeb = companies[index - (index % 3)];
                    customers.Add((
                        new VendorCustomer("PartnerCenter", customerId, $"Tenant {i}", new Uri(withWeb.WebAddress!).Host),
                        withWeb.CompanyId,
                        CompanyMatchRule.Domain));
                    break;
                case 7:
                case 8:
                    customers.Add((new VendorCustomer("PartnerCenter", customerId, $"{Transpose(word)} {trade}"), company.CompanyId, CompanyMatchRule.Fuzzy));
                    break;
                default:
                    customers.Add((new VendorCustomer("PartnerCenter", customerId, $"Qzx {i} Yqw"), null, CompanyMatchRule.None));
                    break;
            }
        }

        Companies = companies;
        Customers = customers;
    }

    public IReadOnlyList<CompanyCandidate> Companies { get; }

    public IReadOnlyList<(VendorCustomer Customer, long? CompanyId, CompanyMatchRule Rule)> Customers { get; }

    private static string Word(Random random, int syllables)
    {
        var word = string.Empty;
        for (var s = 0; s < syllables; s++)
        {
            word += Onsets[random.Next(Onsets.Length)] + Vowels[random.Next(Vowels.Length)];
        }

        return word + Codas[random.Next(Codas.Length)];
    }

    /// <summary>
    /// The word and every word made by deleting up to <paramref name="deletions"/> letters. Two invented words whose
    /// sets do not meet differ in more than that many letters, so a typo in one stays closest to it.
    /// </summary>
    private static IEnumerable<string> WithDeletions(string word, int deletions)
    {
        yield return word;
        if (deletions == 0)
        {
            yield break;
        }

        for (var i = 0; i < word.Length; i++)
        {
            foreach (var shorter in WithDeletions(word.Remove(i, 1), deletions - 1))
            {
                yield return shorter;
            }
        }
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

    /// <summary>Swaps two letters in the middle, the typo a person makes typing a customer's name.</summary>
    private static string Transpose(string word)
    {
        var letters = word.ToCharArray();
        var middle = letters.Length / 2;
        (letters[middle], letters[middle + 1]) = (letters[middle + 1], letters[middle]);
        return new string(letters);
    }
}
