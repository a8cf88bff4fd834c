using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>
/// Maps vendor customers to Autotask companies and contracts. With -Auto (billing lines piped in, many per customer)
/// it proposes a company for every unmapped customer — all companies read once — and saves the proposals at or above
/// -MinimumConfidence whose contract it can choose; every proposal is returned, saved or not. Otherwise the company is
/// given by -CompanyId or -CompanyName (its only active Recurring Service contract is used unless -ContractId or
/// -CreateContract says otherwise) or created with -CreateCompany. Customers already mapped are left alone.
/// </summary>
[Cmdlet(VerbsCommon.New, "AtContractMapping", DefaultParameterSetName = CompanySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MatchProposal), ParameterSetName = new[] { AutoSet })]
[OutputType(typeof(CustomerMapping), ParameterSetName = new[] { CompanySet, CreateCompanySet })]
public sealed class NewAtContractMappingCommand : MappingCmdlet
{
    private const string AutoSet = "Auto";
    private const string CompanySet = "Company";
    private const string CreateCompanySet = "CreateCompany";

    private MappingDocument? _storedForSources;
    private readonly List<VendorCustomer> _customers = new();
    private readonly List<ContractMappingRequest> _requests = new();
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The vendor the customer belongs to (Generic, PartnerCenter, Pax8, ...); binds from billing lines.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MappingSourceCompleter))]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string Source { get; set; } = string.Empty;

    /// <summary>The vendor's id for the customer.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [RestoreGuardedText]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The vendor's name for the customer; -Auto matches company names against it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [RestoreGuardedText]
    public string? CustomerName { get; set; }

    /// <summary>The customer's e-mail or tenant domain; -Auto matches company web addresses against it.</summary>
    [Parameter(ParameterSetName = AutoSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Domain")]
    [RestoreGuardedText]
    public string? CustomerDomain { get; set; }

    /// <summary>Proposes a company for each customer and saves the proposals sure enough to need no review.</summary>
    [Parameter(ParameterSetName = AutoSet, Mandatory = true)]
    public SwitchParameter Auto { get; set; }

    /// <summary>Proposals at or above this confidence are saved: 1.0 exact name, 0.95 normalised name (the default), 0.9 domain, below that similar names.</summary>
    [Parameter(ParameterSetName = AutoSet)]
    [ValidateRange(0.0, 1.0)]
    public double MinimumConfidence { get; set; } = CompanyMatcher.DefaultMinimumConfidence;

    /// <summary>The Autotask company; binds from -Auto proposals piped back in after review.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long? CompanyId { get; set; }

    /// <summary>The Autotask company by its exact name.</summary>
    [Parameter(ParameterSetName = CompanySet)]
    [ArgumentCompleter(typeof(CompanyNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? CompanyName { get; set; }

    /// <summary>The Recurring Service contract; its company is used when no company is given.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long? ContractId { get; set; }

    /// <summary>Sync creates a contract in the company.</summary>
    [Parameter(ParameterSetName = CompanySet)]
    public SwitchParameter CreateContract { get; set; }

    /// <summary>Sync creates the company and its contract.</summary>
    [Parameter(ParameterSetName = CreateCompanySet, Mandatory = true)]
    public SwitchParameter CreateCompany { get; set; }

    /// <summary>The customer's own pricing strategy; default the store's.</summary>
    [Parameter]
    public PricingStrategy? PricingStrategy { get; set; }

    /// <summary>The customer's own effective-date policy; default the store's.</summary>
    [Parameter]
    public EffectiveDatePolicy? EffectiveDatePolicy { get; set; }

    /// <summary>Vendor lines before this date are ignored for the customer.</summary>
    [Parameter]
    public DateTime? SyncStartDate { get; set; }

    /// <summary>Whether sync handles the customer (default $true).</summary>
    [Parameter]
    public bool Export { get; set; } = true;

    [Parameter]
    public string? Notes { get; set; }

    /// <summary>The customer's main phone for the company sync creates (Autotask requires one); binds from billing lines' CustomerPhone.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = CreateCompanySet, ValueFromPipelineByPropertyName = true)]
    [Alias("CustomerPhone")]
    [RestoreGuardedText]
    public string? Phone { get; set; }

    /// <summary>Street address (first line) for the company sync creates.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = CreateCompanySet, ValueFromPipelineByPropertyName = true)]
    [Alias("CustomerAddress")]
    [RestoreGuardedText]
    public string? Address { get; set; }

    /// <summary>City for the company sync creates.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = CreateCompanySet, ValueFromPipelineByPropertyName = true)]
    [Alias("CustomerCity")]
    [RestoreGuardedText]
    public string? City { get; set; }

    /// <summary>State or province.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = CreateCompanySet, ValueFromPipelineByPropertyName = true)]
    [Alias("CustomerState")]
    [RestoreGuardedText]
    public string? State { get; set; }

    /// <summary>Postal or ZIP code for the company sync creates.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = CreateCompanySet, ValueFromPipelineByPropertyName = true)]
    [Alias("CustomerPostalCode")]
    [RestoreGuardedText]
    public string? PostalCode { get; set; }

    /// <summary>The company's web site; without it sync uses the customer's domain.</summary>
    [Parameter(ParameterSetName = CompanySet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = CreateCompanySet, ValueFromPipelineByPropertyName = true)]
    [RestoreGuardedText]
    public string? WebAddress { get; set; }

    protected override void ProcessRecord()
    {
        if (KnownSource(Source, () => _storedForSources ??= ReadDocument()) is not { } source)
        {
            return;
        }

        Source = source;
        if (!_seen.Add(Source.Trim() + "\u001F" + CustomerId.Trim()))
        {
            return;
        }

        if (ParameterSetName == AutoSet)
        {
            _customers.Add(new VendorCustomer(Source, CustomerId, CustomerName ?? string.Empty, CustomerDomain));
            return;
        }

        _requests.Add(new ContractMappingRequest(Source, CustomerId)
        {
            CustomerName = CustomerName,
            CompanyId = CompanyId,
            CompanyName = CompanyName,
            ContractId = ContractId,
            CreateCompany = CreateCompany,
            CreateContract = CreateContract,
            Options = Options(),
            Phone = Phone,
            Address = Address,
            City = City,
            State = State,
            PostalCode = PostalCode,
            WebAddress = WebAddress,
        });
    }

    protected override void EndProcessing()
    {
        if (_customers.Count == 0 && _requests.Count == 0)
        {
            return;
        }

        var document = ReadDocument();
        if (ParameterSetName == AutoSet)
        {
            MatchAutomatically(document);
        }
        else
        {
            MapAsRequested(document);
        }
    }

    private void MatchAutomatically(MappingDocument document)
    {
        var connection = RequireConnection();
        var matcher = new ContractMappingAutoMatcher(new AutotaskCatalogReader(connection.Client)) { MinimumConfidence = MinimumConfidence, Options = Options() };
        ContractMappingAutoResult result;
        using (var progress = new ThrottledProgress(WriteProgress, ProgressActivities.MatchCustomers, "Matching vendor customers to Autotask companies"))
        {
            result = RunAutotask(token => matcher.MatchAsync(_customers, document, PipelineProgress<string>(status => progress.Report(status, force: true)), token));
        }

        if (result.Companies.Count > 0)
        {
            ConnectionNameCache.Remember(connection, CachedNameKind.Company, result.Companies.Select(c => c.CompanyName));
        }

        foreach (var customer in result.AlreadyMapped)
        {
            WriteVerbose($"{MappingTargetNames.Customer(customer.Source, customer.CustomerId, customer.CustomerName)} is already mapped; left as it is (Set-AtContractMapping changes it).");
        }

        var approved = new List<CustomerMapping>();
        foreach (var match in result.Matches)
        {
            if (match.Mapping is not null && ShouldProcess(match.Target, "Add the customer mapping"))
            {
                approved.Add(match.Mapping);
            }

            WriteObject(MappingSpreadsheetText.Guarded(match.Proposal));
        }

        WriteVerbose($"{result.Matches.Count(m => m.Mapping is not null)} of {result.Matches.Count} unmapped customers can be mapped without review.");
        Save(approved);
    }

    private void MapAsRequested(MappingDocument document)
    {
        var requests = new List<ContractMappingRequest>();
        foreach (var request in _requests)
        {
            if (document.FindCustomer(request.Source, request.CustomerId) is { } existing)
            {
                var exception = new InvalidOperationException($"{request.Customer} is already mapped. Use Set-AtContractMapping to change its mapping.");
                WriteError(ErrorRecords.Create(exception, ErrorIds.MappingExists, ErrorCategory.ResourceExists, existing));
                continue;
            }

            requests.Add(request);
        }

        var connection = OptionalConnection;
        var planner = new ContractMappingPlanner(CatalogOf(connection));
        var plans = requests.Count == 0 ? Array.Empty<PlannedContractMapping>() : RunAutotask(token => planner.PlanAsync(requests, token));
        var approved = new List<CustomerMapping>();
        foreach (var plan in plans)
        {
            if (plan.Mapping is null)
            {
                WriteTargetError(plan.Problem!, plan.IsNotFound, plan.Request.Customer);
            }
            else if (ShouldProcess(plan.Target, "Add the customer mapping"))
            {
                approved.Add(plan.Mapping);
            }
        }

        foreach (var added in Save(approved))
        {
            WriteObject(MappingSpreadsheetText.Guarded(added));
        }
    }

    private IReadOnlyList<CustomerMapping> Save(List<CustomerMapping> approved)
    {
        if (approved.Count == 0)
        {
            return Array.Empty<CustomerMapping>();
        }

        IReadOnlyList<CustomerMapping> added = Array.Empty<CustomerMapping>();
        var saved = SaveChanges(current =>
        {
            var change = MappingDocumentChanges.AddNewCustomers(current, approved, DateTime.UtcNow);
            added = change.Added;
            return change.Document;
        });
        foreach (var skipped in approved.Where(m => !added.Contains(m)))
        {
            WriteVerbose($"{MappingTargetNames.Customer(skipped.Source, skipped.CustomerId, skipped.CustomerName)} was mapped by another run meanwhile; that mapping is kept.");
        }

        WriteVerbose($"Added {added.Count} customer mapping(s).");
        return added.Select(m => saved.FindCustomer(m.Source, m.CustomerId)!).ToList();
    }

    private CustomerMappingOptions Options() => new()
    {
        Export = Export,
        PricingStrategy = PricingStrategy,
        EffectiveDatePolicy = EffectiveDatePolicy,
        SyncStartDate = UtcDate.From(SyncStartDate),
        Notes = Notes,
    };
}
