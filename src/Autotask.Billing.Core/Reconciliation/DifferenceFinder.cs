using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Mapping;
using static Autotask.Billing.Reconciliation.DifferenceText;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Works out the differences of a planned run against a snapshot, one contract (or unmapped group) at a time, so the
/// caller can stream them. The rules are ContractComparer's; this is where they are applied.
/// </summary>
internal sealed class DifferenceFinder
{
    // Past this many services on a contract a set or index beats a scan of a short array.
    private const int IndexFrom = 64;

    private readonly ContractSnapshot _snapshot;
    private readonly MappingDocument _mapping;
    private readonly ComparisonPlan _plan;
    private readonly CompareOptions _options;
    private readonly BillingSettings _settings;
    private readonly QuantityGuardrail _guardrail;
    private readonly RemovalPolicy _removalPolicy;
    private readonly MatchSuggestions _suggestions;
    private readonly DateTime _asOf;
    private readonly string _currency;
    private readonly Dictionary<long, List<ServiceMapping>> _skuMappingsByService;
    private readonly Dictionary<string, HashSet<string>> _vendorSkusBySource = new(StringComparer.OrdinalIgnoreCase);

    public DifferenceFinder(
        ContractSnapshot snapshot, MappingDocument mapping, ComparisonPlan plan, ComparisonInput input, CompareOptions options)
    {
        _snapshot = snapshot;
        _mapping = mapping;
        _plan = plan;
        _options = options;
        _settings = mapping.Settings;
        _guardrail = new QuantityGuardrail(
            options.QuantityChangeThresholdPercent ?? _settings.QuantityChangeThresholdPercent,
            options.QuantityChangeMinimumUnits ?? _settings.QuantityChangeMinimumUnits);
        _removalPolicy = options.RemovalPolicy ?? _settings.RemovalPolicy;
        _suggestions = new MatchSuggestions(snapshot, _settings);
        _asOf = input.AsOf;
        _currency = options.Currency!;
        _skuMappingsByService = mapping.Services
            .Where(m => m.ServiceId is not null)
            .GroupBy(m => m.ServiceId!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (source, sku) in mapping.Services.Select(m => (m.Source, m.Sku))
                     .Concat(input.Seats.Select(s => (s.Source, s.Sku)))
                     .Concat(input.Charges.Select(c => (c.Source, c.Sku))))
        {
            if (!_vendorSkusBySource.TryGetValue(source.Trim(), out var skus))
            {
                _vendorSkusBySource[source.Trim()] = skus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            skus.Add(sku.Trim());
        }
    }

    public IEnumerable<ContractDifference> Unmapped()
    {
        foreach (var seat in _plan.UnmappedSeats)
        {
            yield return UnmappedCustomer(SeatDraft(new VendorDemand(new[] { seat }), null), seat.Source, seat.CustomerId, seat.CustomerName, seat.CustomerDomain);
        }

        foreach (var line in _plan.UnmappedCharges)
        {
            yield return UnmappedCustomer(ChargeDraft(line, null), line.Source, line.CustomerId, line.CustomerName, line.CustomerDomain);
        }
    }

    public IEnumerable<ContractDifference> ForContract(ContractWork work)
    {
        _snapshot.Contracts.TryGetValue(work.ContractId, out var contract);
        var seats = new List<TransactionSummary>(work.Seats.Count);
        foreach (var seat in work.Seats)
        {
            var screened = StopsAtScreen(seat.Source, seat.Sku, seat.Currency)
                ? Screen(SeatDraft(new VendorDemand(new[] { seat }), Customer(seat.Source, seat.CustomerId)), seat.Source, seat.Sku, seat.Currency, ChargeType.Recurring, contract)
                : null;
            if (screened is null)
            {
                seats.Add(seat);
            }
            else
            {
                yield return screened;
            }
        }

        var charges = new List<Transaction>(work.Charges.Count);
        foreach (var line in work.Charges)
        {
            var screened = StopsAtScreen(line.Source, line.Sku, line.Currency)
                ? Screen(ChargeDraft(line, Customer(line.Source, line.CustomerId)), line.Source, line.Sku, line.Currency, line.ChargeType, contract)
                : null;
            if (screened is null)
            {
                charges.Add(line);
            }
            else
            {
                yield return screened;
            }
        }

        var demands = Demands(seats);
        if (contract is null || IsExpired(contract))
        {
            foreach (var demand in demands)
            {
                yield return BlockedContract(SeatDraft(demand, Customer(demand.First.Source, demand.First.CustomerId)), work.ContractId, contract);
            }

            foreach (var line in charges)
            {
                yield return BlockedContract(ChargeDraft(line, Customer(line.Source, line.CustomerId)), work.ContractId, contract);
            }

            yield break;
        }

        foreach (var demand in demands)
        {
            var difference = Compare(contract, demand);
            if (difference is not null)
            {
                yield return difference;
            }
        }

        foreach (var removed in Removals(contract, work, demands))
        {
            yield return removed;
        }

        foreach (var line in charges)
        {
            var charge = Charge(ChargeDraft(line, Customer(line.Source, line.CustomerId)), line, contract);
            if (charge is not null)
            {
                yield return charge;
            }
        }
    }

    public IEnumerable<ContractDifference> ForCustomersToCreate()
    {
        foreach (var group in _plan.CreateSeats.GroupBy(s => MappingKeys.Of(s.Source, s.CustomerId), StringComparer.OrdinalIgnoreCase))
        {
            var customer = Customer(group.First().Source, group.First().CustomerId)!;
            var seats = new List<TransactionSummary>();
            foreach (var seat in group)
            {
                var screened = Screen(SeatDraft(new VendorDemand(new[] { seat }), customer), seat.Source, seat.Sku, seat.Currency, ChargeType.Recurring, null);
                if (screened is null)
                {
                    seats.Add(seat);
                }
                else
                {
                    yield return screened;
                }
            }

            foreach (var demand in Demands(seats))
            {
                yield return ToCreate(SeatDraft(demand, customer), customer, _mapping.FindService(demand.First.Source, demand.First.Sku)!, demand.Quantity);
            }
        }

        foreach (var line in _plan.CreateCharges)
        {
            var customer = Customer(line.Source, line.CustomerId)!;
            var draft = ChargeDraft(line, customer);
            var screened = Screen(draft, line.Source, line.Sku, line.Currency, line.ChargeType, null);
            yield return screened ?? ToCreate(draft, customer, _mapping.FindService(line.Source, line.Sku), line.Quantity, line);
        }
    }

    /// <summary>
    /// The seats summed per service they bill into, in the order of each service's first seat: seats of SKUs mapped
    /// to one existing service are one demand; so are seats of SKUs sync is to create under the same SKU (ignoring case).
    /// </summary>
    private List<VendorDemand> Demands(List<TransactionSummary> seats)
    {
        // At most one service per seat: the arrays never grow.
        var keys = new ServiceMapping[seats.Count];
        var firsts = new TransactionSummary[seats.Count];
        var groups = new List<TransactionSummary>?[seats.Count];
        var count = 0;
        Dictionary<long, int>? byService = null;
        Dictionary<string, int>? byCreatedSku = null;
        foreach (var seat in seats)
        {
            var mapping = _mapping.FindService(seat.Source, seat.Sku)!;
            var created = mapping.CreatesService;
            var at = -1;
            if (byService is not null)
            {
                if (created ? !byCreatedSku!.TryGetValue(mapping.Sku, out at) : !byService.TryGetValue(mapping.ServiceId!.Value, out at))
                {
                    at = -1;
                }
            }
            else
            {
                for (var i = 0; i < count && at < 0; i++)
                {
                    at = SameService(keys[i], mapping) ? i : -1;
                }
            }

            if (at >= 0)
            {
                (groups[at] ??= new List<TransactionSummary> { firsts[at] }).Add(seat);
                continue;
            }

            keys[count] = mapping;
            firsts[count] = seat;
            count++;
            if (byService is null && count > IndexFrom)
            {
                // Past dozens of services a scan of them per seat costs more than an index.
                byService = new Dictionary<long, int>();
                byCreatedSku = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < count; i++)
                {
                    Index(keys[i], i);
                }
            }
            else if (byService is not null)
            {
                Index(mapping, count - 1);
            }
        }

        var demands = new List<VendorDemand>(count);
        for (var i = 0; i < count; i++)
        {
            demands.Add(new VendorDemand(groups[i] ?? (IReadOnlyList<TransactionSummary>)new[] { firsts[i] }));
        }

        return demands;

        void Index(ServiceMapping mapping, int at)
        {
            if (mapping.CreatesService)
            {
                byCreatedSku![mapping.Sku] = at;
            }
            else
            {
                byService![mapping.ServiceId!.Value] = at;
            }
        }
    }

