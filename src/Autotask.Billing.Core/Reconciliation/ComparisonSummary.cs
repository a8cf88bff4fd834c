namespace Autotask.Billing;

/// <summary>What one Compare-AtContract run found, and what it cost in Autotask requests.</summary>
public sealed class ComparisonSummary
{
    internal ComparisonSummary(IReadOnlyDictionary<DifferenceKind, int> countsByKind)
    {
        CountsByKind = countsByKind;
    }

    /// <summary>The date whose quantities were compared (UTC midnight).</summary>
    public DateTime AsOf { get; init; }

    /// <summary>The currency the contracts were taken to bill in.</summary>
    public string Currency { get; init; } = string.Empty;

    /// <summary>Differences emitted, by kind (Match only when asked for); kinds with none are absent.</summary>
    public IReadOnlyDictionary<DifferenceKind, int> CountsByKind { get; }

    public int Differences { get; init; }

    /// <summary>Differences Sync-AtContract would act on.</summary>
    public int Actionable { get; init; }

    /// <summary>Actionable differences that need -Force (large changes and drops to zero).</summary>
    public int RequiringForce { get; init; }

    /// <summary>Monthly revenue change if every actionable difference is synced.</summary>
    public decimal MonthlyRevenueImpact { get; init; }

    /// <summary>Monthly cost change if every actionable difference is synced.</summary>
    public decimal MonthlyCostImpact { get; init; }

    public decimal MonthlyMarginImpact => MonthlyRevenueImpact - MonthlyCostImpact;

    /// <summary>Revenue of the one-time, usage, credit and refund charges sync would write (once, not per month).</summary>
    public decimal OneTimeRevenueImpact { get; init; }

    /// <summary>Cost of those charges: the vendor's signed line amounts.</summary>
    public decimal OneTimeCostImpact { get; init; }

    /// <summary>Vendor customers (Source × CustomerId) compared, mapped or not; skipped ones excluded.</summary>
    public int Customers { get; init; }

    /// <summary>Autotask contracts compared.</summary>
    public int Contracts { get; init; }

    /// <summary>Vendor customers without a customer mapping.</summary>
    public int UnmappedCustomers { get; init; }

    /// <summary>Vendor SKUs (Source × SKU) without a SKU mapping, among mapped customers' lines.</summary>
    public int UnmappedSkus { get; init; }

    /// <summary>Customers skipped because their mapping's Export flag is off.</summary>
    public int SkippedNotExported { get; init; }

    /// <summary>Lines of those customers.</summary>
    public int SkippedNotExportedLines { get; init; }

    /// <summary>Lines ignored because they end before their customer's SyncStartDate.</summary>
    public int LinesBeforeSyncStart { get; init; }

    /// <summary>Lines dropped because their SKU mapping is marked Excluded.</summary>
    public int ExcludedSkuLines { get; init; }

    /// <summary>
    /// Customers held back because a rejected line of an accepted partial file names them (-AcceptPartialFile); none
    /// of their differences is written out or counted above.
    /// </summary>
    public int HeldBackCustomers { get; init; }

    /// <summary>Differences of those customers, held back: not written out, not counted in the totals and money above.</summary>
    public int HeldBackDifferences { get; init; }

    /// <summary>HTTP requests the run sent to Autotask (retries and threshold reads included).</summary>
    public long AutotaskRequests { get; init; }

    /// <summary>The fewest requests the data could have been read with (see ContractSnapshot.MinimumRequests).</summary>
    public long MinimumRequests { get; init; }

    /// <summary>
    /// The most the run should use: <see cref="MinimumRequests"/> plus 10 % (rounded up) plus 3, plus any early request
    /// of a read by id started as pages came in (see ContractSnapshot.AllowedRequests).
    /// </summary>
    public long RequestAllowance { get; init; }

    public TimeSpan Duration { get; init; }

    public override string ToString() =>
        $"{Differences} differences ({Actionable} actionable) as of {AsOf:yyyy-MM-dd}; "
        + (HeldBackCustomers > 0 ? $"{HeldBackDifferences} differences of {HeldBackCustomers} held-back customers not counted; " : string.Empty)
        + $"{AutotaskRequests} Autotask requests (minimum {MinimumRequests})";
}
