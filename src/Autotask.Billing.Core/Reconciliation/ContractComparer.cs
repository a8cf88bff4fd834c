using System.Diagnostics;
using System.Runtime.CompilerServices;
using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Compare-AtContract's engine: reconciles vendor billing lines with Autotask recurring-service contracts and
/// explains every difference (BILLING-RULES §2–5, §7–8).
/// <para>Vendor side: recurring lines are summarised to seats in force per Source × Customer × SKU on the as-of
/// date (<see cref="TransactionSummarizer"/>); lines of customers whose mapping has Export off are skipped, lines
/// ending before a customer's SyncStartDate and lines of Excluded SKUs are dropped, all counted.</para>
/// <para>Autotask side: one bulk <see cref="ContractSnapshotLoader"/> load for every mapped contract at once (with the
/// keyed charges of the contracts that have one-time, usage or credit lines), plus every company when a customer is
/// unmapped and the whole catalog when a SKU is, for match suggestions.</para>
/// <para>One difference per contract × service (seats of several subscriptions, SKUs, customers or sources billed
/// into the same contract service are summed) and per one-time, usage or credit line:</para>
/// <list type="bullet">
/// <item>UnmappedCustomer / UnmappedSku with suggestions; a line in a currency other than <see cref="CompareOptions.Currency"/>
/// (else the store's) is CurrencyMismatch; none of these is actionable.</item>
/// <item>MissingCompany / MissingContract when the mapping says to create them; MissingContract (not actionable)
/// when the mapped contract does not exist or is not a Recurring Service contract; ContractExpired when it ended
/// before the as-of date.</item>
/// <item>MissingService when the SKU mapping says Create (or points at a service that no longer exists, then not
/// actionable); NewService when the service is not on the contract; QuantityChange when the units in force on the
/// as-of date differ (an adjustment effective later is not in force yet); PriceChange / CostChange when the
/// pricing strategy sets a price or cost that differs; Match only with <see cref="CompareOptions.IncludeMatch"/>.
/// An inactive service is compared like any other and stays inactive (ServiceIsActive false).</item>
/// <item>Removed for a service on the contract that a SKU of the contract's sources is mapped to (or whose SKU or
/// part number is such a SKU) and that still has units though nothing bills it: actionable under
/// RemovalPolicy AdjustToZero, reported under ReportOnly. The MSP's own services are never candidates.</item>
/// <item>OneTimeCharge for every one-time, usage and credit line (TransactionId set) that the contract has no charge for
/// yet (one with its <see cref="ChargeKey"/> is in step: Match): through the mapped product, or
/// without one (usage and credits need no mapping) through the material billing code; an unmapped one-time SKU is
/// UnmappedSku; a SKU mapped to Create is MissingProduct. With <see cref="CompareOptions.UsageAsService"/>, usage of
/// a SKU mapped to a service is carried as that service with quantity 1.</item>
/// </list>
/// <para>Money: monthly impact is the change in units × price (and cost) per month, a quarterly or yearly service
/// price spread over its months; a one-time charge counts in full. When several customers share a contract service,
/// price and cost come from the largest contribution and the first customer mapping's pricing strategy and
/// effective-date policy apply. The -Force guardrail applies to QuantityChange and Removed.</para>
/// <para>As-of date, when not given: the window's last day, else the summaries' as-of date, else the last day of the
/// calendar month of the latest service start among the lines.</para>
/// </summary>
public sealed class ContractComparer
{
    private readonly AutotaskClient _client;