    // Two SKU mappings bill into one service: the same existing service, or SKUs sync is to create with the same name.
    private static bool SameService(ServiceMapping left, ServiceMapping right)
    {
        var leftCreated = left.CreatesService;
        var rightCreated = right.CreatesService;
        return leftCreated == rightCreated
            && (leftCreated ? string.Equals(left.Sku, right.Sku, StringComparison.OrdinalIgnoreCase) : left.ServiceId == right.ServiceId);
    }

    private CustomerMapping? Customer(string source, string customerId) => _mapping.FindCustomer(source, customerId);

    private EffectiveDatePolicy PolicyFor(CustomerMapping? customer) =>
        customer?.EffectiveDatePolicy ?? _options.EffectiveDatePolicy ?? _settings.DefaultEffectiveDatePolicy;

    private PricingStrategy StrategyFor(CustomerMapping? customer) =>
        customer is null ? _settings.DefaultPricingStrategy : _settings.PricingStrategyFor(customer);

    private DifferenceDraft SeatDraft(VendorDemand demand, CustomerMapping? customer)
    {
        var first = demand.First;
        TransactionSummary? contact = null;
        string? phone = null;
        foreach (var seat in demand.Seats)
        {
            if (contact is null && HasAddress(seat.CustomerAddress, seat.CustomerCity, seat.CustomerState, seat.CustomerPostalCode))
            {
                contact = seat;
            }

            if (phone is null && !string.IsNullOrWhiteSpace(seat.CustomerPhone))
            {
                phone = seat.CustomerPhone;
            }
        }

        contact ??= first;
        return WithContact(new DifferenceDraft
        {
            Source = demand.Source,
            CustomerId = demand.CustomerId,
            CustomerIds = demand.CustomerIds,
            CustomerName = demand.CustomerName,
            CustomerDomain = first.CustomerDomain,
            Sku = demand.Sku,
            ProductName = demand.ProductName,
            ChargeType = ChargeType.Recurring,
            VendorQuantity = demand.Quantity,
            Currency = string.IsNullOrWhiteSpace(first.Currency) ? _currency : first.Currency.Trim().ToUpperInvariant(),
            VendorUnitPrice = VendorUnitPrice(demand),
            VendorUnitCost = demand.UnitCost,
            VendorChangeDate = demand.ChangeDate,
            PriceDate = demand.PriceDate,
            SubscriptionStart = demand.SubscriptionStart,
            AsOf = _asOf,
            Demand = demand,
            PricingStrategy = StrategyFor(customer),
            EffectiveDatePolicy = PolicyFor(customer),
            CompanyId = customer?.CompanyId,
            ContractId = customer?.ContractId,
            CreateCompany = customer?.CompanyAction == MappingAction.Create,
            CreateContract = customer is not null && customer.CreatesContract,
        }, customer, phone, contact.CustomerAddress, contact.CustomerCity, contact.CustomerState, contact.CustomerPostalCode);
    }

    private DifferenceDraft ChargeDraft(Transaction line, CustomerMapping? customer) => WithContact(new DifferenceDraft
    {
        Source = line.Source,
        CustomerId = line.CustomerId,
        CustomerIds = new[] { line.CustomerId },
        CustomerName = line.CustomerName,
        CustomerDomain = line.CustomerDomain,
        Sku = line.Sku,
        ProductName = line.ProductName,
        Description = line.Description,
        ChargeType = line.ChargeType,
        VendorQuantity = line.Quantity,
        Currency = string.IsNullOrWhiteSpace(line.Currency) ? _currency : line.Currency.Trim().ToUpperInvariant(),
        VendorUnitPrice = VendorPrices.UnitPrice(_settings, line.UnitPrice, line.ListUnitPrice, line.UnitCost),
        VendorUnitCost = line.UnitCost,
        VendorAmount = line.Amount,
        ChargeKind = line.Kind,
        SubscriptionStart = line.SubscriptionStart ?? line.ServiceStart,
        VendorChangeDate = line.ServiceStart,
        AsOf = _asOf,
        TransactionId = line.TransactionId,
        ChargeDate = line.ServiceStart ?? line.ServiceEnd ?? _asOf,
        SourceLines = $"{line.SourceFile}:{line.SourceLine}",
        TransactionIds = line.TransactionId,
        SubscriptionIds = line.SubscriptionId,
        PricingStrategy = StrategyFor(customer),
        EffectiveDatePolicy = PolicyFor(customer),
        CompanyId = customer?.CompanyId,
        ContractId = customer?.ContractId,
        CreateCompany = customer?.CompanyAction == MappingAction.Create,
        CreateContract = customer is not null && customer.CreatesContract,
    }, customer, line.CustomerPhone, line.CustomerAddress, line.CustomerCity, line.CustomerState, line.CustomerPostalCode);

    private static bool HasAddress(string? address, string? city, string? state, string? postalCode) =>
        !string.IsNullOrWhiteSpace(address) || !string.IsNullOrWhiteSpace(city) || !string.IsNullOrWhiteSpace(state) || !string.IsNullOrWhiteSpace(postalCode);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    /// <summary>
    /// Contact details for a company sync may create: the mapping's when it has them, else the vendor data's. The
    /// address is taken whole from one of the two, never pieced together.
    /// </summary>
    private static DifferenceDraft WithContact(
        DifferenceDraft draft, CustomerMapping? customer, string? phone, string? address, string? city, string? state, string? postalCode)
    {
        draft.CustomerPhone = Trimmed(customer?.Phone) ?? Trimmed(phone);
        draft.CustomerWebAddress = Trimmed(customer?.WebAddress);
        if (customer is not null && HasAddress(customer.Address, customer.City, customer.State, customer.PostalCode))
        {
            (address, city, state, postalCode) = (customer.Address, customer.City, customer.State, customer.PostalCode);
        }

        draft.CustomerAddress = Trimmed(address);
        draft.CustomerCity = Trimmed(city);
        draft.CustomerState = Trimmed(state);
        draft.CustomerPostalCode = Trimmed(postalCode);
        return draft;
    }

