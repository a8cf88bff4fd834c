using System.Collections.Concurrent;
using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Sync;

/// <summary>
/// One execution of a plan. Every operation runs as its own task that first awaits its prerequisites, so
/// independent contracts proceed in parallel while each contract's writes keep the plan's order. Writes pass a gate
/// of <see cref="WritesInFlightPerEndpoint"/> per endpoint taken with the run's stop token: once past it, a write is
/// in flight and settles even if the run is cancelled (it is sent without the token, so its outcome is known and
/// journalled).
/// </summary>
internal sealed class SyncRun : IDisposable
{
    /// <summary>Autotask's thread limit per endpoint; the client enforces it too, this keeps cancelled writes unsent.</summary>
    private const int WritesInFlightPerEndpoint = 3;

    private readonly SyncPlan _plan;
    private readonly HashSet<string> _approved;
    private readonly SyncOptions _options;
    private readonly Action<SyncResult>? _onResult;
    private readonly IProgress<SyncProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenSource _stop;
    private readonly Dictionary<string, SyncOperation> _operations;
    private readonly Dictionary<string, Lazy<Task<OperationOutcome>>> _outcomes;
    private readonly ConcurrentDictionary<long, Lazy<Task<ContractState>>> _states = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _writeGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _reporting = new();
    private readonly RunTally _tally = new();
    private readonly string _runId;
    private SyncJournal? _journal;
    private volatile bool _budgetExhausted;

    public SyncRun(
        SyncPlan plan,
        HashSet<string> approved,
        SyncOptions options,
        Action<SyncResult>? onResult,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        _plan = plan;
        _approved = approved;
        _options = options;
        _onResult = onResult;
        _progress = progress;
        _cancellation = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _runId = NewRunId();
        _operations = plan.Operations.ToDictionary(static op => op.Key, StringComparer.Ordinal);
        _outcomes = plan.Operations.ToDictionary(
            static op => op.Key,
            op => new Lazy<Task<OperationOutcome>>(() => Task.Run(() => RunOperationAsync(op))),
            StringComparer.Ordinal);
        PrepareStateReads();
    }

    private AutotaskClient Client => _plan.Context.Client;

    private CancellationToken StopToken => _stop.Token;

    public async Task<SyncRunSummary> RunAsync()
    {
        var started = DateTime.UtcNow;
        var requestsBefore = Client.Requests.Total;
        if (_options.JournalFolder is { } folder)
        {
            _journal = SyncJournal.Create(folder, _runId);
            _journal.WriteHeader(_runId, started, Client.UserName, _options.RunBy, _options.ModuleVersion, _options.Force, _plan.Operations.Count);
            foreach (var operation in _plan.Operations)
            {
                _journal.WriteOperation(operation, _approved.Contains(operation.OperationId));
            }
        }

        await Task.WhenAll(_plan.Operations.Select(op => _outcomes[op.Key].Value)).ConfigureAwait(false);
        var summary = new SyncRunSummary(
            _runId, started, DateTime.UtcNow, _tally.Applied, _tally.Skipped, _tally.Failed, _tally.NotRun, _tally.NeedsAttention,
            Client.Requests.Total - requestsBefore, _journal?.Path, _budgetExhausted, _cancellation.IsCancellationRequested, _plan.Unresolved, _tally.NotApplied, _tally.Unconfirmed);
        _journal?.WriteSummary(summary);
        return summary;
    }

    internal static string NewRunId() =>
        DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

    public void Dispose()
    {
        _journal?.Dispose();
        _stop.Dispose();
        foreach (var gate in _writeGates.Values)
        {
            gate.Dispose();
        }
    }

    private static bool ReadsContract(SyncOperationKind kind) => kind >= SyncOperationKind.AddContractService;