    public ContractComparer(AutotaskClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>A run over raw billing lines; recurring lines are summarised with the comparer's rules.</summary>
    public ComparisonRun Compare(IEnumerable<Transaction> lines, MappingDocument mapping, CompareOptions? options = null) =>
        Compare(lines, Array.Empty<TransactionSummary>(), mapping, options);

    /// <summary>
    /// A run over seats already summarised (used as they are) and raw lines (recurring ones summarised, the rest
    /// charged); give each customer × SKU's recurring seats in one form only.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="prefetch"/> of this mapping (<see cref="Prefetch"/>), the contracts, services and units
    /// it has read or is reading are used, so the Autotask reads overlap the reading and summarising of the lines.
    /// Lines given as a <see cref="Buffering.TransactionBuffer"/> are read one customer × SKU at a time, and the seats
    /// name them by position: leave the buffer unchanged until the run ends. (Compare-AtContract takes its lines in
    /// one by one instead: <see cref="ComparisonLines"/>.)
    /// </remarks>
    public ComparisonRun Compare(
        IEnumerable<Transaction> lines,
        IEnumerable<TransactionSummary> summaries,
        MappingDocument mapping,
        CompareOptions? options = null,
        ContractPrefetch? prefetch = null)
    {
        if (lines is null)
        {
            throw new ArgumentNullException(nameof(lines));
        }

        if (summaries is null)
        {
            throw new ArgumentNullException(nameof(summaries));
        }

        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        var settings = (options ?? new CompareOptions()).SettledBy(mapping);
        return new ComparisonRun((run, cancellationToken) => RunAsync(
            run, () => ComparisonLines.Over(lines as IReadOnlyList<Transaction> ?? lines.ToList(), summaries, mapping, settings), settings, prefetch, cancellationToken));
    }

    /// <summary>
    /// A run over lines taken in as they arrived (as Compare-AtContract does), under the options they were taken in
    /// with; <paramref name="heldBackCustomers"/>, when known only once every line is read, see
    /// <see cref="CompareOptions.HeldBackCustomers"/>. The seats name the lines in <paramref name="lines"/>: do not
    /// add to it while the run's results live.
    /// </summary>
    public ComparisonRun Compare(ComparisonLines lines, IReadOnlyCollection<string>? heldBackCustomers = null, ContractPrefetch? prefetch = null)
    {
        if (lines is null)
        {
            throw new ArgumentNullException(nameof(lines));
        }

        var settings = heldBackCustomers is null ? lines.Options : lines.Options with { HeldBackCustomers = heldBackCustomers };
        return new ComparisonRun((run, cancellationToken) => RunAsync(run, () => lines, settings, prefetch, cancellationToken));
    }

    /// <summary>
    /// Starts reading every contract a compare against <paramref name="mapping"/> can need (<see cref="ComparisonPlan.MappedContracts"/>)
    /// with its services, and its units when the options fix the as-of date, before the billing lines are read; pass
    /// it to <see cref="Compare(IEnumerable{Transaction}, IEnumerable{TransactionSummary}, MappingDocument, CompareOptions?, ContractPrefetch?)"/>.
    /// </summary>
    public ContractPrefetch Prefetch(MappingDocument mapping, CompareOptions? options = null, CancellationToken cancellationToken = default) =>
        new ContractSnapshotLoader(_client).Prefetch(
            ComparisonPlan.MappedContracts(mapping ?? throw new ArgumentNullException(nameof(mapping))),
            (options ?? new CompareOptions()).KnownAsOf,
            cancellationToken);

    /// <summary>Runs a comparison, handing each difference to <paramref name="onDifference"/> as it is found.</summary>
    public async Task<ComparisonSummary> CompareAsync(
        IEnumerable<Transaction> lines,
        MappingDocument mapping,
        CompareOptions? options,
        Action<ContractDifference> onDifference,
        CancellationToken cancellationToken = default)
    {
        if (onDifference is null)
        {
            throw new ArgumentNullException(nameof(onDifference));
        }

        var run = Compare(lines, mapping, options);
        await foreach (var difference in run.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            onDifference(difference);
        }

        return run.Summary;
    }

    private async IAsyncEnumerable<ContractDifference> RunAsync(
        ComparisonRun run,
        Func<ComparisonLines> take,
        CompareOptions options,
        ContractPrefetch? prefetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var lines = take();
        var mapping = lines.Mapping;
        var asOf = lines.AsOf;

        // The units in force are read while the lines are summarised, once the date is known.
        prefetch?.ReadUnitsOn(asOf);
        var input = lines.Input(asOf);
        var plan = new ComparisonPlan(input, mapping, options.Currency!);
        var snapshot = await new ContractSnapshotLoader(_client).LoadAsync(
            ContractSelection.ForContracts(plan.Contracts.Keys),
            new ContractSnapshotOptions
            {
                AsOf = input.AsOf,
                AllCompanies = plan.NeedsAllCompanies,
                CompanyIds = plan.CompanyIds.ToList(),
                AllServices = plan.NeedsAllServices,
                ServiceIds = plan.ServiceIds.ToList(),
                AllProducts = plan.NeedsAllProducts,
                ProductIds = plan.ProductIds.ToList(),
                ChargeContractIds = plan.Contracts.Values.Where(work => work.Charges.Count > 0).Select(work => work.ContractId).ToList(),
            },
            prefetch,
            cancellationToken).ConfigureAwait(false);

        var finder = new DifferenceFinder(snapshot, mapping, plan, input, options);
        var tally = new Tally(options.HeldBackCustomers);
        var differences = finder.Unmapped()
            .Concat(plan.Contracts.Values.SelectMany(finder.ForContract))
            .Concat(finder.ForCustomersToCreate());
        foreach (var difference in differences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tally.Count(difference))
            {
                yield return difference;
            }
        }

        run.Complete(new ComparisonSummary(tally.ByKind)
        {
            AsOf = input.AsOf,
            Currency = options.Currency!,
            Differences = tally.Total,
            Actionable = tally.Actionable,
            RequiringForce = tally.RequiringForce,
            MonthlyRevenueImpact = tally.Revenue,
            MonthlyCostImpact = tally.Cost,
            OneTimeRevenueImpact = tally.OneTimeRevenue,
            OneTimeCostImpact = tally.OneTimeCost,
            Customers = plan.Customers,
            Contracts = plan.Contracts.Count,
            UnmappedCustomers = plan.UnmappedCustomers,
            UnmappedSkus = plan.UnmappedSkus,
            SkippedNotExported = input.SkippedNotExported,
            SkippedNotExportedLines = input.SkippedNotExportedLines,
            LinesBeforeSyncStart = input.LinesBeforeSyncStart,
            ExcludedSkuLines = input.ExcludedSkuLines,
            HeldBackCustomers = tally.HeldBackCustomers,
            HeldBackDifferences = tally.HeldBack,
            AutotaskRequests = snapshot.Requests,
            MinimumRequests = snapshot.MinimumRequests,
            RequestAllowance = snapshot.AllowedRequests,
            Duration = stopwatch.Elapsed,
        });
    }

