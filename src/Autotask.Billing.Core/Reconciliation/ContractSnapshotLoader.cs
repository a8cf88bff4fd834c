using System.Runtime.ExceptionServices;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Reads what Autotask shows for a set of contracts in bulk: every entity in pages of 500, id lists as chunked "in"
/// filters, independent reads side by side, never one call per customer. Contracts named by id are read together
/// with their services and units; other selections read the contracts first. Services, products and companies are
/// read by id unless the whole catalog (or every company) is asked for, which is then one paged read. Charges are read
/// only for the contracts named in <see cref="ContractSnapshotOptions.ChargeContractIds"/>, and only those carrying a
/// sync key.
/// </summary>
public sealed class ContractSnapshotLoader
{
    /// <summary>Autotask's one fixed picklist value: contractType 7 is Recurring Service.</summary>
    private static readonly string[] ContractServiceFields =
    {
        "id", "contractID", "serviceID", "unitPrice", "unitCost", "adjustedPrice", "invoiceDescription", "internalDescription",
    };

    private static readonly string[] UnitFields =
    {
        "id", "contractID", "contractServiceID", "serviceID", "startDate", "endDate", "units", "price", "cost", "approveAndPostDate",
    };

    private static readonly string[] ChargeFields = { "id", "contractID", "internalPurchaseOrderNumber", "unitQuantity", "unitPrice", "unitCost", "isBilled" };

    private static readonly string[] CompanyFields =
    {
        "id", "companyName", "companyNumber", "companyType", "isActive", "webAddress", "currencyID", "parentCompanyID",
    };

    private readonly AutotaskClient _client;