    private void OnContract(DifferenceDraft draft, Contract contract)
    {
        draft.ContractId = contract.Id;
        draft.ContractName = contract.ContractName;
        draft.CompanyId = contract.CompanyID;
        draft.CompanyName = _snapshot.CompanyOf(contract.CompanyID)?.CompanyName;
    }

    private string Of(DifferenceDraft draft) =>
        string.IsNullOrWhiteSpace(draft.ProductName) ? draft.Sku : $"{draft.ProductName} ({draft.Sku})";

    /// <summary>Whether <see cref="Screen"/> stops the line: most lines pass, so their drafts need not be built to learn it.</summary>
    private bool StopsAtScreen(string source, string sku, string currency) =>
        _plan.IsForeignCurrency(currency) || _mapping.FindService(source, sku) is null;

    /// <summary>Currency and SKU mapping come first: a line in another currency, or of an unmapped SKU, goes no further.</summary>
    private ContractDifference? Screen(DifferenceDraft draft, string source, string sku, string currency, ChargeType chargeType, Contract? contract)
    {
        if (contract is not null)
        {
            OnContract(draft, contract);
        }
        else if (draft.CompanyId is long companyId)
        {
            draft.CompanyName = _snapshot.CompanyOf(companyId)?.CompanyName;
        }

        if (!StopsAtScreen(source, sku, currency))
        {
            return null;
        }

        if (_plan.IsForeignCurrency(currency))
        {
            draft.Kind = DifferenceKind.CurrencyMismatch;
            draft.Rule = "TenantCurrency";
            draft.Reason = $"{draft.CustomerName} is billed {Units(draft.VendorQuantity)} × {Of(draft)} by {draft.Source} in {draft.Currency}, "
                + $"but Autotask bills in {_currency}. Reported only: amounts are never converted; bill it by hand or correct the export.";
            return draft.Build();
        }

        // Nothing unmapped is guessed at: a one-time, usage or credit line of an unmapped SKU is never charged.
        var (text, id) = chargeType == ChargeType.Recurring ? _suggestions.ForService(source, sku) : _suggestions.ForProduct(source, sku);
        draft.Kind = DifferenceKind.UnmappedSku;
        draft.Rule = "SkuMapping";
        draft.Suggestions = text;
        draft.SuggestedServiceId = chargeType == ChargeType.Recurring ? id : null;
        SetVendorImpact(draft);
        var catalog = chargeType == ChargeType.Recurring ? "service" : "product";
        draft.Reason = $"{draft.Source} SKU {Of(draft)} has no mapping to an Autotask {catalog}, so {draft.CustomerName}'s "
            + $"{Units(draft.VendorQuantity)} × {Money(draft.VendorUnitPrice, draft.Currency)} is not compared. Map the SKU; suggested: {text}";
        return draft.Build();
    }

    private ContractDifference UnmappedCustomer(DifferenceDraft draft, string source, string customerId, string customerName, string? domain)
    {
        var (text, companyId) = _suggestions.ForCustomer(source, customerId, customerName, domain);
        draft.Kind = DifferenceKind.UnmappedCustomer;
        draft.Rule = "CustomerMapping";
        draft.Suggestions = text;
        draft.SuggestedCompanyId = companyId;
        SetVendorImpact(draft);
        draft.Reason = $"{source} customer {customerName} ({customerId}) has no mapping to an Autotask company and contract, so "
            + $"{Units(draft.VendorQuantity)} × {Of(draft)} at {Money(draft.VendorUnitPrice, draft.Currency)} is not billed through Autotask. "
            + $"Map the customer; suggested: {text}";
        return draft.Build();
    }

    private bool IsExpired(Contract contract) => contract.EndDate is DateTime end && end.Date < _asOf;

    private ContractDifference BlockedContract(DifferenceDraft draft, long contractId, Contract? contract)
    {
        if (contract is null)
        {
            draft.Kind = DifferenceKind.MissingContract;
            draft.Rule = "MappedContractNotFound";
            draft.Reason = $"{draft.CustomerName} is mapped to contract {contractId}, which Autotask does not have. "
                + $"{Units(draft.VendorQuantity)} × {Of(draft)} cannot be synced; map the customer to an existing contract or to Create.";
            return draft.Build();
        }

        draft.Kind = DifferenceKind.ContractExpired;
        draft.Rule = "ContractEndDate";
        draft.Reason = $"Contract '{contract.ContractName}' ended on {Date(contract.EndDate)}, before {Date(_asOf)}, so "
            + $"{draft.CustomerName}'s {Units(draft.VendorQuantity)} × {Of(draft)} cannot be synced. Renew the contract or map the customer to its successor.";
        return draft.Build();
    }

    private ContractDifference? Compare(Contract contract, VendorDemand demand)
    {
        var customer = Customer(demand.First.Source, demand.First.CustomerId);
        var skuMapping = _mapping.FindService(demand.First.Source, demand.First.Sku)!;
        if (!_options.IncludeMatch && InStep(contract, demand, customer, skuMapping))
        {
            // Most services of a month's run are in step and no Match is asked for: no draft is built for them.
            return null;
        }

        var draft = SeatDraft(demand, customer);
        OnContract(draft, contract);
        if (contract.ContractType != Contract.RecurringServiceType)
        {
            draft.Kind = DifferenceKind.MissingContract;
            draft.Rule = "RecurringServiceContractOnly";
            draft.Reason = $"Contract '{contract.ContractName}' is a {_snapshot.ContractTypeLabel(contract) ?? "non-recurring"} contract; only Recurring Service "
                + $"contracts carry services, so {draft.CustomerName}'s {Units(draft.VendorQuantity)} × {Of(draft)} cannot be synced. Map the customer to a Recurring Service contract.";
            return draft.Build();
        }

        if (skuMapping.CreatesService)
        {
            return MissingService(draft, contract, skuMapping, null);
        }

        var service = _snapshot.ServiceOf(skuMapping.ServiceId);
        if (service is null)
        {
            return MissingService(draft, contract, skuMapping, skuMapping.ServiceId);
        }

        draft.ServiceId = service.Id;
        draft.ServiceName = service.Name;
        draft.ServiceIsActive = service.IsActive;
        var contractService = ServiceOnContract(contract.Id, service.Id);
        if (_snapshot.UnknownServicePeriod(service) is { } period)
        {
            draft.ContractServiceId = contractService?.Id;
            draft.AutotaskQuantity = contractService is null ? 0m : (decimal)(_snapshot.UnitsOf(contractService.Id)?.Units ?? 0);
            return UnknownPeriod(draft, service, period, $"{draft.CustomerName} is billed {Units(draft.VendorQuantity)} × {Of(draft)} by {draft.Source}");
        }

        return contractService is null
            ? NewService(draft, contract, service)
            : OnContractService(draft, contract, service, contractService);
    }

    /// <summary>
    /// A comparison with a service whose period type cannot be turned into months (a tenant's own picklist value):
    /// its prices cannot be set from the vendor's price per month, nor its impact told, so it is reported and never
    /// synced (BILLING-RULES: monthly prices are normalised to the service's period, or a difference says it does not fit).
    /// </summary>
    private static ContractDifference UnknownPeriod(DifferenceDraft draft, Service service, string period, string billed)
    {
        draft.Kind = DifferenceKind.UnknownPeriodType;
        draft.Rule = "ServicePeriodType";
        draft.IsActionable = false;
        draft.RequiresForce = false;
        draft.ForceReason = null;
        draft.TargetUnitPrice = null;
        draft.TargetUnitCost = null;
        draft.MonthlyRevenueImpact = 0m;
        draft.MonthlyCostImpact = 0m;
        draft.Reason = $"{billed}, but Autotask bills service '{service.Name}' per '{period}', a period type that cannot be turned into months, "
            + "so its units and prices cannot be reconciled with the vendor's. Nothing is synced: give the service a Monthly, Quarterly, "
            + "Semi-Annual or Yearly period type, or map the SKU to a service that has one.";
        return draft.Build();
    }

