namespace Autotask.Billing.Mapping;

/// <summary>
/// The -Auto workflow of New-AtContractMapping: proposes a company for every vendor customer the document does not
/// map yet (all companies read once, in pages of 500), then a contract for every accepted company (their active
/// Recurring Service contracts read in bulk): its only one, a new one when it has none, or none — for review — when
/// it has several. Only proposals at or above the minimum confidence with a chosen contract become mappings.
/// </summary>
public sealed class ContractMappingAutoMatcher
{
    private readonly AutotaskCatalogReader catalog;

    public ContractMappingAutoMatcher(AutotaskCatalogReader catalog)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    public double MinimumConfidence { get; init; } = CompanyMatcher.DefaultMinimumConfidence;

    public CustomerMappingOptions Options { get; init; } = CustomerMappingOptions.Default;

    public async Task<ContractMappingAutoResult> MatchAsync(
        IEnumerable<VendorCustomer> customers,
        MappingDocument document,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var distinct = VendorCustomers.Distinct(customers);
        var alreadyMapped = distinct.Where(c => document.FindCustomer(c.Source, c.CustomerId) is not null).ToList();
        var unmapped = distinct.Where(c => document.FindCustomer(c.Source, c.CustomerId) is null).ToList();
        if (unmapped.Count == 0)
        {
            return new ContractMappingAutoResult(Array.Empty<ContractMappingMatch>(), alreadyMapped, Array.Empty<CompanyCandidate>());
        }

        progress?.Report("Reading Autotask companies");
        var companies = await catalog.ReadCompaniesAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report($"Matching {unmapped.Count:N0} customers against {companies.Count:N0} companies");
        var matcher = new CompanyMatcher(companies) { MinimumConfidence = MinimumConfidence };
        var proposals = unmapped.Select(matcher.Propose).ToList();

        var accepted = proposals.Where(p => p.IsAccepted && p.CompanyId is not null).Select(p => p.CompanyId!.Value).ToList();
        progress?.Report($"Reading the contracts of {accepted.Distinct().Count():N0} companies");
        var contracts = await catalog.ReadActiveRecurringContractsAsync(accepted, cancellationToken).ConfigureAwait(false);
        var contractsByCompany = contracts.ToLookup(c => c.CompanyId);
        var names = new MappingTargetNames().AddCompanies(companies).AddContracts(contracts);

        var matches = new List<ContractMappingMatch>(proposals.Count);
        foreach (var proposal in proposals)
        {
            matches.Add(Decide(proposal, contractsByCompany, names));
        }

        return new ContractMappingAutoResult(matches, alreadyMapped, companies);
    }

    private ContractMappingMatch Decide(MatchProposal proposal, ILookup<long, ContractCandidate> contractsByCompany, MappingTargetNames names)
    {
        var customer = MappingTargetNames.Customer(proposal.Source, proposal.CustomerId, proposal.CustomerName);
        if (!proposal.IsAccepted || proposal.CompanyId is not long companyId)
        {
            return new ContractMappingMatch(proposal, null, customer);
        }

        var choice = ContractChoice.For(companyId, contractsByCompany[companyId]);
        if (!choice.IsChosen)
        {
            var review = Rebuild(proposal, isAccepted: false, $"{proposal.Reason}; {choice.Reason}");
            return new ContractMappingMatch(review, null, customer);
        }

        var mapping = Options.ApplyTo(new CustomerMapping(proposal.Source, proposal.CustomerId)
        {
            // Stored trimmed, as every other way into the store stores text (and as Import-Csv | Set-AtContractMapping reads it back).
            CustomerName = string.IsNullOrWhiteSpace(proposal.CustomerName) ? null : proposal.CustomerName.Trim(),
            CompanyAction = MappingAction.Existing,
            CompanyId = companyId,
            ContractAction = choice.Action,
            ContractId = choice.Contract?.ContractId,
        });
        return new ContractMappingMatch(Rebuild(proposal, isAccepted: true, $"{proposal.Reason}; {choice.Reason}"), mapping, names.Describe(mapping));
    }

    private static MatchProposal Rebuild(MatchProposal proposal, bool isAccepted, string reason) =>
        new(
            new VendorCustomer(proposal.Source, proposal.CustomerId, proposal.CustomerName),
            new MatchCandidate(proposal.CompanyId!.Value, proposal.CompanyName!, proposal.Confidence, proposal.Rule, isActive: true),
            proposal.Confidence,
            isAccepted,
            proposal.IsAmbiguous,
            reason,
            proposal.RunnersUp);
}