    public ContractSnapshotLoader(AutotaskClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public Task<ContractSnapshot> LoadAsync(
        ContractSelection selection, ContractSnapshotOptions options, CancellationToken cancellationToken = default) =>
        LoadAsync(selection, options, prefetch: null, cancellationToken);

    /// <summary>
    /// Starts reading these contracts with their services and picklist labels (and the units in force on
    /// <paramref name="asOf"/> when it is known; later with <see cref="ContractPrefetch.ReadUnitsOn"/>), before
    /// the rest of a load is known. A load of contracts among these uses what it read.
    /// </summary>
    public ContractPrefetch Prefetch(IEnumerable<long> contractIds, DateTime? asOf, CancellationToken cancellationToken = default)
    {
        var ids = (contractIds ?? throw new ArgumentNullException(nameof(contractIds))).Distinct().ToList();
        var reads = new SnapshotReadLog();
        var labels = new PicklistLabels();
        var prefetch = new ContractPrefetch(
            ids,
            _client.Requests.Snapshot(),
            reads,
            labels,
            CancellationTokenSource.CreateLinkedTokenSource(cancellationToken),
            token => ReadLabelsAsync(labels, companies: false, reads, token),
            token => ReadByIdsAsync<Contract>("id", ids, null, reads, token),
            token => ReadContractServicesAsync(ids, reads, token),
            (day, token) => ReadUnitsAsync(ids, day, reads, token),
            (companyIds, token) => ReadByIdsUntilStoppedAsync<Company>(companyIds, CompanyFields, reads, token),
            (serviceIds, token) => ReadByIdsUntilStoppedAsync<Service>(serviceIds, null, reads, token),
            token => ReadEveryCompanyAsync(reads, token),
            token => ReadLabelsAsync(labels, new[] { PicklistEntities.Companies }, reads, token));
        if (asOf is DateTime day)
        {
            prefetch.ReadUnitsOn(day);
        }

        return prefetch;
    }

    /// <summary>
    /// A load that takes the contracts, services, units and labels a <paramref name="prefetch"/> read when it covers
    /// them. A load that fails stops the reads it started and waits for them before it throws the first failure; it
    /// stops a prefetch it was using too, whose reads nothing else can use then.
    /// </summary>
    public async Task<ContractSnapshot> LoadAsync(
        ContractSelection selection, ContractSnapshotOptions options, ContractPrefetch? prefetch, CancellationToken cancellationToken = default)
    {
        if (selection is null)
        {
            throw new ArgumentNullException(nameof(selection));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var namedOnly = selection.ContractIds is not null && selection.CompanyIds is null && !selection.ActiveOnly && !selection.RecurringOnly;
        var prefetched = prefetch is not null && namedOnly && options.IncludeContractServices && prefetch.Covers(selection.ContractIds!) ? prefetch : null;
        using var running = new SnapshotLoadReads(cancellationToken);
        try
        {
            var snapshot = await LoadAsync(selection, options, namedOnly, prefetched, running).ConfigureAwait(false);

            // Every read it started has ended (Settled): the snapshot holds the rows it uses, the prefetch none.
            prefetched?.Release();
            return snapshot;
        }
        catch (Exception caught)
        {
            prefetched?.Dispose();
            var failure = await running.StopAsync(caught).ConfigureAwait(false);
            if (prefetched is not null)
            {
                await prefetched.Settled().ConfigureAwait(false);
            }

            if (!ReferenceEquals(failure, caught))
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }

            throw;
        }
    }

    /// <summary>The load itself: every read it starts goes through <paramref name="running"/>, with its token.</summary>
    private async Task<ContractSnapshot> LoadAsync(
        ContractSelection selection, ContractSnapshotOptions options, bool namedOnly, ContractPrefetch? prefetched, SnapshotLoadReads running)
    {
        var asOf = BillingWindow.AsDate(options.AsOf);
        var before = prefetched?.Before ?? _client.Requests.Snapshot();
        var reads = prefetched?.Reads ?? new SnapshotReadLog();
        var labels = prefetched?.Labels ?? new PicklistLabels();

        // What this load reads whole, the prefetch no longer reads by id, nor holds beside it.
        if (options.AllCompanies)
        {
            prefetched?.StopCompanies();
        }

        if (options.AllServices)
        {
            prefetched?.StopServices();
        }

        // Every company (and their labels) may be in hand already: the prefetch read them once a line of an unmapped
        // customer came in. Taken before the labels are: from here on the prefetch starts no such read.
        var everyCompany = prefetched?.TakeEveryCompany();
        var labelsTask = prefetched is null
            ? running.Start(token => ReadLabelsAsync(labels, options.AllCompanies, reads, token))
            : running.Start(token => ReadCompanyLabelsAfterAsync(prefetched, options.AllCompanies, token));
        var allCompaniesTask = !options.AllCompanies
            ? null
            : everyCompany is not null
            ? running.Watch(everyCompany)
            : running.Start(token => ReadEveryCompanyAsync(reads, token));
        var allServicesTask = options.AllServices
            ? running.Start(token => ReadAllAsync<Service>(AutotaskQuery.All, "the whole catalog", reads, token))
            : null;
        var productsTask = options.AllProducts
            ? running.Start(token => ReadAllAsync<Product>(AutotaskQuery.All, "the whole catalog", reads, token))
            : running.Start(token => ReadByIdsAsync<Product>("id", options.ProductIds, null, reads, token));

        var chargesTask = running.Start(token => ReadByIdsAsync<ContractCharge>(
            "contractID", options.ChargeContractIds, ChargeFields, reads, token, AutotaskQuery.Where(AutotaskFilter.Exist("internalPurchaseOrderNumber"))));

        Task<IReadOnlyList<ContractService>>? contractServicesTask = null;
        Task<IReadOnlyList<ContractServiceUnit>>? unitsTask = null;
        if (prefetched is not null)
        {
            contractServicesTask = running.Watch(prefetched.ContractServices);
            unitsTask = prefetched.UnitsOn(asOf) is { } prefetchedUnits
                ? running.Watch(prefetchedUnits)
                : running.Start(token => ReadUnitsAsync(selection.ContractIds!, asOf, reads, token));
        }
        else if (namedOnly && options.IncludeContractServices)
        {
            contractServicesTask = running.Start(token => ReadContractServicesAsync(selection.ContractIds!, reads, token));
            unitsTask = running.Start(token => ReadUnitsAsync(selection.ContractIds!, asOf, reads, token));
        }

        // A whole-tenant read of services and units needs nothing from the contracts, so it runs alongside them; the
        // catalog services they use are read as their pages come in, not after the last one.
        var unrestricted = selection.ContractIds is null && selection.CompanyIds is null;
        StreamedByIdRead<Service>? servicesAsTheyCome = null;
        if (unrestricted && options.IncludeContractServices)
        {
            var streamed = allServicesTask is null
                ? servicesAsTheyCome = new StreamedByIdRead<Service>(_client.InChunkSize, ids => running.Start(token => QueryByIdsAsync<Service>("id", ids, null, token)))
                : null;
            contractServicesTask = running.Start(token => ReadAllAsync<ContractService>(
                AutotaskQuery.All.WithIncludeFields(ContractServiceFields), "every contract service", reads, token,
                streamed is null ? null : page => streamed.Add(ContractPrefetch.ServiceIdsOf(page))));
            unitsTask = running.Start(token => ReadAllAsync<ContractServiceUnit>(UnitsInForceQuery(asOf), "every unit row in force", reads, token));
        }

        // Likewise the companies of a whole-tenant contract read, as its pages come in.
        var companiesAsTheyCome = prefetched is null && allCompaniesTask is null
            ? new StreamedByIdRead<Company>(_client.InChunkSize, ids => running.Start(token => QueryByIdsAsync<Company>("id", ids, CompanyFields, token)))
            : null;
        var contracts = prefetched is null
            ? await running.Start(token => ReadContractsAsync(
                selection, reads, token, companiesAsTheyCome is null ? null : page => companiesAsTheyCome.Add(ContractPrefetch.CompanyIdsOf(page))))
                .ConfigureAwait(false)
            : Only(selection.ContractIds!, await running.Watch(prefetched.Contracts).ConfigureAwait(false));
        var contractIds = contracts.Keys.ToList();
        if (options.IncludeContractServices && contractServicesTask is null)
        {
            contractServicesTask = running.Start(token => ReadContractServicesAsync(contractIds, reads, token));
            unitsTask = running.Start(token => ReadUnitsAsync(contractIds, asOf, reads, token));
        }

        var companyIds = ContractPrefetch.CompanyIdsOf(contracts.Values).Concat(options.CompanyIds).Distinct().ToList();
        var companiesTask = allCompaniesTask
            ?? (everyCompany is not null
                ? running.Watch(OnlyAsync(companyIds, everyCompany, c => c.Id))
                : companiesAsTheyCome is not null
                ? running.Watch(CompleteAsync(companiesAsTheyCome, companyIds, reads))
                : running.Start(async token => await WithPrefetchedAsync(
                    companyIds, ContractPrefetch.CompanyIdsOf(await prefetched!.Contracts.ConfigureAwait(false)), prefetched.Companies, c => c.Id,
                    missing => ReadByIdsAsync<Company>("id", missing, CompanyFields, reads, token)).ConfigureAwait(false)));

        IReadOnlyList<ContractService> contractServices = contractServicesTask is null
            ? Array.Empty<ContractService>()
            : (await contractServicesTask.ConfigureAwait(false)).Where(cs => cs.ContractID is long id && contracts.ContainsKey(id)).ToList();
        var serviceIds = ContractPrefetch.ServiceIdsOf(contractServices).Concat(options.ServiceIds).Distinct().ToList();
        var servicesTask = allServicesTask
            ?? (servicesAsTheyCome is not null
                ? running.Watch(OnlyAsync(serviceIds, CompleteAsync(servicesAsTheyCome, serviceIds, reads), s => s.Id))
                : prefetched is null
                ? running.Start(token => ReadByIdsAsync<Service>("id", serviceIds, null, reads, token))
                : running.Start(async token => await WithPrefetchedAsync(
                    serviceIds, ContractPrefetch.ServiceIdsOf(await prefetched.ContractServices.ConfigureAwait(false)), prefetched.Services, s => s.Id,
                    missing => ReadByIdsAsync<Service>("id", missing, null, reads, token)).ConfigureAwait(false)));

        // A prefetch may have read more contracts than this load compares: their units are not this snapshot's.
        var units = unitsTask is null
            ? (IReadOnlyList<ContractServiceUnit>)Array.Empty<ContractServiceUnit>()
            : (await unitsTask.ConfigureAwait(false)).Where(u => prefetched is null || (u.ContractID is long id && contracts.ContainsKey(id))).ToList();
        await labelsTask.ConfigureAwait(false);
        var companies = await companiesTask.ConfigureAwait(false);
        var services = await servicesTask.ConfigureAwait(false);
        var products = await productsTask.ConfigureAwait(false);
        var charges = await chargesTask.ConfigureAwait(false);
        if (prefetched is not null)
        {
            await prefetched.Settled().ConfigureAwait(false);
        }

        var used = _client.Requests.Snapshot().Since(before);
        return new ContractSnapshot(
            asOf,
            contracts,
            companies.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First()),
            GroupByContract(contracts.Keys, contractServices),
            InForce(units, asOf),
            services.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First()),
            products.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First()),
            charges.Where(c => c.ContractID is not null && !string.IsNullOrWhiteSpace(c.InternalPurchaseOrderNumber))
                .GroupBy(c => c.ContractID!.Value)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<ContractCharge>)g.ToList()),
            labels,
            options.AllCompanies,
            options.AllServices,
            options.AllProducts,
            reads.ToList(),
            used.Total);
    }

    private static AutotaskQuery UnitsInForceQuery(DateTime asOf) =>
        AutotaskQuery.Where(AutotaskFilter.Lte("startDate", asOf), AutotaskFilter.Gte("endDate", asOf)).WithIncludeFields(UnitFields);

    // Built in place (a list per contract, each sorted by id), not through a sort of every service and a second
    // dictionary: a month's compare holds 200,000 of them, and the copies were garbage at its busiest moment.
    private static IReadOnlyDictionary<long, IReadOnlyList<ContractService>> GroupByContract(
        IEnumerable<long> contractIds, IEnumerable<ContractService> contractServices)
    {
        var byContract = new Dictionary<long, IReadOnlyList<ContractService>>();
        foreach (var id in contractIds)
        {
            byContract[id] = new List<ContractService>();
        }

        foreach (var contractService in contractServices)
        {
            ((List<ContractService>)byContract[contractService.ContractID!.Value]).Add(contractService);
        }

        foreach (var services in byContract.Values)
        {
            ((List<ContractService>)services).Sort(ById);
        }

        return byContract;
    }

    private static int ById(ContractService a, ContractService b) => a.Id.CompareTo(b.Id);

    // An adjustment splits a period into rows that meet but never overlap; should two rows claim the date anyway,
    // the later one is what Autotask bills from (UnitsRowInForce). One pass, no grouping: most services have one row.
    private static IReadOnlyDictionary<long, ContractServiceUnit> InForce(IReadOnlyCollection<ContractServiceUnit> units, DateTime asOf)
    {
        var inForce = new Dictionary<long, ContractServiceUnit>(units.Count);
        foreach (var unit in units)
        {
            if (unit.ContractServiceID is not long id || !(unit.StartDate?.Date <= asOf && unit.EndDate?.Date >= asOf))
            {
                continue;
            }

            inForce[id] = inForce.TryGetValue(id, out var other) ? UnitsRowInForce.On(new[] { other, unit }, asOf)! : unit;
        }

        return inForce;
    }

    /// <summary>
    /// The rows with these ids: those a prefetch asked for from its answer, the others read now; rows the prefetch read
    /// for contracts this load does not compare are left out, so the snapshot is what a load without it would show.
    /// </summary>
    private static async Task<IReadOnlyList<T>> WithPrefetchedAsync<T>(
        IReadOnlyCollection<long> wanted,
        IReadOnlyCollection<long> prefetchedIds,
        Task<IReadOnlyList<T>> prefetchedRows,
        Func<T, long> idOf,
        Func<IReadOnlyCollection<long>, Task<IReadOnlyList<T>>> read)
    {
        var asked = new HashSet<long>(prefetchedIds);
        var missing = wanted.Where(id => !asked.Contains(id)).ToList();
        var readNow = read(missing);
        return Only(wanted, await prefetchedRows.ConfigureAwait(false), idOf).Concat(await readNow.ConfigureAwait(false)).ToList();
    }

    /// <summary>The rows with these ids: a read as pages came in may have read some for rows this load then left out.</summary>
    private static async Task<IReadOnlyList<T>> OnlyAsync<T>(IReadOnlyCollection<long> wanted, Task<IReadOnlyList<T>> rows, Func<T, long> idOf) =>
        Only(wanted, await rows.ConfigureAwait(false), idOf).ToList();

    private static IReadOnlyDictionary<long, Contract> Only(IReadOnlyCollection<long> contractIds, IEnumerable<Contract> rows) =>
        Only(contractIds, rows, c => c.Id).GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The rows whose id is one of <paramref name="wanted"/> (the one rule for rows read ahead of what a load compares).</summary>
    private static IEnumerable<T> Only<T>(IReadOnlyCollection<long> wanted, IEnumerable<T> rows, Func<T, long> idOf)
    {
        var keep = new HashSet<long>(wanted);
        return rows.Where(row => keep.Contains(idOf(row)));
    }

    // The prefetch read the contract and service labels; company labels join them only after, one writer at a time.
    private async Task ReadCompanyLabelsAfterAsync(ContractPrefetch prefetch, bool companies, CancellationToken cancellationToken)
    {
        await prefetch.LabelsRead.ConfigureAwait(false);
        if (prefetch.CompanyLabelsRead is { } early)
        {
            await early.ConfigureAwait(false);
        }
        else if (companies)
        {
            await ReadLabelsAsync(prefetch.Labels, new[] { PicklistEntities.Companies }, prefetch.Reads, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<IReadOnlyList<Company>> ReadEveryCompanyAsync(SnapshotReadLog reads, CancellationToken cancellationToken) =>
        ReadAllAsync<Company>(AutotaskQuery.All.WithIncludeFields(CompanyFields), "every company", reads, cancellationToken);

    private Task ReadLabelsAsync(PicklistLabels labels, bool companies, SnapshotReadLog reads, CancellationToken cancellationToken) =>
        ReadLabelsAsync(
            labels,
            companies
                ? new[] { PicklistEntities.Contracts, PicklistEntities.Services, PicklistEntities.Companies }
                : new[] { PicklistEntities.Contracts, PicklistEntities.Services },
            reads,
            cancellationToken);

    private async Task ReadLabelsAsync(PicklistLabels labels, string[] entities, SnapshotReadLog reads, CancellationToken cancellationToken)
    {
        // Picklists the client already holds cost no request, so they add nothing to the minimum either.
        var alreadyRead = entities.Select(_client.HasFields).ToArray();
        var fields = await Task.WhenAll(entities.Select(e => _client.GetFieldsAsync(e, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < entities.Length; i++)
        {
            labels.Add(entities[i], fields[i]);
            reads.Add(new SnapshotRead(entities[i], alreadyRead[i] ? "picklists (already read)" : "picklists", 0, sent: !alreadyRead[i]));
        }
    }

    private async Task<IReadOnlyDictionary<long, Contract>> ReadContractsAsync(
        ContractSelection selection, SnapshotReadLog reads, CancellationToken cancellationToken, Action<IReadOnlyList<Contract>>? onPage)
    {
        var query = AutotaskQuery.All;
        if (selection.RecurringOnly)
        {
            query = query.AndWhere(AutotaskFilter.Eq("contractType", Contract.RecurringServiceType));
        }

        if (selection.ActiveOnly)
        {
            var active = await _client.ResolvePicklistValueAsync(PicklistEntities.Contracts, "status", "Active", cancellationToken).ConfigureAwait(false);
            query = query.AndWhere(AutotaskFilter.Eq("status", long.Parse(active, System.Globalization.CultureInfo.InvariantCulture)));
        }

        IReadOnlyList<Contract> rows;
        if (selection.ContractIds is not null)
        {
            rows = await ReadByIdsAsync<Contract>("id", selection.ContractIds, null, reads, cancellationToken, query).ConfigureAwait(false);
            if (selection.CompanyIds is not null)
            {
                var companies = new HashSet<long>(selection.CompanyIds);
                rows = rows.Where(c => c.CompanyID is long id && companies.Contains(id)).ToList();
            }
        }
        else if (selection.CompanyIds is not null)
        {
            rows = await ReadByIdsAsync<Contract>("companyID", selection.CompanyIds, null, reads, cancellationToken, query).ConfigureAwait(false);
        }
        else
        {
            // Every contract of a tenant is usually many pages: counted alongside the first so the rest go out at once.
            rows = await ReadAllAsync<Contract>(query, "every contract", reads, cancellationToken, onPage, countWithFirstPage: true).ConfigureAwait(false);
        }

        return rows.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
    }

    private Task<IReadOnlyList<ContractService>> ReadContractServicesAsync(
        IReadOnlyCollection<long> contractIds, SnapshotReadLog reads, CancellationToken cancellationToken) =>
        ReadByIdsAsync<ContractService>("contractID", contractIds, ContractServiceFields, reads, cancellationToken);

    private Task<IReadOnlyList<ContractServiceUnit>> ReadUnitsAsync(
        IReadOnlyCollection<long> contractIds, DateTime asOf, SnapshotReadLog reads, CancellationToken cancellationToken) =>
        ReadByIdsAsync<ContractServiceUnit>("contractID", contractIds, null, reads, cancellationToken, UnitsInForceQuery(asOf));

    private async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        AutotaskQuery query,
        string what,
        SnapshotReadLog reads,
        CancellationToken cancellationToken,
        Action<IReadOnlyList<T>>? onPage = null,
        bool countWithFirstPage = false)
        where T : AutotaskEntity
    {
        var rows = await _client.QueryLargeAsync<T>(query, onPage, countWithFirstPage, cancellationToken).ConfigureAwait(false);
        reads.Add(new SnapshotRead(EntityName<T>(), what, rows.Count));
        return rows;
    }

    private async Task<IReadOnlyList<T>> ReadByIdsAsync<T>(
        string field,
        IReadOnlyCollection<long> ids,
        string[]? includeFields,
        SnapshotReadLog reads,
        CancellationToken cancellationToken,
        AutotaskQuery? extra = null)
        where T : AutotaskEntity
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return Array.Empty<T>();
        }

        var rows = await QueryByIdsAsync<T>(field, distinct, includeFields, cancellationToken, extra).ConfigureAwait(false);
        reads.Add(new SnapshotRead(EntityName<T>(), $"by {field} ({distinct.Count} ids)", rows.Count, distinct.Count, idsPerRequest: _client.InChunkSize));
        return rows;
    }

    /// <summary>
    /// A prefetch's read by id that a load may stop (it reads them all whole): stopped, it is logged as such, so that the
    /// requests it may have sent are allowed for without counting in the minimum (<see cref="SnapshotRead.Stopped"/>).
    /// </summary>
    private async Task<IReadOnlyList<T>> ReadByIdsUntilStoppedAsync<T>(
        IReadOnlyCollection<long> ids, string[]? includeFields, SnapshotReadLog reads, CancellationToken cancellationToken)
        where T : AutotaskEntity
    {
        try
        {
            return await ReadByIdsAsync<T>("id", ids, includeFields, reads, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var named = ids.Distinct().Count();
            reads.Add(SnapshotRead.Stopped(EntityName<T>(), $"by id ({named} ids), stopped before it ended", named, _client.InChunkSize));
            throw;
        }
    }

    /// <summary>A read by id left out of the log: a part of a read logged whole (<see cref="CompleteAsync"/>).</summary>
    private Task<IReadOnlyList<T>> QueryByIdsAsync<T>(
        string field, IReadOnlyCollection<long> ids, string[]? includeFields, CancellationToken cancellationToken, AutotaskQuery? extra = null)
        where T : AutotaskEntity
    {
        var query = extra ?? AutotaskQuery.All;
        if (includeFields is not null)
        {
            query = query.WithIncludeFields(includeFields);
        }

        return _client.QueryInAsync<T>(field, ids, query, cancellationToken);
    }

    /// <summary>
    /// The rows of a read by id whose ids came in page by page, logged as one read of all its ids: its fewest requests
    /// are its full chunks, and the early one it may have started with is counted apart (<see cref="SnapshotRead"/>).
    /// </summary>
    private async Task<IReadOnlyList<T>> CompleteAsync<T>(StreamedByIdRead<T> streamed, IReadOnlyCollection<long> more, SnapshotReadLog reads)
        where T : AutotaskEntity
    {
        var rows = await streamed.CompleteAsync(more).ConfigureAwait(false);
        if (streamed.IdsNamed > 0)
        {
            reads.Add(new SnapshotRead(
                EntityName<T>(), $"by id ({streamed.IdsNamed} ids, as the pages came in)", rows.Count, streamed.IdsNamed,
                idsPerRequest: _client.InChunkSize, chunksRead: streamed.ChunksRead));
        }

        return rows;
    }

    private static string EntityName<T>() =>
        typeof(T).GetCustomAttributes(typeof(AutotaskEntityAttribute), false).OfType<AutotaskEntityAttribute>().FirstOrDefault()?.EntityName
        ?? typeof(T).Name;
}