    /// <summary>
    /// Counts what the run writes out. A difference naming a held-back customer is held back whole, also when it sums
    /// that customer's seats with another's (its quantity would rest on the customer's unread lines).
    /// </summary>
    private sealed class Tally
    {
        private readonly Dictionary<DifferenceKind, int> _byKind = new();
        private readonly HashSet<string> _heldBack;

        public Tally(IEnumerable<string> heldBackCustomers)
        {
            _heldBack = new HashSet<string>(heldBackCustomers.Where(id => !string.IsNullOrEmpty(id)), RejectedLineVerdict.CustomerIds);
        }

        public IReadOnlyDictionary<DifferenceKind, int> ByKind => _byKind;

        public int HeldBackCustomers => _heldBack.Count;

        public int HeldBack { get; private set; }

        public int Total { get; private set; }

        public int Actionable { get; private set; }

        public int RequiringForce { get; private set; }

        public decimal Revenue { get; private set; }

        public decimal Cost { get; private set; }

        public decimal OneTimeRevenue { get; private set; }

        public decimal OneTimeCost { get; private set; }

        /// <summary>Counts the difference, or the holding back of it; true when it is to be written out.</summary>
        public bool Count(ContractDifference difference)
        {
            if (IsHeldBack(difference))
            {
                HeldBack++;
                return false;
            }

            Total++;
            _byKind[difference.Kind] = _byKind.TryGetValue(difference.Kind, out var count) ? count + 1 : 1;
            if (difference.IsActionable)
            {
                Actionable++;
                RequiringForce += difference.RequiresForce ? 1 : 0;
                Revenue += difference.MonthlyRevenueImpact;
                Cost += difference.MonthlyCostImpact;
                OneTimeRevenue += difference.OneTimeRevenueImpact;
                OneTimeCost += difference.OneTimeCostImpact;
            }

            return true;
        }

        // Whole ids, matched as RejectedLineVerdict matches them: the joined, guarded CustomerId text cannot be split
        // back into ids (an id may contain the separator or start with a guarded character).
        private bool IsHeldBack(ContractDifference difference) =>
            _heldBack.Count > 0 && difference.VendorCustomerIds.Any(_heldBack.Contains);
    }
}
