using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Sync;

/// <summary>
/// Builds one plan: reads what already exists in Autotask (in bulk), then derives the operations each difference
/// needs, sharing the creates many differences have in common (one service per SKU, one contract per customer).
/// </summary>
internal sealed class SyncPlanBuilder
{
    private const int MaxNameLength = 100;

    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private readonly SyncContext _context;
    private readonly Dictionary<string, SyncOperation> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _services = new(Names);
    private readonly Dictionary<string, long> _products = new(Names);
    private readonly Dictionary<string, long> _companies = new(Names);
    private readonly Dictionary<(long CompanyId, string Name), long> _contractsByName = new();
    private readonly Dictionary<long, long> _companiesOfFoundContracts = new();
    private readonly Dictionary<long, Contract> _contracts = new();
    private readonly Dictionary<string, DateTime> _earliestDateByCustomer = new(Names);
    private readonly List<ContractDifference> _actionable = new();
    private readonly List<ContractDifference> _notActionable = new();
    private IReadOnlyList<EntityFieldInformation> _contractFields = Array.Empty<EntityFieldInformation>();

    public SyncPlanBuilder(SyncContext context)
    {
        _context = context;
    }

    public IReadOnlyList<ContractDifference> NotActionable => _notActionable;

    /// <summary>Existing contracts found by company and name (contract id → company id), for the mapping updates after the run.</summary>
    public IReadOnlyDictionary<long, long> CompaniesOfFoundContracts => _companiesOfFoundContracts;

    public DateTime EarliestDate { get; private set; } = DateTime.MaxValue;

    private BillingSettings Settings => _context.Settings;

    private AutotaskClient Client => _context.Client;

