namespace Autotask.Billing.Mapping;

/// <summary>
/// Resolves explicit customer mapping requests against Autotask in bulk — company names to ids, contracts to their
/// companies, a contract for each company given alone (as -Auto chooses one), and every named record checked to
/// exist — so that each can be confirmed with names before it is saved.
/// </summary>
public sealed class ContractMappingPlanner
{
    private readonly AutotaskCatalogReader? catalog;

    /// <param name="catalog">Null when not connected: then ids are taken as given and nothing is chosen or checked.</param>
    public ContractMappingPlanner(AutotaskCatalogReader? catalog)
    {
        this.catalog = catalog;
    }

    public async Task<IReadOnlyList<PlannedContractMapping>> PlanAsync(
        IReadOnlyList<ContractMappingRequest> requests, CancellationToken cancellationToken = default)
    {
        if (requests is null)
        {
            throw new ArgumentNullException(nameof(requests));
        }

        if (catalog is null)
        {
            return requests.Select(PlanOffline).ToList();
        }

        var byName = (await catalog.FindCompaniesByNameAsync(
                requests.Where(r => !r.CreateCompany && r.CompanyName is not null).Select(r => r.CompanyName!),
                cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.CompanyName.Trim(), StringComparer.OrdinalIgnoreCase);
        var givenContracts = (await catalog.ReadContractsAsync(
                requests.Where(r => !r.CreateCompany).Select(r => r.ContractId ?? 0), cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.ContractId);

        var steps = requests.Select(request => FirstStep(request, byName, givenContracts)).ToList();
        var toChoose = steps.Where(s => s.Problem is null && s.CompanyId is long && s.ContractId is null && !s.Request.CreateCompany && !s.Request.CreateContract)
            .Select(s => s.CompanyId!.Value);
        var activeContracts = (await catalog.ReadActiveRecurringContractsAsync(toChoose, cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.CompanyId);
        var companies = await catalog.ReadCompaniesAsync(steps.Select(s => s.CompanyId ?? 0), cancellationToken).ConfigureAwait(false);
        var companyIds = new HashSet<long>(companies.Select(c => c.CompanyId));
        var names = new MappingTargetNames()
            .AddCompanies(companies)
            .AddContracts(givenContracts.Values)
            .AddContracts(activeContracts.SelectMany(group => group));

        return steps.Select(step => Finish(step, activeContracts, companyIds, names)).ToList();
    }

    private static PlannedContractMapping PlanOffline(ContractMappingRequest request)
    {
        if (request.CreateCompany)
        {
            return Planned(request, MappingAction.Create, null, MappingAction.Create, null, MappingTargetNames.None);
        }

        if (request.CompanyId is null)
        {
            return Refused(request, request.CompanyName is null
                ? "give -CompanyId, -CompanyName or -CreateCompany, or use -Auto"
                : "a company can be given by name only when connected to Autotask; give -CompanyId");
        }

        if (request.ContractId is null && !request.CreateContract)
        {
            return Refused(request, "give -ContractId or -CreateContract; choosing the company's contract needs a connection to Autotask");
        }

        return Planned(
            request,
            MappingAction.Existing,
            request.CompanyId,
            request.CreateContract ? MappingAction.Create : MappingAction.Existing,
            request.CreateContract ? null : request.ContractId,
            MappingTargetNames.None);
    }

    private static Step FirstStep(
        ContractMappingRequest request, ILookup<string, CompanyCandidate> byName, Dictionary<long, ContractCandidate> givenContracts)
    {
        if (request.CreateCompany)
        {
            return new Step(request, null, null, null, false);
        }

        var companyId = request.CompanyId;
        if (companyId is long givenId && request.CompanyName is not null)
        {
            var named = byName[request.CompanyName.Trim()].Select(c => c.CompanyId).ToList();
            if (!named.Contains(givenId))
            {
                var others = named.Count == 0 ? "no company has that name" : $"that name is company {string.Join(", ", named)}";
                return new Step(request, null, null, $"company {givenId} is not named '{request.CompanyName.Trim()}' ({others}); give -CompanyId or -CompanyName, not both", false);
            }
        }

        if (companyId is null && request.CompanyName is not null)
        {
            var named = byName[request.CompanyName.Trim()].ToList();
            var active = named.Where(c => c.IsActive).ToList();
            var pick = active.Count > 0 ? active : named;
            if (pick.Count == 0)
            {
                return new Step(request, null, null, $"no Autotask company is named '{request.CompanyName.Trim()}'", true);
            }

            if (pick.Count > 1)
            {
                return new Step(request, null, null, $"{pick.Count} companies are named '{request.CompanyName.Trim()}' ({string.Join(", ", pick.Select(c => c.CompanyId))}); give -CompanyId", false);
            }

            companyId = pick[0].CompanyId;
        }

        if (request.ContractId is long contractId && !request.CreateContract)
        {
            if (!givenContracts.TryGetValue(contractId, out var contract))
            {
                return new Step(request, companyId, null, $"contract {contractId} does not exist in this Autotask database", true);
            }

            if (!contract.IsRecurringService)
            {
                return new Step(request, companyId, null, $"contract {contract} is not a Recurring Service contract, so it cannot hold contract services", false);
            }

            if (companyId is long given && given != contract.CompanyId)
            {
                return new Step(request, companyId, null, $"contract {contract} belongs to company {contract.CompanyId}, not to company {given}", false);
            }

            return new Step(request, contract.CompanyId, contractId, null, false);
        }

        return companyId is null
            ? new Step(request, null, null, "give -CompanyId, -CompanyName, -ContractId or -CreateCompany, or use -Auto", false)
            : new Step(request, companyId, null, null, false);
    }

    private static PlannedContractMapping Finish(
        Step step, ILookup<long, ContractCandidate> activeContracts, HashSet<long> companyIds, MappingTargetNames names)
    {
        var request = step.Request;
        if (step.Problem is not null)
        {
            return Refused(request, step.Problem, step.IsNotFound);
        }

        if (request.CreateCompany)
        {
            return Planned(request, MappingAction.Create, null, MappingAction.Create, null, names);
        }

        var companyId = step.CompanyId!.Value;
        if (!companyIds.Contains(companyId))
        {
            return Refused(request, $"company {companyId} does not exist in this Autotask database", isNotFound: true);
        }

        if (request.CreateContract)
        {
            return Planned(request, MappingAction.Existing, companyId, MappingAction.Create, null, names);
        }

        if (step.ContractId is long contractId)
        {
            return Planned(request, MappingAction.Existing, companyId, MappingAction.Existing, contractId, names);
        }

        var choice = ContractChoice.For(companyId, activeContracts[companyId]);
        return choice.IsChosen
            ? Planned(request, MappingAction.Existing, companyId, choice.Action, choice.Contract?.ContractId, names)
            : Refused(request, choice.Reason);
    }

    private static PlannedContractMapping Planned(
        ContractMappingRequest request, MappingAction companyAction, long? companyId, MappingAction contractAction, long? contractId, MappingTargetNames names)
    {
        var mapping = request.Options.ApplyTo(new CustomerMapping(request.Source, request.CustomerId)
        {
            CustomerName = string.IsNullOrWhiteSpace(request.CustomerName) ? null : request.CustomerName!.Trim(),
            CompanyAction = companyAction,
            CompanyId = companyId,
            ContractAction = contractAction,
            ContractId = contractId,
            Phone = Trimmed(request.Phone),
            Address = Trimmed(request.Address),
            City = Trimmed(request.City),
            State = Trimmed(request.State),
            PostalCode = Trimmed(request.PostalCode),
            WebAddress = Trimmed(request.WebAddress),
        });
        var problems = new List<MappingProblem>();
        MappingDocumentValidator.CheckCustomer(mapping, (property, message) => new MappingProblem(MappingText.CamelCase(property), message), problems);
        return problems.Count == 0
            ? new PlannedContractMapping(request, mapping, names.Describe(mapping), null, false)
            : Refused(request, string.Join("; ", problems));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private static PlannedContractMapping Refused(ContractMappingRequest request, string problem, bool isNotFound = false) =>
        new(request, null, request.Customer, $"{request.Customer}: {problem}", isNotFound);

    private sealed class Step
    {
        public Step(ContractMappingRequest request, long? companyId, long? contractId, string? problem, bool isNotFound)
        {
            Request = request;
            CompanyId = companyId;
            ContractId = contractId;
            Problem = problem;
            IsNotFound = isNotFound;
        }

        public ContractMappingRequest Request { get; }

        public long? CompanyId { get; }

        public long? ContractId { get; }

        public string? Problem { get; }

        public bool IsNotFound { get; }
    }
}