    private ContractDifference MissingService(DifferenceDraft draft, Contract contract, ServiceMapping skuMapping, long? staleServiceId)
    {
        draft.Kind = DifferenceKind.MissingService;
        draft.AutotaskQuantity = 0m;
        if (staleServiceId is long id && !_settings.RecreateDeletedServices)
        {
            draft.Rule = "MappedServiceNotFound";
            draft.ServiceId = id;
            draft.Reason = $"{draft.Source} SKU {Of(draft)} is mapped to service {id}, which Autotask does not have. "
                + $"{draft.CustomerName}'s {Units(draft.VendorQuantity)} seats cannot be synced; map the SKU again.";
            return draft.Build();
        }

        var (price, cost) = PricingTargets.For(draft.PricingStrategy, true, draft.VendorUnitPrice, draft.VendorUnitCost);
        draft.Rule = staleServiceId is null ? "MappingAction=Create" : "RecreateDeletedServices";
        draft.ServiceName = _settings.ServiceNameFor(skuMapping);
        draft.TargetUnitPrice = price;
        draft.TargetUnitCost = cost;
        draft.MonthlyRevenueImpact = Proration.RoundMoney(draft.VendorQuantity!.Value * (price ?? 0m));
        draft.MonthlyCostImpact = Proration.RoundMoney(draft.VendorQuantity.Value * (cost ?? 0m));
        draft.EffectiveDate = EffectiveDates.Propose(draft.EffectiveDatePolicy, draft.VendorChangeDate, contract, _snapshot.ContractPeriodMonths(contract), null, _asOf);
        draft.IsActionable = _settings.SyncMayCreate.HasFlag(CreatableEntities.Services);
        draft.Reason = $"{draft.CustomerName} is billed {Units(draft.VendorQuantity)} × {Of(draft)} by {draft.Source}, and the Autotask catalog has no service for it "
            + (staleServiceId is long deleted ? $"any more (mapped service {deleted} was deleted; the settings recreate deleted services). " : "yet. ")
            + (draft.IsActionable
                ? $"Sync creates service '{draft.ServiceName}' and adds it to contract '{contract.ContractName}' with {Units(draft.VendorQuantity)} units from {Date(draft.EffectiveDate)}{AtPrices(price, cost, draft.Currency)}. "
                : "The settings do not let sync create services; create it in Autotask and map the SKU. ")
            + Impact(draft.MonthlyRevenueImpact, draft.MonthlyCostImpact, draft.Currency);
        return draft.Build();
    }

    private ContractDifference? NewService(DifferenceDraft draft, Contract contract, Service service)
    {
        draft.AutotaskQuantity = 0m;
        if (draft.VendorQuantity == 0m)
        {
            return MatchOrNothing(draft, () => $"{draft.CustomerName} has no {Of(draft)} seats and service '{service.Name}' is not on contract '{contract.ContractName}'.");
        }

        var months = _snapshot.ServicePeriodMonths(service);
        var (price, cost) = PricingTargets.For(draft.PricingStrategy, true, PerPeriod(draft.VendorUnitPrice, months), PerPeriod(draft.VendorUnitCost, months));
        draft.Kind = DifferenceKind.NewService;
        draft.Rule = "NewServiceOnContract";
        draft.IsActionable = true;
        draft.TargetUnitPrice = price;
        draft.TargetUnitCost = cost;
        draft.MonthlyRevenueImpact = Proration.RoundMoney(draft.VendorQuantity!.Value * (price ?? service.UnitPrice ?? 0m) / months);
        draft.MonthlyCostImpact = Proration.RoundMoney(draft.VendorQuantity.Value * (cost ?? service.UnitCost ?? 0m) / months);
        draft.EffectiveDate = EffectiveDates.Propose(draft.EffectiveDatePolicy, draft.VendorChangeDate, contract, _snapshot.ContractPeriodMonths(contract), null, _asOf);
        draft.Reason = $"{draft.CustomerName} is billed {Units(draft.VendorQuantity)} × {Of(draft)} by {draft.Source}, but service '{service.Name}' is not on contract "
            + $"'{contract.ContractName}'. Sync adds it with {Units(draft.VendorQuantity)} units from {Date(draft.EffectiveDate)}{AtPrices(price, cost, draft.Currency)}. "
            + Inactive(draft) + Impact(draft.MonthlyRevenueImpact, draft.MonthlyCostImpact, draft.Currency);
        return draft.Build();
    }

    /// <summary>
    /// Whether <see cref="Compare"/> would find the demand in step with its service on the contract (a Match): decided
    /// from the demand itself, before any draft is built, by the same <see cref="InForce"/> that OnContractService uses.
    /// False whenever it would not be a plain Match on an existing contract service; Compare then builds the draft.
    /// </summary>
    private bool InStep(Contract contract, VendorDemand demand, CustomerMapping? customer, ServiceMapping skuMapping)
    {
        if (contract.ContractType != Contract.RecurringServiceType || skuMapping.CreatesService
            || _snapshot.ServiceOf(skuMapping.ServiceId) is not { } service || _snapshot.UnknownServicePeriod(service) is not null
            || ServiceOnContract(contract.Id, service.Id) is not { } contractService)
        {
            return false;
        }

        var state = InForce(contractService, service, StrategyFor(customer), VendorUnitPrice(demand), demand.UnitCost);
        return demand.Quantity == state.Units && !state.PriceDiffers && !state.CostDiffers;
    }

    // One owner of a demand's vendor price: the draft carries it, and InStep decides from it before any draft exists.
    private decimal? VendorUnitPrice(VendorDemand demand) => VendorPrices.UnitPrice(_settings, demand.UnitPrice, demand.ListUnitPrice, demand.UnitCost);