    /// <summary>Contracts that exist at plan time are read in batches, each batch on first demand.</summary>
    private void PrepareStateReads()
    {
        var operationsByContract = _plan.Operations
            .Where(static op => ReadsContract(op.Kind) && op.Details.Contract.Id is not null)
            .GroupBy(static op => op.Details.Contract.Id!.Value)
            .ToList();
        var batchSize = Math.Max(1, _options.ContractsPerRead);
        for (var start = 0; start < operationsByContract.Count; start += batchSize)
        {
            var contracts = operationsByContract.Skip(start).Take(batchSize).ToList();
            var ids = contracts.Select(static c => c.Key).ToList();
            var kinds = contracts.SelectMany(static c => c).Select(static op => op.Kind).ToList();
            var readServices = kinds.Any(static kind => kind is SyncOperationKind.AddContractService or SyncOperationKind.AdjustUnits or SyncOperationKind.UpdatePriceAndCost);
            var readCharges = kinds.Any(static kind => kind is SyncOperationKind.CreateCharge or SyncOperationKind.CreateProratedCharge);
            var batch = new Lazy<Task<IReadOnlyDictionary<long, ContractState>>>(() => ReadStatesAsync(ids, readServices, readCharges));
            foreach (var id in ids)
            {
                _states[id] = new Lazy<Task<ContractState>>(async () => (await batch.Value.ConfigureAwait(false))[id]);
            }
        }
    }

    private Task<ContractState> StateAsync(long contractId) =>
        _states.GetOrAdd(contractId, id => new Lazy<Task<ContractState>>(async () =>
            (await ReadStatesAsync(new[] { id }, true, true).ConfigureAwait(false))[id])).Value;

    /// <summary>
    /// The drift-check read for a batch of contracts, pages of 500: their services and unit rows when the batch
    /// changes services, their charges when it creates charges.
    /// </summary>
    private async Task<IReadOnlyDictionary<long, ContractState>> ReadStatesAsync(IReadOnlyList<long> contractIds, bool readServices, bool readCharges)
    {
        var services = readServices
            ? Client.QueryInAsync<ContractService>(
                "contractID", contractIds, AutotaskQuery.All.WithIncludeFields("contractID", "serviceID", "unitPrice", "unitCost", "adjustedPrice"), StopToken)
            : Task.FromResult<IReadOnlyList<ContractService>>(Array.Empty<ContractService>());
        var units = readServices
            ? Client.QueryInAsync<ContractServiceUnit>("contractID", contractIds, UnitRowsQuery(), StopToken)
            : Task.FromResult<IReadOnlyList<ContractServiceUnit>>(Array.Empty<ContractServiceUnit>());
        var charges = readCharges
            ? Client.QueryInAsync<ContractCharge>(
                "contractID", contractIds, AutotaskQuery.All.WithIncludeFields("contractID", "internalPurchaseOrderNumber", "isBilled"), StopToken)
            : Task.FromResult<IReadOnlyList<ContractCharge>>(Array.Empty<ContractCharge>());
        await Task.WhenAll(services, units, charges).ConfigureAwait(false);
        var servicesByContract = (await services.ConfigureAwait(false)).ToLookup(static s => s.ContractID ?? 0);
        var unitsByContract = (await units.ConfigureAwait(false)).ToLookup(static u => u.ContractID ?? 0);
        var chargesByContract = (await charges.ConfigureAwait(false)).ToLookup(static c => c.ContractID ?? 0);
        return contractIds.ToDictionary(
            id => id,
            id => new ContractState(id, servicesByContract[id], unitsByContract[id], chargesByContract[id]));
    }

    private AutotaskQuery UnitRowsQuery() =>
        AutotaskQuery.Where(AutotaskFilter.Gte("endDate", _plan.EarliestDate))
            .WithIncludeFields("contractID", "contractServiceID", "serviceID", "startDate", "endDate", "units", "price", "cost");

    private Task<OperationOutcome> OutcomeOf(string key) => _outcomes[key].Value;

