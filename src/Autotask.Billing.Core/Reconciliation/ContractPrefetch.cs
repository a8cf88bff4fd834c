using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The part of a contract snapshot that depends only on which contracts are mapped — the contracts, their services,
/// companies, catalog services and picklist labels and, once the as-of date is known, the units in force — read while
/// the billing lines are still being read and summarised, so that a compare takes the slower of the two rather than
/// their sum. Made by <see cref="ContractSnapshotLoader.Prefetch"/>; a load whose contracts it covers, on the date
/// its units were read for, uses it instead of reading them again (and counts its requests). Disposing it cancels what
/// is in flight. Once a load has taken what it needs (<see cref="Release"/>), it holds no row: the snapshot holds those
/// it uses, and the rest can go; a later load reads for itself.
/// </summary>
public sealed class ContractPrefetch : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource _companiesCancellation;
    private readonly CancellationTokenSource _servicesCancellation;
    private readonly Func<DateTime, CancellationToken, Task<IReadOnlyList<ContractServiceUnit>>> _readUnits;
    private readonly Func<CancellationToken, Task<IReadOnlyList<Company>>> _readEveryCompany;
    private readonly Func<CancellationToken, Task> _readCompanyLabels;
    private readonly HashSet<long> _contractIds;
    private readonly object _gate = new();

    // Each read's end, without its rows (Ended): what Settled waits for once the rows themselves are let go.
    private readonly List<Task> _ended = new();
    private Task<IReadOnlyList<Contract>>? _contracts;
    private Task<IReadOnlyList<ContractService>>? _contractServices;
    private Task<IReadOnlyList<Company>>? _companies;
    private Task<IReadOnlyList<Service>>? _services;
    private Task<IReadOnlyList<ContractServiceUnit>>? _units;
    private Task<IReadOnlyList<Company>>? _everyCompany;
    private bool _loading;
    private bool _released;

    internal ContractPrefetch(
        IReadOnlyCollection<long> contractIds,
        AutotaskRequestCounterSnapshot before,
        SnapshotReadLog reads,
        PicklistLabels labels,
        CancellationTokenSource cancellation,
        Func<CancellationToken, Task> readLabels,
        Func<CancellationToken, Task<IReadOnlyList<Contract>>> readContracts,
        Func<CancellationToken, Task<IReadOnlyList<ContractService>>> readContractServices,
        Func<DateTime, CancellationToken, Task<IReadOnlyList<ContractServiceUnit>>> readUnits,
        Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<Company>>> readCompanies,
        Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<Service>>> readServices,
        Func<CancellationToken, Task<IReadOnlyList<Company>>> readEveryCompany,
        Func<CancellationToken, Task> readCompanyLabels)
    {
        _contractIds = new HashSet<long>(contractIds);
        _cancellation = cancellation;
        _readUnits = readUnits;
        _readEveryCompany = readEveryCompany;
        _readCompanyLabels = readCompanyLabels;
        Before = before;
        Reads = reads;
        Labels = labels;
        LabelsRead = Observed(readLabels(cancellation.Token));
        _contracts = Observed(readContracts(cancellation.Token));
        _contractServices = Observed(readContractServices(cancellation.Token));

        // Their companies and catalog services as soon as the contracts and services name them, so a compare's own
        // load usually has nothing left to wait for. Each can be stopped on its own: a load that reads every company
        // (or the whole catalog) has no use for them (StopCompanies, StopServices).
        _companiesCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Token);
        _servicesCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Token);
        _companies = Observed(ThenAsync(_contracts, rows => CompanyIdsOf(rows), readCompanies, _companiesCancellation.Token));
        _services = Observed(ThenAsync(_contractServices, rows => ServiceIdsOf(rows), readServices, _servicesCancellation.Token));
    }

    /// <summary>The contracts it reads.</summary>
    public IReadOnlyCollection<long> ContractIds => _contractIds;

    /// <summary>The date whose units are being read; null until it is known.</summary>
    public DateTime? UnitsAsOf { get; private set; }

    internal AutotaskRequestCounterSnapshot Before { get; }

    internal SnapshotReadLog Reads { get; }

    internal PicklistLabels Labels { get; }

    internal Task LabelsRead { get; }

    internal Task<IReadOnlyList<Contract>> Contracts => Held(ref _contracts);

    internal Task<IReadOnlyList<ContractService>> ContractServices => Held(ref _contractServices);

    /// <summary>The companies of the contracts read (<see cref="CompanyIdsOf"/>); gone once stopped (<see cref="StopCompanies"/>).</summary>
    internal Task<IReadOnlyList<Company>> Companies => Held(ref _companies);

    /// <summary>The catalog services the contract services read use (<see cref="ServiceIdsOf"/>); gone once stopped (<see cref="StopServices"/>).</summary>
    internal Task<IReadOnlyList<Service>> Services => Held(ref _services);

    /// <summary>
    /// For the load using this prefetch: every company, when <see cref="ReadEveryCompany"/> started reading them; else
    /// null, and from now on it starts nothing (the load has chosen how it reads the companies).
    /// </summary>
    internal Task<IReadOnlyList<Company>>? TakeEveryCompany()
    {
        lock (_gate)
        {
            ThrowIfReleased();
            _loading = true;
            return _everyCompany;
        }
    }

    /// <summary>The companies' picklist labels, read after <see cref="LabelsRead"/>, when <see cref="ReadEveryCompany"/> started it; else null.</summary>
    internal Task? CompanyLabelsRead { get; private set; }

    internal static IReadOnlyCollection<long> CompanyIdsOf(IEnumerable<Contract> contracts) =>
        contracts.Select(c => c.CompanyID).OfType<long>().Distinct().ToList();

    internal static IReadOnlyCollection<long> ServiceIdsOf(IEnumerable<ContractService> contractServices) =>
        contractServices.Select(cs => cs.ServiceID).OfType<long>().Distinct().ToList();

    /// <summary>Starts reading the units in force on this date, unless they are already being read (for any date).</summary>
    public void ReadUnitsOn(DateTime asOf)
    {
        lock (_gate)
        {
            if (_units is null && !_released)
            {
                UnitsAsOf = BillingWindow.AsDate(asOf);
                _units = Observed(_readUnits(UnitsAsOf.Value, _cancellation.Token));
            }
        }
    }

    /// <summary>
    /// Starts reading every company, and the companies' picklist labels, for a compare that will need them (a line of an
    /// unmapped customer came in: <see cref="ComparisonLines.NeedsAllCompanies"/>), instead of at its end; the read of
    /// the contracts' companies by id stops, as a load that reads every company would stop it. Once; not after a load
    /// began (it reads them itself when it needs them).
    /// </summary>
    public void ReadEveryCompany()
    {
        lock (_gate)
        {
            if (_everyCompany is not null || _loading || _released)
            {
                return;
            }

            _everyCompany = Observed(_readEveryCompany(_cancellation.Token));
            CompanyLabelsRead = Observed(AfterAsync(LabelsRead, _readCompanyLabels, _cancellation.Token));
        }

        StopCompanies();
    }

    /// <summary>Whether every one of these contracts is among those read.</summary>
    public bool Covers(IEnumerable<long> contractIds) => !Released && contractIds.All(_contractIds.Contains);

    /// <summary>Whether a load has taken what it needed (<see cref="Release"/>): it holds nothing more to use.</summary>
    public bool Released
    {
        get
        {
            lock (_gate)
            {
                return _released;
            }
        }
    }

    /// <summary>
    /// For a load that reads every company: the companies read by id send no more requests (those sent end) and their
    /// rows are let go at once, so they are not held beside the load's own.
    /// </summary>
    internal void StopCompanies() => Stop(_companiesCancellation, ref _companies);

    /// <summary>For a load that reads the whole catalog: as <see cref="StopCompanies"/>, for the catalog services read by id.</summary>
    internal void StopServices() => Stop(_servicesCancellation, ref _services);

    /// <summary>
    /// Called by the load that took what it needed, once every read has ended (<see cref="Settled"/>): lets every row
    /// go, so that what the snapshot does not use (other contracts, their services, units of another date) is not
    /// kept alive for as long as the prefetch is.
    /// </summary>
    internal void Release()
    {
        lock (_gate)
        {
            _released = true;
            _contracts = null;
            _contractServices = null;
            _companies = null;
            _services = null;
            _units = null;
            _everyCompany = null;
        }
    }

    /// <summary>The units read for this date; null when they were read for another date or not at all.</summary>
    internal Task<IReadOnlyList<ContractServiceUnit>>? UnitsOn(DateTime asOf)
    {
        lock (_gate)
        {
            ThrowIfReleased();
            return UnitsAsOf == BillingWindow.AsDate(asOf) ? _units : null;
        }
    }

    public void Dispose() => _cancellation.Cancel();

    /// <summary>
    /// Ends once every read it started has ended (done, failed or cancelled): a load that read all companies or the
    /// whole catalog instead of its answer waits for it too, so no request is left in flight and each is counted.
    /// </summary>
    internal Task Settled()
    {
        Task[] reads;
        lock (_gate)
        {
            reads = _ended.ToArray();
        }

        // Their failures were observed (Observed) and reach the load through the reads it uses: none is rethrown here.
        return Task.WhenAll(reads).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static async Task<IReadOnlyList<TOut>> ThenAsync<TIn, TOut>(
        Task<IReadOnlyList<TIn>> first,
        Func<IReadOnlyList<TIn>, IReadOnlyCollection<long>> idsOf,
        Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<TOut>>> then,
        CancellationToken cancellationToken)
    {
        var rows = await first.ConfigureAwait(false);

        // Stopped while the first read ran: nothing of the second is sent.
        cancellationToken.ThrowIfCancellationRequested();
        return await then(idsOf(rows), cancellationToken).ConfigureAwait(false);
    }

    // The labels are added to one PicklistLabels: the companies' after the first read's, never beside it.
    private static async Task AfterAsync(Task first, Func<CancellationToken, Task> then, CancellationToken cancellationToken)
    {
        await first.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await then(cancellationToken).ConfigureAwait(false);
    }

    private void Stop<T>(CancellationTokenSource cancellation, ref Task<IReadOnlyList<T>>? read)
    {
        cancellation.Cancel();
        lock (_gate)
        {
            read = null;
        }
    }

    private Task<IReadOnlyList<T>> Held<T>(ref Task<IReadOnlyList<T>>? read)
    {
        lock (_gate)
        {
            ThrowIfReleased();
            return read ?? throw new InvalidOperationException("That read was stopped: the load reads all of them itself.");
        }
    }

    private void ThrowIfReleased()
    {
        if (_released)
        {
            throw new InvalidOperationException("A load has already taken what this prefetch read.");
        }
    }

    // A prefetch that is never used (the run stopped first) must not leave an unobserved failure behind. Its end is
    // kept apart from its rows: a continuation lets go of the task it followed once it has run.
    private T Observed<T>(T task)
        where T : Task
    {
        var ended = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        lock (_gate)
        {
            _ended.Add(ended);
        }

        return task;
    }
}