    private ContractService? ServiceOnContract(long contractId, long serviceId)
    {
        var services = _snapshot.ServicesOn(contractId);
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceID == serviceId)
            {
                return services[i];
            }
        }

        return null;
    }

    /// <summary>What a contract service has in force and what the pricing strategy makes of the vendor's prices for it.</summary>
    private ServiceInForce InForce(ContractService contractService, Service service, PricingStrategy strategy, decimal? vendorUnitPrice, decimal? vendorUnitCost)
    {
        var unitsRow = _snapshot.UnitsOf(contractService.Id);
        var months = _snapshot.ServicePeriodMonths(service);
        var (price, cost) = PricingTargets.For(strategy, false, PerPeriod(vendorUnitPrice, months), PerPeriod(vendorUnitCost, months));
        return new ServiceInForce(
            unitsRow, (decimal)(unitsRow?.Units ?? 0), _snapshot.CurrentPrice(contractService), _snapshot.CurrentCost(contractService), months, price, cost);
    }

    private readonly struct ServiceInForce
    {
        public ServiceInForce(ContractServiceUnit? unitsRow, decimal units, decimal? currentPrice, decimal? currentCost, int months, decimal? price, decimal? cost)
        {
            UnitsRow = unitsRow;
            Units = units;
            CurrentPrice = currentPrice;
            CurrentCost = currentCost;
            Months = months;
            Price = price;
            Cost = cost;
        }

        public ContractServiceUnit? UnitsRow { get; }

        public decimal Units { get; }

        public decimal? CurrentPrice { get; }

        public decimal? CurrentCost { get; }

        public int Months { get; }

        /// <summary>The unit price the strategy sets, per period of the service; null leaves the price alone.</summary>
        public decimal? Price { get; }

        public decimal? Cost { get; }

        public bool PriceDiffers => Price is not null && Price != CurrentPrice;

        public bool CostDiffers => Cost is not null && Cost != CurrentCost;
    }

    private ContractDifference? OnContractService(DifferenceDraft draft, Contract contract, Service service, ContractService contractService)
    {
        var state = InForce(contractService, service, draft.PricingStrategy, draft.VendorUnitPrice, draft.VendorUnitCost);
        var unitsRow = state.UnitsRow;
        var units = state.Units;
        var currentPrice = state.CurrentPrice;
        var currentCost = state.CurrentCost;
        draft.ContractServiceId = contractService.Id;
        draft.AutotaskQuantity = units;
        draft.AutotaskUnitPrice = currentPrice;
        draft.AutotaskUnitCost = currentCost;

        var months = state.Months;
        var (price, cost) = (state.Price, state.Cost);
        draft.TargetUnitPrice = price;
        draft.TargetUnitCost = cost;
        var vendorUnits = draft.VendorQuantity!.Value;
        var priceDiffers = state.PriceDiffers;
        var costDiffers = state.CostDiffers;
        draft.MonthlyRevenueImpact = Proration.RoundMoney(((vendorUnits * (price ?? currentPrice ?? 0m)) - (units * (currentPrice ?? 0m))) / months);
        draft.MonthlyCostImpact = Proration.RoundMoney(((vendorUnits * (cost ?? currentCost ?? 0m)) - (units * (currentCost ?? 0m))) / months);
        var contractMonths = _snapshot.ContractPeriodMonths(contract);
        var where = $"service '{service.Name}' on contract '{contract.ContractName}'";

        if (vendorUnits != units)
        {
            var (force, why) = _guardrail.Check(units, vendorUnits);
            draft.Kind = DifferenceKind.QuantityChange;
            draft.Rule = "QuantityInForce";
            draft.IsActionable = true;
            draft.RequiresForce = force;
            draft.ForceReason = why is null ? null : ForceReasonText.Format(why);
            draft.EffectiveDate = EffectiveDates.Propose(draft.EffectiveDatePolicy, draft.VendorChangeDate, contract, contractMonths, unitsRow, _asOf);
            var change = vendorUnits > units ? $"adds {Units(vendorUnits - units)}" : $"removes {Units(units - vendorUnits)}";
            draft.Reason = $"{draft.CustomerName} is billed {Units(vendorUnits)} × {Of(draft)} by {draft.Source}, but {where} has {Units(units)} units on {Date(_asOf)}. "
                + $"Sync {change} units from {Date(draft.EffectiveDate)} (one adjustment of {Units(vendorUnits - units)})"
                + (priceDiffers || costDiffers ? $" and{PriceClause(priceDiffers ? price : null, costDiffers ? cost : null, draft.Currency)}" : string.Empty)
                + ". " + (force ? draft.ForceReason + " " : string.Empty) + Inactive(draft) + Impact(draft.MonthlyRevenueImpact, draft.MonthlyCostImpact, draft.Currency);
            return draft.Build();
        }

        if (priceDiffers || costDiffers)
        {
            draft.Kind = priceDiffers ? DifferenceKind.PriceChange : DifferenceKind.CostChange;
            draft.Rule = "PricingStrategy=" + draft.PricingStrategy;
            draft.IsActionable = true;
            // A price changes from the vendor's change (renewal) date, not from the period start (BILLING-RULES §5).
            draft.EffectiveDate = EffectiveDates.Propose(draft.EffectiveDatePolicy, draft.PriceDate, contract, contractMonths, unitsRow, _asOf);
            var what = priceDiffers && costDiffers
                ? $"the unit price is {Money(currentPrice, draft.Currency)} and the cost {Money(currentCost, draft.Currency)}; {draft.Source} bills {Money(draft.VendorUnitPrice, draft.Currency)} at a cost of {Money(draft.VendorUnitCost, draft.Currency)}"
                : priceDiffers
                    ? $"the unit price is {Money(currentPrice, draft.Currency)}; {draft.Source} bills {Money(draft.VendorUnitPrice, draft.Currency)}"
                    : $"the unit cost is {Money(currentCost, draft.Currency)}; {draft.Source} charges {Money(draft.VendorUnitCost, draft.Currency)}";
            draft.Reason = $"For {draft.CustomerName}'s {Units(units)} × {Of(draft)} on {where}, {what}. Sync{PriceClause(priceDiffers ? price : null, costDiffers ? cost : null, draft.Currency)} "
                + $"(pricing strategy {draft.PricingStrategy}) from {Date(draft.EffectiveDate)}. " + Inactive(draft) + Impact(draft.MonthlyRevenueImpact, draft.MonthlyCostImpact, draft.Currency);
            return draft.Build();
        }

        return MatchOrNothing(draft, () => $"{draft.CustomerName}: {Units(units)} × {Of(draft)} on {where} at {Money(currentPrice, draft.Currency)}, as the vendor bills.");
    }

    /// <summary>A Match difference when the run asks for them (its reason is only written then: most services are in step).</summary>
    private ContractDifference? MatchOrNothing(DifferenceDraft draft, Func<string> reason)
    {
        if (!_options.IncludeMatch)
        {
            return null;
        }

        var why = reason();
        draft.Kind = DifferenceKind.Match;
        draft.Rule = "InStep";
        draft.IsActionable = false;
        draft.MonthlyRevenueImpact = 0m;
        draft.MonthlyCostImpact = 0m;
        draft.Reason = why + " Nothing to do.";
        return draft.Build();
    }

    /// <summary>
    /// Services on the contract that a SKU of the contract's sources maps to (or whose part number is such a SKU),
    /// with units in force, that nothing billed this run. The MSP's own services (no vendor SKU) are never candidates.
    /// </summary>
    private IEnumerable<ContractDifference> Removals(Contract contract, ContractWork work, IReadOnlyList<VendorDemand> demands)
    {
        // The services billed: a short array scanned for a contract of a few dozen, a set past that.
        var billed = new long[demands.Count];
        var billedCount = 0;
        foreach (var demand in demands)
        {
            if (_mapping.FindService(demand.First.Source, demand.First.Sku) is { Action: MappingAction.Existing, ServiceId: long id })
            {
                billed[billedCount++] = id;
            }
        }

        var billedServices = billedCount > IndexFrom ? new HashSet<long>(billed.Take(billedCount)) : null;

        var first = work.Seats.Count > 0 ? work.Seats[0] : null;
        var customer = first is not null ? Customer(first.Source, first.CustomerId)
            : work.Charges.Count > 0 ? Customer(work.Charges[0].Source, work.Charges[0].CustomerId)
            : work.AbsentCustomers[0];

        // The contract's sources and billed SKUs are needed only for a service nothing billed: most contracts have none.
        HashSet<string>? sources = null;
        HashSet<string>? billedSkus = null;
        foreach (var contractService in _snapshot.ServicesOn(contract.Id))
        {
            if (contractService.ServiceID is not long serviceId
                || (billedServices?.Contains(serviceId) ?? Array.IndexOf(billed, serviceId, 0, billedCount) >= 0))
            {
                continue;
            }

            sources ??= ContractSources(work);
            billedSkus ??= BilledSkus(work);
            var (source, skus) = VendorSkusOf(serviceId, sources);
            if (skus.Count == 0 || skus.Any(billedSkus.Contains))
            {
                continue;
            }

            var unitsRow = _snapshot.UnitsOf(contractService.Id);
            var units = (decimal)(unitsRow?.Units ?? 0);
            if (units == 0m)
            {
                continue;
            }

            yield return Removed(contract, contractService, unitsRow, units, source, skus, work, customer);
        }
    }

    private static HashSet<string> ContractSources(ContractWork work)
    {
        var sources = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var seat in work.Seats)
        {
            sources.Add(seat.Source.Trim());
        }

        foreach (var line in work.Charges)
        {
            sources.Add(line.Source.Trim());
        }

        foreach (var absent in work.AbsentCustomers)
        {
            sources.Add(absent.Source.Trim());
        }

        return sources;
    }

    private static HashSet<string> BilledSkus(ContractWork work)
    {
        var skus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var seat in work.Seats)
        {
            skus.Add(seat.Sku.Trim());
        }

        foreach (var line in work.Charges)
        {
            skus.Add(line.Sku.Trim());
        }

        return skus;
    }

    private (string Source, IReadOnlyList<string> Skus) VendorSkusOf(long serviceId, ISet<string> sources)
    {
        if (_skuMappingsByService.TryGetValue(serviceId, out var mappings))
        {
            var ofSources = mappings.Where(m => sources.Contains(m.Source)).ToList();
            if (ofSources.Count > 0)
            {
                var kept = ofSources.Where(m => !m.Excluded && m.Action == MappingAction.Existing).ToList();
                return (VendorDemand.Join(kept.Select(m => m.Source)), kept.Select(m => m.Sku).ToList());
            }
        }

        var service = _snapshot.ServiceOf(serviceId);
        var partNumbers = new[] { service?.Sku, service?.ManufacturerServiceProviderProductNumber, service?.CatalogNumberPartNumber }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var matched = sources
            .Where(s => _vendorSkusBySource.TryGetValue(s, out var skus) && partNumbers.Any(skus.Contains))
            .OrderBy(s => s, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return matched.Count == 0
            ? (string.Empty, Array.Empty<string>())
            : (VendorDemand.Join(matched), partNumbers.Where(p => matched.Any(s => _vendorSkusBySource[s].Contains(p))).ToList());
    }

    private ContractDifference Removed(
        Contract contract,
        ContractService contractService,
        ContractServiceUnit? unitsRow,
        decimal units,
        string source,
        IReadOnlyList<string> skus,
        ContractWork work,
        CustomerMapping? customer)
    {
        var service = _snapshot.ServiceOf(contractService.ServiceID);
        var months = _snapshot.ServicePeriodMonths(service);
        var price = _snapshot.CurrentPrice(contractService);
        var cost = _snapshot.CurrentCost(contractService);
        var customers = work.Seats.Select(s => (s.CustomerId, s.CustomerName)).Concat(work.Charges.Select(c => (c.CustomerId, c.CustomerName)))
            .Concat(work.AbsentCustomers.Select(c => (c.CustomerId, CustomerName: c.CustomerName ?? string.Empty))).ToList();
        var absent = work.Seats.Count == 0 && work.Charges.Count == 0;
        var policy = absent ? _options.AbsentCustomerPolicy : _removalPolicy;
        var draft = new DifferenceDraft
        {
            Kind = DifferenceKind.Removed,
            Rule = (absent ? "AbsentCustomerPolicy=" : "RemovalPolicy=") + policy,
            IsActionable = policy == RemovalPolicy.AdjustToZero,
            Source = source,
            CustomerId = VendorDemand.Join(customers.Select(c => c.CustomerId)),
            CustomerIds = customers.Select(c => c.CustomerId).Distinct(RejectedLineVerdict.CustomerIds).ToList(),
            CustomerName = VendorDemand.Join(customers.Select(c => c.CustomerName)),
            Sku = VendorDemand.Join(skus),
            ProductName = service?.Name,
            ChargeType = ChargeType.Recurring,
            ServiceId = contractService.ServiceID,
            ServiceName = service?.Name,
            ServiceIsActive = service?.IsActive,
            ContractServiceId = contractService.Id,
            VendorQuantity = 0m,
            AutotaskQuantity = units,
            Currency = _currency,
            AutotaskUnitPrice = price,
            AutotaskUnitCost = cost,
            MonthlyRevenueImpact = Proration.RoundMoney(-units * (price ?? 0m) / months),
            MonthlyCostImpact = Proration.RoundMoney(-units * (cost ?? 0m) / months),
            PricingStrategy = StrategyFor(customer),
            EffectiveDatePolicy = PolicyFor(customer),
            AsOf = _asOf,
        };
        OnContract(draft, contract);
        if (_snapshot.UnknownServicePeriod(service) is { } period)
        {
            return UnknownPeriod(draft, service!, period, absent
                ? $"{draft.CustomerName} has no line at all in this {source} bill and service '{service!.Name}' on contract '{contract.ContractName}' has {Units(units)} units"
                : $"{source} no longer bills {draft.CustomerName} for {draft.Sku} and service '{service!.Name}' on contract '{contract.ContractName}' has {Units(units)} units");
        }

        var (force, why) = _guardrail.Check(units, 0m);
        draft.EffectiveDate = EffectiveDates.Propose(draft.EffectiveDatePolicy, null, contract, _snapshot.ContractPeriodMonths(contract), unitsRow, _asOf);
        if (absent && draft.IsActionable)
        {
            // Zeroing a customer the bill does not name at all always needs -Force, whatever the guardrail says: a
            // filtered or partial file looks exactly like this.
            draft.RequiresForce = true;
            draft.ForceReason = ForceReasonText.Format($"{draft.CustomerName} has no line at all in this {source} bill" + (why is null ? string.Empty : $", and {why}"));
        }
        else
        {
            draft.RequiresForce = force;
            draft.ForceReason = why is null ? null : ForceReasonText.Format(why);
        }

        draft.Reason = (absent
                ? $"{draft.CustomerName} has no line at all in this {source} bill, but service '{service?.Name}' on contract '{contract.ContractName}' "
                : $"{source} no longer bills {draft.CustomerName} for {draft.Sku}, but service '{service?.Name}' on contract '{contract.ContractName}' ")
            + $"has {Units(units)} units on {Date(_asOf)}. "
            + (draft.IsActionable
                ? $"Sync reduces it to 0 units from {Date(draft.EffectiveDate)} (the service stays on the contract). {draft.ForceReason} "
                : absent ? "Reported only: the absent-customer policy is ReportOnly (a partial file must never zero a customer). " : "Reported only: the removal policy is ReportOnly. ")
            + Impact(draft.MonthlyRevenueImpact, draft.MonthlyCostImpact, draft.Currency);
        return draft.Build();
    }

    private ContractDifference? Charge(DifferenceDraft draft, Transaction line, Contract contract)
    {
        OnContract(draft, contract);
        if (line.Kind == ChargeKind.Usage && _snapshot.ChargesOfUsageMonth(contract.Id, line.TransactionId) is { Count: > 0 } charged)
        {
            return UsageCorrection(draft, line, contract, charged);
        }

        if (_snapshot.HasCharge(contract.Id, ChargeKey.ForTransaction(line.TransactionId)))
        {
            return MatchOrNothing(draft, () => $"{line.Source} transaction {line.TransactionId} ({Units(line.Quantity)} × {Of(draft)} for {draft.CustomerName}) "
                + $"is already charged on contract '{contract.ContractName}'.");
        }

        var skuMapping = _mapping.FindService(line.Source, line.Sku);
        Product? product = null;
        if (skuMapping?.Action == MappingAction.Create)
        {
            draft.Kind = DifferenceKind.MissingProduct;
            draft.Rule = "MappingAction=Create";
            draft.ServiceName = _settings.ServiceNameFor(skuMapping);
            draft.IsActionable = _settings.SyncMayCreate.HasFlag(CreatableEntities.Products);
        }
        else if (skuMapping?.ProductId is long productId)
        {
            product = _snapshot.ProductOf(productId);
            draft.ProductId = productId;
            if (product is null)
            {
                draft.Kind = DifferenceKind.MissingProduct;
                draft.Rule = "MappedProductNotFound";
                draft.Reason = $"{line.Source} SKU {Of(draft)} is mapped to product {productId}, which Autotask does not have. "
                    + $"Transaction {line.TransactionId} for {draft.CustomerName} cannot be charged; map the SKU again.";
                return draft.Build();
            }

            draft.Kind = DifferenceKind.OneTimeCharge;
            draft.Rule = "OneChargePerTransaction";
            draft.ServiceName = product.Name;
            draft.IsActionable = true;
        }
        else
        {
            draft.Kind = DifferenceKind.OneTimeCharge;
            draft.Rule = "OneChargePerTransaction";
            draft.IsActionable = true;
        }

        var (priceTotal, costTotal) = VendorPrices.ChargeTotals(_settings, line);
        var (units, price, cost) = VendorPrices.ChargeUnits(
            line.Quantity, priceTotal ?? Times(line.Quantity, product?.UnitPrice), costTotal ?? Times(line.Quantity, product?.UnitCost));
        if (product is not null && draft.PricingStrategy is PricingStrategy.None or PricingStrategy.CostOnly)
        {
            // A strategy that leaves prices alone charges a product at its catalog price.
            (units, price, _) = VendorPrices.ChargeUnits(line.Quantity, Times(line.Quantity, product.UnitPrice), costTotal);
        }

        SetCharge(draft, units, price, cost);
        var through = draft.Kind == DifferenceKind.MissingProduct
            ? $"a new product '{draft.ServiceName}' (sync creates it first)"
            : product is null ? "the material billing code" : $"product '{product.Name}'";
        draft.Reason = $"{line.Source} billed {draft.CustomerName} {KindText(line.Kind)} of {Units(line.Quantity)} × {Of(draft)} on {Date(draft.ChargeDate)} "
            + $"(transaction {line.TransactionId}){AmountText(line)}. "
            + (draft.IsActionable
                ? $"Sync adds one charge to contract '{contract.ContractName}' through {through}: {ChargeText(draft)}, never twice for the same transaction. "
                : "The settings do not let sync create products; create it in Autotask and map the SKU. ")
            + $"One-time revenue {SignedMoney(draft.OneTimeRevenueImpact, draft.Currency)}, cost {SignedMoney(draft.OneTimeCostImpact, draft.Currency)} in the month charged.";
        return draft.Build();
    }

    /// <summary>
    /// A usage month already charged: the month's charges (the first and any corrections, billed or not) are compared
    /// by money with what the vendor now totals, and only the difference is charged, under the next correction key.
    /// </summary>
    private ContractDifference? UsageCorrection(DifferenceDraft draft, Transaction line, Contract contract, IReadOnlyList<ContractCharge> charged)
    {
        var (priceTotal, costTotal) = VendorPrices.ChargeTotals(_settings, line);
        var chargedPrice = charged.Sum(c => Proration.RoundMoney((c.UnitQuantity ?? 0m) * (c.UnitPrice ?? 0m)));
        var chargedCost = charged.Sum(c => Proration.RoundMoney((c.UnitQuantity ?? 0m) * (c.UnitCost ?? 0m)));
        var priceDelta = priceTotal is decimal price ? price - chargedPrice : 0m;
        var costDelta = costTotal is decimal cost ? cost - chargedCost : 0m;
        var month = $"{line.ServiceStart:yyyy-MM}";
        var billed = charged.Count(c => c.IsBilled == true);
        var already = $"{line.Source}'s usage of {Of(draft)} for {draft.CustomerName} in {month} is charged {charged.Count} time(s) on contract '{contract.ContractName}' "
            + $"for {Money(chargedPrice, draft.Currency)} ({billed} of them billed)";
        if (priceDelta == 0m && costDelta == 0m)
        {
            return MatchOrNothing(draft, () => already + ", as the vendor now totals it.");
        }

        if (_mapping.FindService(line.Source, line.Sku)?.ProductId is long productId && _snapshot.ProductOf(productId) is { } product)
        {
            draft.ProductId = productId;
            draft.ServiceName = product.Name;
        }

        draft.Kind = DifferenceKind.UsageCorrection;
        draft.Rule = "UsagePerCustomerSkuMonth";
        draft.IsActionable = true;
        draft.TransactionId = UsageMonth.CorrectionKey(line.TransactionId, charged.Count + 1);
        var (units, unitPrice, unitCost) = VendorPrices.ChargeUnits(1m, priceDelta, costDelta);
        SetCharge(draft, units, unitPrice, unitCost);
        draft.Reason = already + $"; the vendor now totals {Money(priceTotal, draft.Currency)} (cost {Money(costTotal, draft.Currency)}){AmountText(line)}. "
            + $"Sync charges exactly the difference, {SignedMoney(priceDelta, draft.Currency)} (cost {SignedMoney(costDelta, draft.Currency)}), as correction charge {draft.TransactionId}; "
            + "the charges already made stay as they are. "
            + $"One-time revenue {SignedMoney(draft.OneTimeRevenueImpact, draft.Currency)}, cost {SignedMoney(draft.OneTimeCostImpact, draft.Currency)} in the month charged.";
        return draft.Build();
    }

    private static decimal? Times(decimal quantity, decimal? unit) => unit is decimal value ? Proration.RoundMoney(Math.Abs(quantity) * value) : null;

    /// <summary>The charge as written: quantity and unit money whose product is the vendor's line money; its totals are one-time impacts, never monthly ones.</summary>
    private static void SetCharge(DifferenceDraft draft, decimal units, decimal? price, decimal? cost)
    {
        draft.ChargeQuantity = units;
        draft.TargetUnitPrice = price;
        draft.TargetUnitCost = cost;
        draft.MonthlyRevenueImpact = 0m;
        draft.MonthlyCostImpact = 0m;
        draft.OneTimeRevenueImpact = Proration.RoundMoney(units * (price ?? 0m));
        draft.OneTimeCostImpact = Proration.RoundMoney(units * (cost ?? 0m));
    }

    private static string KindText(ChargeKind kind) => kind switch
    {
        ChargeKind.Usage => "usage",
        ChargeKind.Credit => "a credit",
        ChargeKind.Refund => "a refund",
        _ => "a one-time purchase",
    };

    private static string AmountText(Transaction line) =>
        line.Amount is decimal amount ? $" for {SignedMoney(amount, line.Currency)} on the vendor's bill" : string.Empty;

    private static string ChargeText(DifferenceDraft draft) =>
        draft.TargetUnitPrice is decimal price
            ? $"{Units(draft.ChargeQuantity)} × {Money(price, draft.Currency)} = {SignedMoney(draft.OneTimeRevenueImpact, draft.Currency)}"
            : "at the catalog price";

    private ContractDifference ToCreate(DifferenceDraft draft, CustomerMapping customer, ServiceMapping? skuMapping, decimal quantity, Transaction? line = null)
    {
        draft.CompanyName ??= _snapshot.CompanyOf(draft.CompanyId)?.CompanyName;
        var companyName = draft.CompanyName ?? draft.CustomerName;
        draft.Kind = draft.CreateCompany ? DifferenceKind.MissingCompany : DifferenceKind.MissingContract;
        draft.Rule = "MappingAction=Create";
        draft.ContractName = "Cloud services, " + companyName;
        draft.AutotaskQuantity = draft.ChargeType == ChargeType.Recurring ? 0m : null;
        var needs = (draft.CreateCompany ? CreatableEntities.Companies : CreatableEntities.None) | CreatableEntities.Contracts;
        var service = skuMapping?.ServiceId is long serviceId ? _snapshot.ServiceOf(serviceId) : null;
        var product = skuMapping?.ProductId is long productId ? _snapshot.ProductOf(productId) : null;
        if (draft.ChargeType == ChargeType.Recurring && _snapshot.UnknownServicePeriod(service) is { } period)
        {
            draft.ServiceId = service!.Id;
            draft.ServiceName = service.Name;
            return UnknownPeriod(draft, service, period, $"{draft.CustomerName} is billed {Units(quantity)} × {Of(draft)} by {draft.Source} and is to get a new contract");
        }

        if (skuMapping?.Action == MappingAction.Create)
        {
            needs |= draft.ChargeType == ChargeType.Recurring ? CreatableEntities.Services : CreatableEntities.Products;
            draft.ServiceName = _settings.ServiceNameFor(skuMapping);
        }
        else
        {
            draft.ServiceId = draft.ChargeType == ChargeType.Recurring ? service?.Id ?? skuMapping?.ServiceId : null;
            draft.ProductId = draft.ChargeType == ChargeType.Recurring ? null : skuMapping?.ProductId;
            draft.ServiceName = draft.ChargeType == ChargeType.Recurring ? service?.Name : product?.Name;
            draft.ServiceIsActive = service?.IsActive;
        }

        var months = draft.ChargeType == ChargeType.Recurring ? _snapshot.ServicePeriodMonths(service) : 1;
        var (price, cost) = PricingTargets.For(draft.PricingStrategy, true, PerPeriod(draft.VendorUnitPrice, months), PerPeriod(draft.VendorUnitCost, months));
        if (line is not null)
        {
            var (priceTotal, costTotal) = VendorPrices.ChargeTotals(_settings, line);
            var (units, unitPrice, unitCost) = VendorPrices.ChargeUnits(
                line.Quantity, priceTotal ?? Times(line.Quantity, product?.UnitPrice), costTotal ?? Times(line.Quantity, product?.UnitCost));
            SetCharge(draft, units, unitPrice, unitCost);
            (price, cost) = (unitPrice, unitCost);
            quantity = units;
        }
        else
        {
            draft.TargetUnitPrice = price;
            draft.TargetUnitCost = cost;
            draft.MonthlyRevenueImpact = Proration.RoundMoney(quantity * (price ?? service?.UnitPrice ?? 0m) / months);
            draft.MonthlyCostImpact = Proration.RoundMoney(quantity * (cost ?? service?.UnitCost ?? 0m) / months);
        }

        if (draft.ChargeType == ChargeType.Recurring)
        {
            var changed = draft.VendorChangeDate ?? new DateTime(_asOf.Year, _asOf.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            draft.EffectiveDate = DateTime.SpecifyKind(changed.Date, DateTimeKind.Utc);
        }

        draft.IsActionable = (_settings.SyncMayCreate & needs) == needs;
        var creates = draft.CreateCompany ? $"company '{companyName}' and contract '{draft.ContractName}'" : $"contract '{draft.ContractName}'";
        var then = draft.ChargeType == ChargeType.Recurring
            ? $"adds {Units(quantity)} × {draft.ServiceName ?? Of(draft)}"
            : $"charges transaction {draft.TransactionId} ({Units(quantity)} × {Of(draft)})";
        draft.Reason = $"{draft.CustomerName} ({customer.Source}) is mapped to a {(draft.CreateCompany ? "company and contract" : "contract")} sync is to create. "
            + (draft.IsActionable
                ? $"Sync creates {creates}, then {then}{AtPrices(price, cost, draft.Currency)}. "
                : $"The settings (SyncMayCreate {_settings.SyncMayCreate}) do not let sync create what this needs; create it in Autotask and map the customer. ")
            + (line is null ? Impact(draft.MonthlyRevenueImpact, draft.MonthlyCostImpact, draft.Currency) : $"One-time revenue {SignedMoney(draft.OneTimeRevenueImpact, draft.Currency)}, cost {SignedMoney(draft.OneTimeCostImpact, draft.Currency)} in the month charged.");
        return draft.Build();
    }

    /// <summary>A vendor price per month as a price for one period of the Autotask service (× its months: 12 for a yearly service).</summary>
    private static decimal? PerPeriod(decimal? monthly, int months) => monthly is decimal value ? value * months : null;

    /// <summary>What an unsynced line is worth: seats per month, a charge once (its vendor amount when known).</summary>
    private static void SetVendorImpact(DifferenceDraft draft)
    {
        if (draft.ChargeType == ChargeType.Recurring)
        {
            draft.MonthlyRevenueImpact = VendorValue(draft.VendorQuantity, draft.VendorUnitPrice);
            draft.MonthlyCostImpact = VendorValue(draft.VendorQuantity, draft.VendorUnitCost);
            return;
        }

        draft.OneTimeRevenueImpact = VendorValue(draft.VendorQuantity, draft.VendorUnitPrice);
        draft.OneTimeCostImpact = draft.VendorAmount ?? VendorValue(draft.VendorQuantity, draft.VendorUnitCost);
    }

    private static decimal VendorValue(decimal? quantity, decimal? unitAmount) =>
        Proration.RoundMoney((quantity ?? 0m) * (unitAmount ?? 0m));

    private static string PriceClause(decimal? price, decimal? cost, string currency) =>
        (price, cost) switch
        {
            (decimal p, decimal c) => $" sets the unit price to {Money(p, currency)} and the cost to {Money(c, currency)}",
            (decimal p, null) => $" sets the unit price to {Money(p, currency)}",
            (null, decimal c) => $" sets the unit cost to {Money(c, currency)}",
            _ => string.Empty,
        };

    private static string AtPrices(decimal? price, decimal? cost, string currency) =>
        (price, cost) switch
        {
            (decimal p, decimal c) => $" at a unit price of {Money(p, currency)} and a unit cost of {Money(c, currency)}",
            (decimal p, null) => $" at a unit price of {Money(p, currency)}",
            (null, decimal c) => $" at a unit cost of {Money(c, currency)}",
            _ => string.Empty,
        };

    private static string Inactive(DifferenceDraft draft) =>
        draft.ServiceIsActive == false ? "The service is inactive in Autotask and stays inactive. " : string.Empty;
}
