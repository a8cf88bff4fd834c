using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The part of a contract snapshot that depends only on which contracts are mapped — the contracts, their services,
/// companies, catalog services and picklist labels and, once the as-of date is known, the units in force — read while
/// the billing lines are still being read and summarised, so that a compare takes the slower of the two rather than
/// their sum. Made by <see cref="ContractSnapshotLoader.Prefetch"/>; a load whose contracts it covers, on the date
/// its units were read for, uses it instead of reading them again (and counts its requests). Disposing it cancels what
/// is in flight.
/// </summary>
public sealed class ContractPrefetch : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly Func<DateTime, CancellationToken, Task<IReadOnlyList<ContractServiceUnit>>> _readUnits;
    private readonly HashSet<long> _contractIds;
    private readonly object _gate = new();
    private Task<IReadOnlyList<ContractServiceUnit>>? _units;

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
        Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<Service>>> readServices)
    {
        _contractIds = new HashSet<long>(contractIds);
        _cancellation = cancellation;
        _readUnits = readUnits;
        Before = before;
        Reads = reads;
        Labels = labels;
        LabelsRead = Observed(readLabels(cancellation.Token));
        Contracts = Observed(readContracts(cancellation.Token));
        ContractServices = Observed(readContractServices(cancellation.Token));

        // Their companies and catalog services as soon as the contracts and services name them, so a compare's own
        // load usually has nothing left to wait for.
        Companies = Observed(ThenAsync(Contracts, rows => CompanyIdsOf(rows), readCompanies, cancellation.Token));
        Services = Observed(ThenAsync(ContractServices, rows => ServiceIdsOf(rows), readServices, cancellation.Token));
    }

    /// <summary>The contracts it reads.</summary>
    public IReadOnlyCollection<long> ContractIds => _contractIds;

    /// <summary>The date whose units are being read; null until it is known.</summary>
    public DateTime? UnitsAsOf { get; private set; }

    internal AutotaskRequestCounterSnapshot Before { get; }

    internal SnapshotReadLog Reads { get; }

    internal PicklistLabels Labels { get; }

    internal Task LabelsRead { get; }

    internal Task<IReadOnlyList<Contract>> Contracts { get; }

    internal Task<IReadOnlyList<ContractService>> ContractServices { get; }

    /// <summary>The companies of the contracts read (<see cref="CompanyIdsOf"/>).</summary>
    internal Task<IReadOnlyList<Company>> Companies { get; }

    /// <summary>The catalog services the contract services read use (<see cref="ServiceIdsOf"/>).</summary>
    internal Task<IReadOnlyList<Service>> Services { get; }

    internal static IReadOnlyCollection<long> CompanyIdsOf(IEnumerable<Contract> contracts) =>
        contracts.Select(c => c.CompanyID).OfType<long>().Distinct().ToList();

    internal static IReadOnlyCollection<long> ServiceIdsOf(IEnumerable<ContractService> contractServices) =>
        contractServices.Select(cs => cs.ServiceID).OfType<long>().Distinct().ToList();

    /// <summary>Starts reading the units in force on this date, unless they are already being read (for any date).</summary>
    public void ReadUnitsOn(DateTime asOf)
    {
        lock (_gate)
        {
            if (_units is null)
            {
                UnitsAsOf = BillingWindow.AsDate(asOf);
                _units = Observed(_readUnits(UnitsAsOf.Value, _cancellation.Token));
            }
        }
    }

    /// <summary>Whether every one of these contracts is among those read.</summary>
    public bool Covers(IEnumerable<long> contractIds) => contractIds.All(_contractIds.Contains);

    /// <summary>The units read for this date; null when they were read for another date or not at all.</summary>
    internal Task<IReadOnlyList<ContractServiceUnit>>? UnitsOn(DateTime asOf)
    {
        lock (_gate)
        {
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
        Task? units;
        lock (_gate)
        {
            units = _units;
        }

        var reads = new List<Task> { LabelsRead, Contracts, ContractServices, Companies, Services };
        if (units is not null)
        {
            reads.Add(units);
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
        return await then(idsOf(rows), cancellationToken).ConfigureAwait(false);
    }

    // A prefetch that is never used (the run stopped first) must not leave an unobserved failure behind.
    private static T Observed<T>(T task)
        where T : Task
    {
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }
}