    private async Task<OperationOutcome> RunOperationAsync(SyncOperation operation)
    {
        foreach (var key in operation.DependencyKeys)
        {
            var prerequisite = await OutcomeOf(key).ConfigureAwait(false);
            if (!prerequisite.Succeeded)
            {
                return Finish(operation, OperationOutcome.InheritedFrom(_operations[key], prerequisite));
            }
        }

        if (!_approved.Contains(operation.OperationId))
        {
            return Finish(operation, OperationOutcome.Skipped(SyncReasonCode.Declined, "declined"));
        }

        if (operation.Problem is not null)
        {
            // Known at plan time and never sent: held back for a person to supply what is missing, not an Autotask failure.
            return Finish(operation, OperationOutcome.Skipped(operation.ProblemCode, "held back: " + operation.Problem));
        }

        if (operation.RequiresForce && !_options.Force)
        {
            return Finish(operation, OperationOutcome.Skipped(SyncReasonCode.NeedsForce, ForceReasonText.Skipped(operation.ForceReason)));
        }

        if (StopToken.IsCancellationRequested)
        {
            return Finish(operation, Stopped());
        }

        var outcome = await OperationAttempt.RunAsync(
            () => ApplyAsync(operation), "sync", StopForBudget, () => _budgetExhausted, StopToken).ConfigureAwait(false);
        return Finish(operation, outcome);
    }

    private OperationOutcome Stopped() => OperationAttempt.Stopped(_budgetExhausted, "sync");

    private void StopForBudget()
    {
        _budgetExhausted = true;
        _stop.Cancel();
    }

    private OperationOutcome Finish(SyncOperation operation, OperationOutcome outcome)
    {
        var result = SyncResult.Of(_runId, operation, outcome);
        lock (_reporting)
        {
            _tally.Count(outcome.Status, NeedsAttention(outcome.Code));
            _journal?.WriteResult(result);
            _onResult?.Invoke(result);
            _progress?.Report(new SyncProgress(_tally.Finished, _plan.Operations.Count, result));
        }

        return outcome;
    }

    // A skip a person has to act on (force, re-compare, approve, complete the data), not one that is simply in step.
    private static bool NeedsAttention(SyncReasonCode code) =>
        code is SyncReasonCode.NeedsForce or SyncReasonCode.ChangedSinceCompare or SyncReasonCode.Declined
            or SyncReasonCode.IncompleteData or SyncReasonCode.BelowZero;

    private Task<OperationOutcome> ApplyAsync(SyncOperation operation) => operation.Kind switch
    {
        SyncOperationKind.CreateVendorCompany => CreateCompanyAsync(operation.Details, "Vendor"),
        SyncOperationKind.CreateCompany => CreateCompanyAsync(operation.Details, "Customer"),
        SyncOperationKind.CreateService => CreateServiceAsync(operation.Details),
        SyncOperationKind.CreateProduct => CreateProductAsync(operation.Details),
        SyncOperationKind.CreateContract => CreateContractAsync(operation.Details),
        SyncOperationKind.AddContractService => AddContractServiceAsync(operation.Details),
        SyncOperationKind.AdjustUnits => AdjustUnitsAsync(operation),
        SyncOperationKind.UpdatePriceAndCost => UpdatePriceAndCostAsync(operation.Details),
        _ => CreateChargeAsync(operation.Details),
    };