    public async Task ReadAutotaskAsync(IReadOnlyList<ContractDifference> differences, CancellationToken cancellationToken)
    {
        foreach (var difference in differences)
        {
            (IsActionable(difference) ? _actionable : _notActionable).Add(difference);
        }

        foreach (var difference in _actionable)
        {
            var key = CustomerKey(difference);
            // A contract sync creates starts on or before the earliest subscription it carries (Work 365's rule).
            var earliest = new[] { difference.AsOf, difference.EffectiveDate, difference.VendorChangeDate, difference.ChargeDate, difference.SubscriptionStart }
                .Where(static date => date is not null)
                .Min(static date => date!.Value.Date);
            _earliestDateByCustomer[key] = _earliestDateByCustomer.TryGetValue(key, out var known) && known < earliest ? known : earliest;
            EarliestDate = earliest < EarliestDate ? earliest : EarliestDate;
        }

        var serviceNames = _actionable.Where(d => NeedsService(d) && d.ServiceId is null).Select(ServiceNameOf).Distinct(Names).ToList();
        var productSkus = _actionable.Where(d => NeedsProduct(d) && d.ProductId is null).Select(static d => d.Sku).Distinct(Names).ToList();
        var vendorNames = _actionable.Where(d => (NeedsService(d) && d.ServiceId is null) || (NeedsProduct(d) && d.ProductId is null))
            .Select(d => Settings.VendorCompanyNameFor(d.Source));
        var companyNames = _actionable.Where(static d => d.CompanyId is null && d.CreateCompany).Select(CompanyNameOf);
        var contractIds = _actionable.Where(static d => d.ContractId is not null).Select(static d => d.ContractId!.Value).Distinct().ToList();

        var services = QueryByTextAsync<Service>("name", serviceNames, cancellationToken);
        // A product is found by its Manufacturer Product Number (the SKU; Intermedia's rule), or by the vendor part number earlier runs set.
        var products = QueryByTextAsync<Product>("manufacturerProductName", productSkus, cancellationToken);
        var productsByVendorNumber = QueryByTextAsync<Product>("vendorProductNumber", productSkus, cancellationToken);
        var companies = QueryByTextAsync<Company>("companyName", vendorNames.Concat(companyNames).Distinct(Names).ToList(), cancellationToken);
        var contracts = contractIds.Count == 0
            ? Task.FromResult<IReadOnlyList<Contract>>(Array.Empty<Contract>())
            : Client.QueryInAsync<Contract>("id", contractIds, ContractFields(AutotaskQuery.All), cancellationToken);
        var contractFields = contractIds.Count == 0
            ? Task.FromResult<IReadOnlyList<EntityFieldInformation>>(Array.Empty<EntityFieldInformation>())
            : Client.GetFieldsAsync("Contracts", cancellationToken);
        await Task.WhenAll(services, products, productsByVendorNumber, companies, contracts, contractFields).ConfigureAwait(false);

        foreach (var service in await services.ConfigureAwait(false))
        {
            _services[service.Name ?? string.Empty] = service.Id;
        }

        foreach (var product in await productsByVendorNumber.ConfigureAwait(false))
        {
            _products[product.VendorProductNumber ?? string.Empty] = product.Id;
        }

        foreach (var product in await products.ConfigureAwait(false))
        {
            _products[product.ManufacturerProductName ?? string.Empty] = product.Id;
        }

        foreach (var company in (await companies.ConfigureAwait(false)).OrderBy(static c => c.Id))
        {
            if (!_companies.ContainsKey(company.CompanyName ?? string.Empty))
            {
                _companies[company.CompanyName ?? string.Empty] = company.Id;
            }
        }

        foreach (var contract in await contracts.ConfigureAwait(false))
        {
            _contracts[contract.Id] = contract;
        }

        _contractFields = await contractFields.ConfigureAwait(false);
        await ReadContractsToCreateAsync(cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyList<SyncOperation> Build()
    {
        foreach (var difference in _actionable)
        {
            Plan(difference);
        }

        var ordered = _operations.Values.OrderBy(static op => op.Kind).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].OperationId = (i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            ids[ordered[i].Key] = ordered[i].OperationId;
        }

        foreach (var operation in ordered)
        {
            operation.DependsOn = operation.DependencyKeys.Distinct().Select(key => ids[key]).ToList();
            operation.DifferenceIds = operation.DifferenceIdList.Distinct().ToList();
        }

        if (EarliestDate == DateTime.MaxValue)
        {
            EarliestDate = _context.Today;
        }

        return ordered;
    }

    private bool IsActionable(ContractDifference difference) =>
        difference.IsActionable
        && difference.Kind switch
        {
            DifferenceKind.MissingService or DifferenceKind.MissingProduct or DifferenceKind.MissingCompany
                or DifferenceKind.MissingContract or DifferenceKind.NewService or DifferenceKind.QuantityChange
                or DifferenceKind.PriceChange or DifferenceKind.CostChange or DifferenceKind.OneTimeCharge or DifferenceKind.UsageCorrection => true,
            DifferenceKind.Removed => Settings.RemovalPolicy == RemovalPolicy.AdjustToZero,
            _ => false,
        };

    /// <summary>One-time, usage and credit lines carry their vendor transaction and become one contract charge each.</summary>
    private static bool IsCharge(ContractDifference d) =>
        d.TransactionId is not null && d.ChargeType != ChargeType.Recurring;

    private static bool CreatesCustomer(ContractDifference d) => d.Kind is DifferenceKind.MissingCompany or DifferenceKind.MissingContract;

    /// <summary>Seats: a service (existing or to create) on the contract, with units.</summary>
    private static bool NeedsService(ContractDifference d) =>
        !IsCharge(d) && d.ChargeType == ChargeType.Recurring && d.Kind != DifferenceKind.MissingProduct
        && (!CreatesCustomer(d) || d.VendorQuantity > 0m);

    /// <summary>
    /// The product a charge goes through when its SKU's mapping asks to create one (Compare's MissingProduct, or a
    /// charge for a customer still to be created that names the product); other charges without a product carry the
    /// material billing code.
    /// </summary>
    private static bool NeedsProduct(ContractDifference d) =>
        d.ProductId is null
        && (d.Kind == DifferenceKind.MissingProduct || (CreatesCustomer(d) && IsCharge(d) && d.ServiceName is not null));

    private static bool HasContract(ContractDifference d) => d.ContractId is not null || d.CreateContract;

    private static string CustomerKey(ContractDifference d) => d.Source + "|" + d.CustomerId;

    private static string CompanyNameOf(ContractDifference d) => Truncate(d.CompanyName ?? d.CustomerName, MaxNameLength);

    private static string ContractNameOf(ContractDifference d) =>
        Truncate(d.ContractName ?? "Cloud services, " + CompanyNameOf(d), MaxNameLength);

    private static string ContractKey(ContractDifference d) =>
        d.ContractId is { } id ? "contract:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "new-contract:" + CustomerKey(d);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length);

    /// <summary>The first of the texts with something in it: a vendor line may carry an empty product name.</summary>
    private static string FirstText(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim() ?? string.Empty;

    private static int? WholeUnits(decimal? value) => value is { } units && units == decimal.Truncate(units) ? (int)units : null;

    private string ServiceNameOf(ContractDifference d) =>
        d.ServiceName ?? ServiceNameTemplate.Apply(Settings.ServiceNameTemplate, d.Sku);

    private async Task<IReadOnlyList<T>> QueryByTextAsync<T>(string field, IReadOnlyList<string> values, CancellationToken cancellationToken)
        where T : AutotaskEntity
    {
        var chunks = new List<Task<IReadOnlyList<T>>>();
        for (var start = 0; start < values.Count; start += AutotaskQuery.MaxPageSize)
        {
            IEnumerable<string> chunk = values.Skip(start).Take(AutotaskQuery.MaxPageSize).ToList();
            chunks.Add(Client.QueryAsync<T>(AutotaskQuery.Where(AutotaskFilter.In(field, chunk)), cancellationToken));
        }

        var results = await Task.WhenAll(chunks).ConfigureAwait(false);
        return results.SelectMany(static rows => rows).ToList();
    }

    private static AutotaskQuery ContractFields(AutotaskQuery query) =>
        query.WithIncludeFields("companyID", "contractName", "contractType", "startDate", "endDate", "contractPeriodType");

    /// <summary>Contracts the mappings ask to create may exist already (an earlier run created them): find them by company and name.</summary>
    private async Task ReadContractsToCreateAsync(CancellationToken cancellationToken)
    {
        var companyIds = _actionable
            .Where(static d => d.ContractId is null && d.CreateContract)
            .Select(d => d.CompanyId ?? (_companies.TryGetValue(CompanyNameOf(d), out var id) ? id : (long?)null))
            .Where(static id => id is not null)
            .Select(static id => id!.Value)
            .Distinct()
            .ToList();
        if (companyIds.Count == 0)
        {
            return;
        }

        var contracts = await Client.QueryInAsync<Contract>("companyID", companyIds, ContractFields(AutotaskQuery.All), cancellationToken)
            .ConfigureAwait(false);
        foreach (var contract in contracts.OrderBy(static c => c.Id))
        {
            var key = (contract.CompanyID ?? 0, contract.ContractName ?? string.Empty);
            if (!_contractsByName.Keys.Any(k => k.CompanyId == key.Item1 && Names.Equals(k.Name, key.Item2)))
            {
                _contractsByName[key] = contract.Id;
            }
        }
    }

    private void Plan(ContractDifference d)
    {
        var service = NeedsService(d) ? EnsureService(d) : EntityReference.None;
        // A SKU mapped to a product charges through that product (BILLING-RULES §4), as preview and -WhatIf name it.
        var product = NeedsProduct(d) ? EnsureProduct(d)
            : IsCharge(d) && d.ProductId is long productId ? EntityReference.Known(productId)
            : EntityReference.None;
        if (!HasContract(d))
        {
            return;
        }

        var contract = EnsureContract(d);
        if (IsCharge(d))
        {
            PlanCharge(d, contract, product);
            return;
        }

        if (!NeedsService(d))
        {
            return;
        }

        var contractService = d.ContractServiceId is { } known ? EntityReference.Known(known) : EnsureContractService(d, contract, service);
        var adjustment = PlanUnits(d, contract, service, contractService);
        PlanPriceAndCost(d, contract, contractService, adjustment);
    }

    private EntityReference EnsureVendor(ContractDifference d)
    {
        var name = Truncate(Settings.VendorCompanyNameFor(d.Source), MaxNameLength);
        if (_companies.TryGetValue(name, out var id))
        {
            return EntityReference.Known(id);
        }

        var key = "vendor|" + name.ToUpperInvariant();
        var phone = _context.VendorPhones.FirstOrDefault(pair => Names.Equals(pair.Key, name)).Value;
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Name = name,
            Phone = phone,
            OwnerResourceId = Settings.DefaultAccountManagerResourceId,
        })
        {
            Kind = SyncOperationKind.CreateVendorCompany,
            Entity = "Companies",
            Target = $"Vendor company '{name}'",
            Action = $"Create company '{name}' (type Vendor{(phone is null ? string.Empty : ", phone " + phone)})",
            Impact = SyncImpact.High,
            Problem = string.IsNullOrWhiteSpace(phone)
                ? $"the vendor company '{name}' does not exist and no phone number is known for it (Autotask requires one; sync never invents one): create it in Autotask or pass its phone"
                : OwnerProblem() ?? CreateProblem(CreatableEntities.Companies, "companies"),
        });
        return EntityReference.ProducedBy(key);
    }

    private EntityReference EnsureService(ContractDifference d)
    {
        if (d.ServiceId is { } id)
        {
            return EntityReference.Known(id);
        }

        var name = Truncate(ServiceNameOf(d), 150);
        if (_services.TryGetValue(name, out var existing))
        {
            return EntityReference.Known(existing);
        }

        var key = "service|" + name.ToUpperInvariant();
        var vendor = EnsureVendor(d);
        var description = d.Description ?? d.ProductName;
        var vendorName = Settings.VendorCompanyNameFor(d.Source);
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Name = name,
            Description = description is null ? null : Truncate(description, 400),
            Sku = d.Sku,
            Vendor = vendor,
            BillingCodeId = Settings.RecurringBillingCodeId,
        })
        {
            Kind = SyncOperationKind.CreateService,
            Entity = "Services",
            Target = SyncText.Join("Service catalog", name),
            Action = $"Create service '{name}'{(description is null ? string.Empty : $" ({description})")}: monthly, unit price 0.00, vendor {vendorName}",
            Impact = SyncImpact.Medium,
            Sku = d.Sku,
            Problem = Settings.RecurringBillingCodeId is null
                ? "no recurring-contract billing code is set up for new services (BillingSettings.RecurringBillingCodeId)"
                : CreateProblem(CreatableEntities.Services, "services"),
        }, vendor);
        return EntityReference.ProducedBy(key);
    }

    private EntityReference EnsureProduct(ContractDifference d)
    {
        if (d.ProductId is { } id)
        {
            return EntityReference.Known(id);
        }

        if (_products.TryGetValue(d.Sku, out var existing))
        {
            return EntityReference.Known(existing);
        }

        var key = "product|" + d.Sku.ToUpperInvariant();
        var vendor = EnsureVendor(d);
        var name = Truncate(d.ServiceName ?? d.ProductName ?? d.Sku, MaxNameLength);
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Name = name,
            Description = d.Description,
            Sku = d.Sku,
            Vendor = vendor,
            BillingCodeId = Settings.MaterialBillingCodeId,
        })
        {
            Kind = SyncOperationKind.CreateProduct,
            Entity = "Products",
            Target = SyncText.Join("Product catalog", $"{name} ({d.Sku})"),
            Action = $"Create product '{name}' with manufacturer product number and vendor part number {d.Sku}, vendor {Settings.VendorCompanyNameFor(d.Source)}",
            Impact = SyncImpact.Medium,
            Sku = d.Sku,
            Problem = Settings.MaterialBillingCodeId is null
                ? "no material billing code is set up for new products (BillingSettings.MaterialBillingCodeId)"
                : CreateProblem(CreatableEntities.Products, "products"),
        }, vendor);
        return EntityReference.ProducedBy(key);
    }

    private EntityReference EnsureCompany(ContractDifference d)
    {
        if (d.CompanyId is { } id)
        {
            return EntityReference.Known(id);
        }

        var name = CompanyNameOf(d);
        if (_companies.TryGetValue(name, out var existing))
        {
            return EntityReference.Known(existing);
        }

        var key = "company|" + CustomerKey(d);
        var phone = string.IsNullOrWhiteSpace(d.CustomerPhone) ? null : d.CustomerPhone!.Trim();
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Name = name,
            Phone = phone,
            Address = d.CustomerAddress,
            City = d.CustomerCity,
            State = d.CustomerState,
            PostalCode = d.CustomerPostalCode,
            WebAddress = WebAddressOf(d),
            OwnerResourceId = Settings.DefaultAccountManagerResourceId,
        })
        {
            Kind = SyncOperationKind.CreateCompany,
            Entity = "Companies",
            Target = $"Company '{name}' (vendor customer {d.CustomerId})",
            Action = $"Create company '{name}' (type Customer{(phone is null ? string.Empty : ", phone " + phone)})",
            Impact = SyncImpact.High,
            CustomerId = d.CustomerId,
            CustomerName = d.CustomerName,
            Problem = !d.CreateCompany
                ? "the difference names no Autotask company and its mapping does not ask to create one"
                : phone is null
                    ? $"the vendor data has no phone number for '{name}'; Autotask requires one and sync never invents one"
                    : OwnerProblem() ?? CreateProblem(CreatableEntities.Companies, "companies"),
        });
        return EntityReference.ProducedBy(key);
    }

    /// <summary>The mapping's web site, else the customer's own domain (a Microsoft 365 tenant domain is no web site).</summary>
    private static string? WebAddressOf(ContractDifference d)
    {
        if (!string.IsNullOrWhiteSpace(d.CustomerWebAddress))
        {
            return Truncate(d.CustomerWebAddress!.Trim(), 255);
        }

        var host = DomainName.Host(d.CustomerDomain);
        return host is null || DomainName.TenantName(host) is not null ? null : Truncate(host, 255);
    }

    private EntityReference EnsureContract(ContractDifference d)
    {
        if (d.ContractId is { } id)
        {
            return EntityReference.Known(id);
        }

        var company = EnsureCompany(d);
        var name = ContractNameOf(d);
        if (company.Id is { } companyId)
        {
            var found = _contractsByName.FirstOrDefault(pair => pair.Key.CompanyId == companyId && Names.Equals(pair.Key.Name, name));
            if (found.Value != 0)
            {
                _companiesOfFoundContracts[found.Value] = companyId;
                return EntityReference.Known(found.Value);
            }
        }

        var key = ContractKey(d);
        var start = ContractStart(d);
        var end = _context.Today.AddYears(10);
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Name = name,
            Company = company,
            StartDate = start,
            EndDate = end,
        })
        {
            Kind = SyncOperationKind.CreateContract,
            Entity = "Contracts",
            Target = SyncText.Join(CompanyNameOf(d), name),
            Action = $"Create Recurring Service contract '{name}', monthly, {SyncText.Date(start)} to {SyncText.Date(end)}",
            Impact = SyncImpact.High,
            CustomerId = d.CustomerId,
            CustomerName = d.CustomerName,
            CompanyId = d.CompanyId,
            Problem = d.CreateContract ? CreateProblem(CreatableEntities.Contracts, "contracts") : "the difference names no contract and its mapping does not ask to create one",
        }, company);
        return EntityReference.ProducedBy(key);
    }

    /// <summary>Export date − 1 month, and never after the earliest date the contract will carry (BILLING-RULES §6).</summary>
    private DateTime ContractStart(ContractDifference d)
    {
        var start = _context.Today.AddMonths(-1);
        var earliest = _earliestDateByCustomer.TryGetValue(CustomerKey(d), out var date) ? date : start;
        return earliest < start ? earliest : start;
    }

    private EntityReference EnsureContractService(ContractDifference d, EntityReference contract, EntityReference service)
    {
        var key = "contract-service|" + ContractKey(d) + "|" + ServiceKey(d, service);
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Difference = d,
            Contract = contract,
            Service = service,
            TargetPrice = d.TargetUnitPrice,
            TargetCost = d.TargetUnitCost,
        })
        {
            Kind = SyncOperationKind.AddContractService,
            Entity = "ContractServices",
            Target = ContractTarget(d),
            Action = $"Add service '{ServiceNameOf(d)}' to the contract"
                + (d.TargetUnitPrice is null && d.TargetUnitCost is null
                    ? " at the catalog price"
                    : $" at unit price {SyncText.Money(d.TargetUnitPrice, d.Currency)}, unit cost {SyncText.Money(d.TargetUnitCost, d.Currency)}"),
            Impact = SyncImpact.Medium,
        }.ForCustomer(d), contract, service);
        return EntityReference.ProducedBy(key);
    }

    private string? PlanUnits(ContractDifference d, EntityReference contract, EntityReference service, EntityReference contractService)
    {
        var removing = d.Kind == DifferenceKind.Removed;
        if (d.Kind is DifferenceKind.PriceChange or DifferenceKind.CostChange || (!removing && d.VendorQuantity is null))
        {
            return null;
        }

        var target = removing ? 0m : d.VendorQuantity!.Value;
        var compared = d.AutotaskQuantity ?? 0m;
        var effective = (d.EffectiveDate ?? d.AsOf).Date;
        var guarded = d.Kind is DifferenceKind.QuantityChange or DifferenceKind.Removed;
        var forceReason = d.RequiresForce ? ForceReasonText.Why(d.ForceReason) ?? "the compare marked it as needing -Force"
            : guarded ? QuantityGuardrail.Of(Settings).Check(compared, target).Why : null;
        var price = d.TargetUnitPrice ?? d.AutotaskUnitPrice ?? d.VendorUnitPrice;
        var impact = price is null ? string.Empty : $" ({SyncText.SignedMoney(Proration.RoundMoney((target - compared) * price.Value), d.Currency)}/month)";
        var key = "units|" + ContractKey(d) + "|" + ServiceKey(d, service);
        if (_operations.TryGetValue(key, out var existing))
        {
            key += "|" + d.DifferenceId;
        }

        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Difference = d,
            Contract = contract,
            ContractService = contractService,
            AsOf = d.AsOf.Date,
            EffectiveDate = effective,
            TargetUnits = WholeUnits(target),
            ComparedUnits = WholeUnits(d.AutotaskQuantity),
            GuardQuantity = guarded,
        })
        {
            Kind = SyncOperationKind.AdjustUnits,
            Entity = "ContractServiceAdjustments",
            Target = ContractTarget(d),
            Action = $"Change units {SyncText.Units(compared)} → {SyncText.Units(target)} from {SyncText.Date(effective)}{impact}",
            Impact = forceReason is null ? SyncImpact.Medium : SyncImpact.High,
            RequiresForce = forceReason is not null,
            ForceReason = forceReason,
            ProblemCode = target < 0 ? SyncReasonCode.BelowZero : SyncReasonCode.IncompleteData,
            Problem = existing is not null ? $"another difference ({existing.DifferenceIdList[0]}) already changes the units of this service on this contract"
                : target < 0 ? "Autotask never holds fewer than zero units"
                : WholeUnits(target) is null || (d.AutotaskQuantity is not null && WholeUnits(d.AutotaskQuantity) is null)
                    ? $"Autotask counts whole units; {SyncText.Units(target)} is not a whole number"
                    : null,
        }.ForCustomer(d), contract, contractService);
        PlanProratedGap(d, contract, key, target - compared);
        return key;
    }

    /// <summary>
    /// With NextPeriodStart the units change only from the next Autotask period; the days from the vendor's change
    /// to then are billed as one prorated charge (Intermedia's worked example). Only increases are charged.
    /// </summary>
    private void PlanProratedGap(ContractDifference d, EntityReference contract, string adjustmentKey, decimal addedUnits)
    {
        if (d.EffectiveDatePolicy != EffectiveDatePolicy.NextPeriodStart || d.VendorChangeDate is not { } changed
            || d.EffectiveDate is not { } effective || changed.Date >= effective.Date || addedUnits <= 0)
        {
            return;
        }

        var (anchor, months) = PeriodsOf(d);
        var period = BillingPeriod.Containing(anchor, months, changed.Date);
        var until = effective.Date < period.EndExclusive ? effective.Date : period.EndExclusive;
        var fraction = Proration.Fraction(period.Start, period.EndInclusive, changed.Date, until);
        var price = d.TargetUnitPrice ?? d.VendorUnitPrice ?? d.AutotaskUnitPrice;
        var cost = d.TargetUnitCost ?? d.VendorUnitCost ?? d.AutotaskUnitCost;
        var unitPrice = price is null ? (decimal?)null : Proration.Amount(price.Value, fraction);
        var unitCost = cost is null ? (decimal?)null : Proration.Amount(cost.Value, fraction);
        var days = (until - changed.Date).Days;
        var chargeKey = ChargeKey.ForProratedGap(d.Source, d.CustomerId, d.Sku, changed.Date, until);
        var key = "gap|" + ContractKey(d) + "|" + chargeKey;
        var total = unitPrice is null ? string.Empty : " = " + SyncText.Money(Proration.RoundMoney(addedUnits * unitPrice.Value), d.Currency);
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Difference = d,
            Contract = contract,
            Name = Truncate($"{ServiceNameOf(d)} {changed:yyyy-MM-dd} to {until.AddDays(-1):yyyy-MM-dd} (prorated)", MaxNameLength),
            Description = $"{d.ProductName ?? d.Sku}: {SyncText.Units(addedUnits)} units from {changed:yyyy-MM-dd} until they take effect on the contract on {effective:yyyy-MM-dd}; {days}/{period.Days} days of the period {period}.",
            BillingCodeId = Settings.RecurringBillingCodeId ?? Settings.MaterialBillingCodeId,
            ChargeQuantity = addedUnits,
            ChargeUnitPrice = unitPrice,
            ChargeUnitCost = unitCost,
            ChargeDate = changed.Date,
            ChargeKey = chargeKey,
        })
        {
            Kind = SyncOperationKind.CreateProratedCharge,
            Entity = "ContractCharges",
            Target = ContractTarget(d),
            Action = $"Charge {SyncText.Units(addedUnits)} × {SyncText.Money(unitPrice, d.Currency)}{total} for {changed:yyyy-MM-dd} to {until.AddDays(-1):yyyy-MM-dd} ({days}/{period.Days} days of {SyncText.Money(price, d.Currency)}/month), before the units take effect on {effective:yyyy-MM-dd}",
            Impact = SyncImpact.Medium,
            Problem = Settings.RecurringBillingCodeId is null && Settings.MaterialBillingCodeId is null
                ? "no billing code is set up for charges (BillingSettings.RecurringBillingCodeId or MaterialBillingCodeId)"
                : null,
        }.ForCustomer(d), contract, adjustmentKey);
    }

    private void PlanPriceAndCost(ContractDifference d, EntityReference contract, EntityReference contractService, string? adjustmentKey)
    {
        var serviceWasOnContract = d.ContractServiceId is not null || d.Kind is DifferenceKind.QuantityChange or DifferenceKind.PriceChange or DifferenceKind.CostChange;
        var price = d.TargetUnitPrice is { } p && p != d.AutotaskUnitPrice ? p : (decimal?)null;
        var cost = d.TargetUnitCost is { } c && c != d.AutotaskUnitCost ? c : (decimal?)null;
        if (!serviceWasOnContract || (price is null && cost is null))
        {
            return;
        }

        var key = "price|" + ContractKey(d) + "|" + (d.ServiceId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? d.Sku);
        if (_operations.ContainsKey(key))
        {
            return;
        }

        var effective = (d.EffectiveDate ?? d.AsOf).Date;
        var parts = new List<string>();
        if (price is not null)
        {
            parts.Add($"unit price {SyncText.Money(d.AutotaskUnitPrice, d.Currency)} → {SyncText.Money(price, d.Currency)}");
        }

        if (cost is not null)
        {
            parts.Add($"unit cost {SyncText.Money(d.AutotaskUnitCost, d.Currency)} → {SyncText.Money(cost, d.Currency)}");
        }

        var units = d.VendorQuantity ?? d.AutotaskQuantity ?? 0m;
        var revenue = price is null || d.AutotaskUnitPrice is null ? string.Empty
            : $" ({SyncText.SignedMoney(Proration.RoundMoney(units * (price.Value - d.AutotaskUnitPrice.Value)), d.Currency)}/month)";
        var dependencies = adjustmentKey is null ? new[] { contract, contractService } : new[] { contract, contractService, EntityReference.ProducedBy(adjustmentKey) };
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Difference = d,
            Contract = contract,
            ContractService = contractService,
            AsOf = d.AsOf.Date,
            EffectiveDate = effective,
            TargetPrice = price,
            TargetCost = cost,
            ComparedPrice = d.AutotaskUnitPrice,
            ComparedCost = d.AutotaskUnitCost,
        })
        {
            Kind = SyncOperationKind.UpdatePriceAndCost,
            Entity = "ContractServiceAdjustments",
            Target = ContractTarget(d),
            Action = "Change " + string.Join(" and ", parts) + $" from {SyncText.Date(effective)}{revenue}",
            Impact = SyncImpact.Medium,
        }.ForCustomer(d), dependencies);
    }

    private void PlanCharge(ContractDifference d, EntityReference contract, EntityReference product)
    {
        var chargeKey = ChargeKey.ForTransaction(d.TransactionId!);
        var key = "charge|" + ContractKey(d) + "|" + chargeKey;
        // Compare chose a quantity whose product with the unit price is the vendor's line money to the cent.
        var quantity = d.ChargeQuantity ?? d.VendorQuantity ?? 1m;
        var price = d.TargetUnitPrice ?? d.VendorUnitPrice;
        var cost = d.TargetUnitCost ?? d.VendorUnitCost;
        var date = (d.ChargeDate ?? d.AsOf).Date;
        var total = price is null ? string.Empty : " = " + SyncText.Money(Proration.RoundMoney(quantity * price.Value), d.Currency);
        var billingCode = product.IsEmpty ? Settings.MaterialBillingCodeId : null;
        Add(key, d, () => new SyncOperation(key, new SyncOperationDetails
        {
            Difference = d,
            Contract = contract,
            Product = product,
            Name = Truncate(FirstText(d.ProductName, d.Description, d.Sku), MaxNameLength),
            Description = $"{FirstText(d.Description, d.ProductName, d.Sku)} ({d.Source} transaction {d.TransactionId})",
            BillingCodeId = billingCode,
            ChargeQuantity = quantity,
            ChargeUnitPrice = price,
            ChargeUnitCost = cost,
            ChargeDate = date,
            ChargeKey = chargeKey,
        })
        {
            Kind = SyncOperationKind.CreateCharge,
            Entity = "ContractCharges",
            Target = ContractTarget(d),
            Action = $"Charge {SyncText.Units(quantity)} × {SyncText.Money(price, d.Currency)}{total} on {SyncText.Date(date)} ({d.Source} transaction {d.TransactionId})",
            Impact = SyncImpact.Medium,
            Problem = product.IsEmpty && billingCode is null
                ? "the charge has no product and no material billing code is set up (BillingSettings.MaterialBillingCodeId)"
                : null,
        }.ForCustomer(d), contract, product);
    }

    private (DateTime Anchor, int Months) PeriodsOf(ContractDifference d)
    {
        if (d.ContractId is { } id && _contracts.TryGetValue(id, out var contract) && contract.StartDate is { } start)
        {
            var label = _contractFields
                .FirstOrDefault(static f => Names.Equals(f.Name, "contractPeriodType"))?.PicklistValues?
                .FirstOrDefault(v => v.Value == contract.ContractPeriodType?.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Label;
            return (start, MonthsFor(label));
        }

        return (ContractStart(d), 1);
    }

    private static int MonthsFor(string? periodLabel) =>
        (periodLabel ?? string.Empty).Replace("-", string.Empty).Replace(" ", string.Empty).ToUpperInvariant() switch
        {
            "QUARTERLY" => 3,
            "SEMIANNUAL" => 6,
            "YEARLY" or "ANNUAL" or "ANNUALLY" => 12,
            _ => 1,
        };

    private static string ServiceKey(ContractDifference d, EntityReference service) =>
        service.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? service.OperationKey ?? d.Sku.ToUpperInvariant();

    private static string ContractTarget(ContractDifference d) => SyncText.Join(CompanyNameOf(d), ContractNameOf(d), d.Sku);

    private string? OwnerProblem() =>
        Settings.DefaultAccountManagerResourceId is null
            ? "no default account manager is set up to own new companies (BillingSettings.DefaultAccountManagerResourceId)"
            : null;

    private string? CreateProblem(CreatableEntities kind, string noun) =>
        (Settings.SyncMayCreate & kind) == kind ? null : $"the settings do not let sync create {noun} (BillingSettings.SyncMayCreate)";

    private void Add(string key, ContractDifference d, Func<SyncOperation> create, params EntityReference[] dependencies)
    {
        if (!_operations.TryGetValue(key, out var operation))
        {
            operation = create();
            foreach (var dependency in dependencies)
            {
                if (dependency.OperationKey is { } dependencyKey)
                {
                    operation.DependencyKeys.Add(dependencyKey);
                }
            }

            _operations[key] = operation;
        }

        operation.DifferenceIdList.Add(d.DifferenceId);
        operation.Differences.Add(d);
    }

    private void Add(string key, ContractDifference d, Func<SyncOperation> create, EntityReference contract, string dependencyKey)
    {
        Add(key, d, create, contract, EntityReference.ProducedBy(dependencyKey));
    }
}