    /// <summary>Writes pass the per-endpoint gate with the stop token; once through they are sent without it.</summary>
    private async Task<T> WriteAsync<T>(string endpoint, Func<CancellationToken, Task<T>> write)
    {
        var gate = _writeGates.GetOrAdd(endpoint, static _ => new SemaphoreSlim(WritesInFlightPerEndpoint, WritesInFlightPerEndpoint));
        await gate.WaitAsync(StopToken).ConfigureAwait(false);
        try
        {
            return await write(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long> ResolveAsync(EntityReference reference)
    {
        if (reference.Id is { } id)
        {
            return id;
        }

        var outcome = await OutcomeOf(reference.OperationKey!).ConfigureAwait(false);
        return outcome.AutotaskId ?? throw new InvalidOperationException($"Operation {_operations[reference.OperationKey!].OperationId} succeeded without an Autotask id.");
    }

    private async Task<int> PicklistAsync(string entity, string field, string label) =>
        int.Parse(await Client.ResolvePicklistValueAsync(entity, field, label, StopToken).ConfigureAwait(false), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private async Task<long?> FirstIdAsync<T>(AutotaskQuery query, CancellationToken cancellationToken)
        where T : AutotaskEntity
    {
        var rows = await Client.QueryAsync<T>(query.WithIncludeFields("id"), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows.Min(static row => row.Id);
    }

    private async Task<OperationOutcome> CreateCompanyAsync(SyncOperationDetails details, string companyType)
    {
        var name = details.Name!;
        Task<long?> Find(CancellationToken token) => FirstIdAsync<Company>(AutotaskQuery.Where(AutotaskFilter.Eq("companyName", name)), token);
        if (await Find(StopToken).ConfigureAwait(false) is { } existing)
        {
            return OperationOutcome.InStep($"the company '{name}' exists already", existing);
        }

        var company = new Company
        {
            CompanyName = name,
            CompanyType = await PicklistAsync("Companies", "companyType", companyType).ConfigureAwait(false),
            OwnerResourceID = details.OwnerResourceId,
            Phone = details.Phone,
            Address1 = details.Address,
            City = details.City,
            State = details.State,
            PostalCode = details.PostalCode,
            WebAddress = details.WebAddress,
            IsActive = true,
        };
        var id = await WriteAsync("Companies", token => Client.CreateAsync(company, Find, token)).ConfigureAwait(false);
        return OperationOutcome.Applied($"created {companyType.ToLowerInvariant()} company '{name}'", id);
    }

    private async Task<OperationOutcome> CreateServiceAsync(SyncOperationDetails details)
    {
        var name = details.Name!;
        Task<long?> Find(CancellationToken token) => FirstIdAsync<Service>(AutotaskQuery.Where(AutotaskFilter.Eq("name", name)), token);
        if (await Find(StopToken).ConfigureAwait(false) is { } existing)
        {
            return OperationOutcome.InStep($"the service '{name}' exists already", existing);
        }

        var service = new Service
        {
            Name = name,
            Description = details.Description,
            PeriodType = await PicklistAsync("Services", "periodType", "Monthly").ConfigureAwait(false),
            UnitPrice = 0m,
            BillingCodeID = details.BillingCodeId,
            VendorCompanyID = details.Vendor.IsEmpty ? null : await ResolveAsync(details.Vendor).ConfigureAwait(false),
            IsActive = true,
            Sku = AutotaskText.Truncate(details.Sku, 50),
        };
        var id = await WriteAsync("Services", token => Client.CreateAsync(service, Find, token)).ConfigureAwait(false);
        return OperationOutcome.Applied($"created service '{name}'", id);
    }

    private async Task<OperationOutcome> CreateProductAsync(SyncOperationDetails details)
    {
        var sku = details.Sku!;
        // Found by its Manufacturer Product Number = SKU (the seeds' rule), or by the vendor part number earlier runs set.
        async Task<long?> Find(CancellationToken token) =>
            await FirstIdAsync<Product>(AutotaskQuery.Where(AutotaskFilter.Eq("manufacturerProductName", sku)), token).ConfigureAwait(false)
            ?? await FirstIdAsync<Product>(AutotaskQuery.Where(AutotaskFilter.Eq("vendorProductNumber", sku)), token).ConfigureAwait(false);
        if (await Find(StopToken).ConfigureAwait(false) is { } existing)
        {
            return OperationOutcome.InStep($"a product with manufacturer product number {sku} exists already", existing);
        }

        var product = new Product
        {
            Name = details.Name,
            Description = details.Description,
            Sku = AutotaskText.Truncate(sku, 50),
            VendorProductNumber = AutotaskText.Truncate(sku, 50),
            ManufacturerProductName = AutotaskText.Truncate(sku, 100),
            ProductBillingCodeID = details.BillingCodeId,
            DefaultVendorID = details.Vendor.IsEmpty ? null : await ResolveAsync(details.Vendor).ConfigureAwait(false),
            IsActive = true,
            IsSerialized = false,
        };
        var id = await WriteAsync("Products", token => Client.CreateAsync(product, Find, token)).ConfigureAwait(false);
        return OperationOutcome.Applied($"created product '{details.Name}'", id);
    }

    private async Task<OperationOutcome> CreateContractAsync(SyncOperationDetails details)
    {
        var name = details.Name!;
        var companyId = await ResolveAsync(details.Company).ConfigureAwait(false);
        var foundByLookup = false;
        async Task<long?> Find(CancellationToken token)
        {
            var id = await FirstIdAsync<Contract>(
                AutotaskQuery.Where(AutotaskFilter.Eq("companyID", companyId), AutotaskFilter.Eq("contractName", name)), token).ConfigureAwait(false);
            foundByLookup |= id is not null;
            return id;
        }

        if (await Find(StopToken).ConfigureAwait(false) is { } existing)
        {
            return OperationOutcome.InStep($"the contract '{name}' exists already", existing, existing);
        }

        var contract = new Contract
        {
            CompanyID = companyId,
            ContractName = name,
            ContractType = Contract.RecurringServiceType,
            Status = await PicklistAsync("Contracts", "status", "Active").ConfigureAwait(false),
            ContractPeriodType = await PicklistAsync("Contracts", "contractPeriodType", "Monthly").ConfigureAwait(false),
            StartDate = details.StartDate,
            EndDate = details.EndDate,
            TimeReportingRequiresStartAndStopTimes = 0,
        };
        var created = await WriteAsync("Contracts", token => Client.CreateAsync(contract, Find, token)).ConfigureAwait(false);
        if (!foundByLookup)
        {
            // Created just now: nothing is on it yet, so its operations need no read.
            _states.TryAdd(created, new Lazy<Task<ContractState>>(() => Task.FromResult(ContractState.Empty(created))));
        }

        return OperationOutcome.Applied($"created contract '{name}' ({details.StartDate:yyyy-MM-dd} to {details.EndDate:yyyy-MM-dd})", created, created);
    }

    private async Task<OperationOutcome> AddContractServiceAsync(SyncOperationDetails details)
    {
        var contractId = await ResolveAsync(details.Contract).ConfigureAwait(false);
        var serviceId = await ResolveAsync(details.Service).ConfigureAwait(false);
        var state = await StateAsync(contractId).ConfigureAwait(false);
        if (state.ServiceFor(serviceId) is { } onContract)
        {
            return OperationOutcome.InStep("the service is on the contract already", onContract.Id, contractId);
        }

        Task<long?> Find(CancellationToken token) => FirstIdAsync<ContractService>(
            AutotaskQuery.Where(AutotaskFilter.Eq("contractID", contractId), AutotaskFilter.Eq("serviceID", serviceId)), token);

        // The contract's read may be older than another writer's create: ask Autotask right before this one.
        if (await Find(StopToken).ConfigureAwait(false) is { } existing)
        {
            return OperationOutcome.InStep("the service is on the contract already", existing, contractId);
        }

        var contractService = new ContractService
        {
            ContractID = contractId,
            ServiceID = serviceId,
            UnitPrice = details.TargetPrice,
            UnitCost = details.TargetCost,
        };
        var id = await WriteAsync("ContractServices", token => Client.CreateAsync(contractService, Find, token)).ConfigureAwait(false);

        // Read back the price and cost the contract service was added at (Autotask rounds them, or may fill them in).
        var added = await Client.GetAsync<ContractService>(id, StopToken).ConfigureAwait(false);
        state.AddService(new ContractService
        {
            Id = id, ContractID = contractId, ServiceID = serviceId, UnitPrice = added?.UnitPrice ?? details.TargetPrice,
            UnitCost = added?.UnitCost ?? details.TargetCost, AdjustedPrice = added?.AdjustedPrice,
        });
        var (targetPrice, targetCost) = (AutotaskPrecision.Round(details.TargetPrice), AutotaskPrecision.Round(details.TargetCost));
        if (added is null || (targetPrice is not null && AutotaskPrecision.Round(added.UnitPrice) != targetPrice)
            || (targetCost is not null && AutotaskPrecision.Round(added.UnitCost) != targetCost))
        {
            return OperationOutcome.NotApplied(
                $"added the service to the contract, but Autotask shows unit price {Format(added?.UnitPrice)} and cost {Format(added?.UnitCost)}, not {Format(targetPrice)} and {Format(targetCost)}",
                id,
                contractId);
        }

        return OperationOutcome.Applied("added the service to the contract (read back)", id, contractId);
    }

    /// <summary>
    /// The adjustment is derived from what Autotask shows now: delta = target − units in force on the effective date.
    /// A re-run after a crash therefore finds the target in place ("already in step") instead of adding twice.
    /// </summary>
    private async Task<OperationOutcome> AdjustUnitsAsync(SyncOperation operation)
    {
        var details = operation.Details;
        var contractId = await ResolveAsync(details.Contract).ConfigureAwait(false);
        var contractServiceId = await ResolveAsync(details.ContractService).ConfigureAwait(false);
        var state = await StateAsync(contractId).ConfigureAwait(false);
        var effective = details.EffectiveDate!.Value;
        var target = details.TargetUnits!.Value;
        var current = state.UnitsOn(contractServiceId, effective).Units;
        if (current == target)
        {
            return OperationOutcome.InStep($"Autotask already shows {target} units from {effective:yyyy-MM-dd}", null, contractId);
        }

        var seen = state.UnitsOn(contractServiceId, details.AsOf).Units;
        if (details.ComparedUnits is { } compared && seen != compared)
        {
            return OperationOutcome.Skipped(
                SyncReasonCode.ChangedSinceCompare,
                $"changed since compare: Autotask shows {seen} units on {details.AsOf:yyyy-MM-dd}, the compare saw {compared}",
                contractId);
        }

        if (details.GuardQuantity && !_options.Force && !operation.RequiresForce
            && QuantityGuardrail.Of(_plan.Context.Settings).Check(current, target).Why is { } forceReason)
        {
            return OperationOutcome.Skipped(SyncReasonCode.NeedsForce, ForceReasonText.Skipped(forceReason), contractId);
        }

        async Task<long?> Confirm(CancellationToken token)
        {
            var rows = await ReadUnitRowsAsync(contractServiceId, token).ConfigureAwait(false);
            state.ReplaceUnits(contractServiceId, rows);
            return UnitsInForce.On(rows, effective).Units == target ? 0 : null;
        }

        var adjustment = new ContractServiceAdjustment
        {
            ContractID = contractId,
            ContractServiceID = contractServiceId,
            EffectiveDate = effective,
            UnitChange = target - current,
        };
        var id = await WriteAsync("ContractServiceAdjustments", token => Client.CreateAsync(adjustment, Confirm, token)).ConfigureAwait(false);
        var billed = await ReadBackAsync(state, contractServiceId, effective).ConfigureAwait(false);
        if (billed.Units != target)
        {
            return OperationOutcome.NotApplied(
                $"Autotask accepted the adjustment of {target - current} units from {effective:yyyy-MM-dd} but bills {billed.Units} units from that date, not {target}",
                id,
                contractId);
        }

        return OperationOutcome.Applied($"units {current} → {target} from {effective:yyyy-MM-dd} (read back)", id, contractId);
    }

    /// <summary>What Autotask bills from the date after a write: its unit rows, read again (the run's state follows).</summary>
    private async Task<UnitsInForce> ReadBackAsync(ContractState state, long contractServiceId, DateTime date)
    {
        var rows = await ReadUnitRowsAsync(contractServiceId, StopToken).ConfigureAwait(false);
        state.ReplaceUnits(contractServiceId, rows);
        return UnitsInForce.On(rows, date);
    }

    private Task<IReadOnlyList<ContractServiceUnit>> ReadUnitRowsAsync(long contractServiceId, CancellationToken cancellationToken) =>
        Client.QueryAsync<ContractServiceUnit>(UnitRowsQuery().AndWhere(AutotaskFilter.Eq("contractServiceID", contractServiceId)), cancellationToken);

    /// <summary>
    /// Makes Autotask bill the target price and cost from the effective date, and reads back what it bills to say so.
    /// Autotask's documentation leaves open whether contract services have a writable adjustedPrice and whether an
    /// adjustment's adjustedUnitPrice/adjustedUnitCost change what the unit rows bill (docs/autotask-api-notes.md), so:
    /// one adjustment of zero units carries what differs from the effective date; a price it did not place goes through
    /// adjustedPrice when this Autotask has that field. Whatever Autotask still does not bill is reported NotApplied,
    /// with what it bills instead.
    /// </summary>
    private async Task<OperationOutcome> UpdatePriceAndCostAsync(SyncOperationDetails details)
    {
        var contractId = await ResolveAsync(details.Contract).ConfigureAwait(false);
        var contractServiceId = await ResolveAsync(details.ContractService).ConfigureAwait(false);
        var state = await StateAsync(contractId).ConfigureAwait(false);
        var effective = details.EffectiveDate!.Value;
        var targetPrice = AutotaskPrecision.Round(details.TargetPrice);
        var targetCost = AutotaskPrecision.Round(details.TargetCost);
        bool PriceInStep(decimal? price) => targetPrice is null || price == targetPrice;
        bool CostInStep(decimal? cost) => targetCost is null || cost == targetCost;

        var (price, cost) = BilledOn(state, contractServiceId, effective);
        if (PriceInStep(price) && CostInStep(cost))
        {
            return OperationOutcome.InStep("Autotask already bills the target price and cost", contractServiceId, contractId);
        }

        // Drift is a value that moved since the compare to something other than the target (an earlier run that got part
        // of the way, say the price but not the cost, is not drift).
        var (seenPrice, seenCost) = BilledOn(state, contractServiceId, details.AsOf);
        if ((targetPrice is not null && details.ComparedPrice is not null && seenPrice != AutotaskPrecision.Round(details.ComparedPrice) && seenPrice != targetPrice)
            || (targetCost is not null && details.ComparedCost is not null && seenCost != AutotaskPrecision.Round(details.ComparedCost) && seenCost != targetCost))
        {
            return OperationOutcome.Skipped(
                SyncReasonCode.ChangedSinceCompare,
                $"changed since compare: Autotask shows unit price {Format(seenPrice)} and cost {Format(seenCost)}, the compare saw {Format(details.ComparedPrice)} and {Format(details.ComparedCost)}",
                contractId);
        }

        var written = new List<string>();
        long? adjustmentId = null;

        // An adjustment places the price and cost exactly at the effective date. A 0-unit adjustment has no key to look
        // up, so what Autotask bills from the effective date is the evidence: found when it bills the target. Unseen,
        // the client never sends it again (Unconfirmed after a lost answer, Failed after an error answer) and the next
        // run writes it once more; the adjustedPrice fallback below is only for an adjustment Autotask took but ignored,
        // never for one whose outcome is unknown (it would move the price to the period start).
        async Task<long?> Confirm(CancellationToken token)
        {
            var (billedPrice, billedCost) = await ReadBackPriceAsync(state, contractServiceId, effective).ConfigureAwait(false);
            return PriceInStep(billedPrice) && CostInStep(billedCost) ? 0 : null;
        }

        var adjustment = new ContractServiceAdjustment
        {
            ContractID = contractId,
            ContractServiceID = contractServiceId,
            EffectiveDate = effective,
            UnitChange = 0,
            AdjustedUnitPrice = PriceInStep(price) ? null : targetPrice,
            AdjustedUnitCost = CostInStep(cost) ? null : targetCost,
        };
        adjustmentId = await WriteAsync("ContractServiceAdjustments", token => Client.CreateAsync(adjustment, Confirm, token)).ConfigureAwait(false);
        adjustmentId = adjustmentId > 0 ? adjustmentId : null;
        written.Add("an adjustment of 0 units");
        var (nowPrice, nowCost) = await ReadBackPriceAsync(state, contractServiceId, effective).ConfigureAwait(false);

        // Where the adjustment's price did not take, adjustedPrice is the documented way (from the first open period).
        if (!PriceInStep(nowPrice) && await HasAdjustedPriceAsync().ConfigureAwait(false))
        {
            var changes = new Dictionary<string, object?> { ["adjustedPrice"] = targetPrice };
            await WriteAsync("ContractServices", async token =>
            {
                await Client.UpdateAsync<ContractService>(contractServiceId, changes, contractId, token).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            written.Add("adjustedPrice");
            (nowPrice, nowCost) = await ReadBackPriceAsync(state, contractServiceId, effective).ConfigureAwait(false);
        }

        var via = string.Join(" and ", written);
        if (!PriceInStep(nowPrice) || !CostInStep(nowCost))
        {
            return OperationOutcome.NotApplied(
                $"after {via}, Autotask bills unit price {Format(nowPrice)} and cost {Format(nowCost)} from {effective:yyyy-MM-dd}, "
                + $"not {Format(targetPrice ?? nowPrice)} and {Format(targetCost ?? nowCost)}: this Autotask does not take that change through the API",
                adjustmentId ?? contractServiceId,
                contractId);
        }

        return OperationOutcome.Applied(
            $"unit price {Format(price)} → {Format(nowPrice)}, unit cost {Format(cost)} → {Format(nowCost)} from {effective:yyyy-MM-dd} through {via} (read back)",
            adjustmentId ?? contractServiceId,
            contractId);
    }

    private async Task<(decimal? Price, decimal? Cost)> ReadBackPriceAsync(ContractState state, long contractServiceId, DateTime date)
    {
        await ReadBackAsync(state, contractServiceId, date).ConfigureAwait(false);
        return BilledOn(state, contractServiceId, date);
    }

    /// <summary>Whether this Autotask's contract services have an adjustedPrice field (its fields, read once per connection).</summary>
    private async Task<bool> HasAdjustedPriceAsync()
    {
        var fields = await Client.GetFieldsAsync("ContractServices", StopToken).ConfigureAwait(false);
        return fields.Any(static f => string.Equals(f.Name, "adjustedPrice", StringComparison.OrdinalIgnoreCase) && !f.IsReadOnly);
    }

    /// <summary>
    /// What Autotask bills on the date, at its stored precision: the units row's price and cost when it has them, else
    /// the contract service's (adjustedPrice, else unitPrice; unitCost). Compare reads them the same way.
    /// </summary>
    private static (decimal? Price, decimal? Cost) BilledOn(ContractState state, long contractServiceId, DateTime date)
    {
        var service = state.ContractService(contractServiceId);
        var units = state.UnitsOn(contractServiceId, date);
        var price = units.HasRow && units.Price is not null ? units.Price : service?.AdjustedPrice ?? service?.UnitPrice;
        var cost = units.HasRow && units.Cost is not null ? units.Cost : service?.UnitCost;
        return (AutotaskPrecision.Round(price), AutotaskPrecision.Round(cost));
    }

    /// <summary>One charge per idempotency key: a charge already carrying the key (billed or not) is left untouched.</summary>
    private async Task<OperationOutcome> CreateChargeAsync(SyncOperationDetails details)
    {
        var contractId = await ResolveAsync(details.Contract).ConfigureAwait(false);
        var state = await StateAsync(contractId).ConfigureAwait(false);
        var key = details.ChargeKey!;
        if (state.ChargeWithKey(key) is { } charged)
        {
            var billed = charged.IsBilled == true ? ", billed; left untouched" : string.Empty;
            return OperationOutcome.InStep($"already charged (charge {charged.Id}{billed})", charged.Id, contractId);
        }

        Task<long?> Find(CancellationToken token) => FirstIdAsync<ContractCharge>(
            AutotaskQuery.Where(AutotaskFilter.Eq("contractID", contractId), AutotaskFilter.Eq("internalPurchaseOrderNumber", key)), token);

        // The contract's read may be older than another writer's create: ask Autotask for the key right before this one.
        if (await Find(StopToken).ConfigureAwait(false) is { } chargedSince)
        {
            return OperationOutcome.InStep($"already charged (charge {chargedSince})", chargedSince, contractId);
        }
        var charge = new ContractCharge
        {
            ContractID = contractId,
            Name = details.Name,
            Description = AutotaskText.Truncate(details.Description, 2000),
            ChargeType = await PicklistAsync("ContractCharges", "chargeType", "Operational").ConfigureAwait(false),
            DatePurchased = details.ChargeDate,
            UnitQuantity = details.ChargeQuantity,
            UnitPrice = details.ChargeUnitPrice,
            UnitCost = details.ChargeUnitCost,
            ProductID = details.Product.IsEmpty ? null : await ResolveAsync(details.Product).ConfigureAwait(false),
            BillingCodeID = details.BillingCodeId,
            InternalPurchaseOrderNumber = key,
            IsBillableToCompany = true,
        };
        var id = await WriteAsync("ContractCharges", token => Client.CreateAsync(charge, Find, token)).ConfigureAwait(false);
        state.AddCharge(key, new ContractCharge { Id = id, ContractID = contractId, InternalPurchaseOrderNumber = key });
        return OperationOutcome.Applied("charged", id, contractId);
    }

    private static string Format(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "none";
}
