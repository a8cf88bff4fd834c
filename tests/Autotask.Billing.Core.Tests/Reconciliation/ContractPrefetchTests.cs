using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// Compare-AtContract reads the mapped contracts while the billing lines are still being read (a
/// <see cref="ContractPrefetch"/>): the differences must be exactly those of a compare that reads after, every request
/// of the read ahead is counted, and what the read ahead cannot vouch for (other contracts, another date) is read again.
/// </summary>
public sealed class ContractPrefetchTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly long _backup;
    private readonly TenantCustomer _contoso;
    private readonly TenantCustomer _fabrikam;

    public ContractPrefetchTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _backup = _tenant.AddService("BACKUP", "Backup", 30.00m, 18.00m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _fabrikam = _tenant.AddCustomer("Fabrikam Logistics");
        _tenant.AddUnits(_contoso, _basic, 10);
        _tenant.AddUnits(_contoso, _basic, 15, from: Day(2026, 11, 1));
        _tenant.AddUnits(_contoso, _backup, 3);
        _tenant.AddUnits(_fabrikam, _basic, 4);
    }

    [Fact]
    public async Task A_prefetched_compare_finds_what_a_plain_one_finds_and_counts_every_request()
    {
        var lines = new List<Transaction>
        {
            _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m, line: 2),
            _contoso.OneTime("SETUP", 1, 50m, 40m, "INV-1-3"),
            VendorLines.Seat(Pax8, "unmapped-customer", "Northwind", "CFQ7TTC0LH18", 2, line: 4),
        };

        // Fabrikam has no line (an absent customer); Contoso's backup is no longer billed (a removal).
        var prefetched = await _tenant.CompareAsync(lines, prefetch: true);
        var plain = await _tenant.CompareAsync(lines, prefetch: false);

        Assert.Equal(Describe(plain), Describe(prefetched));
        Assert.Contains(prefetched.Differences, d => d.Kind == DifferenceKind.QuantityChange && d.AutotaskQuantity == 10 && d.VendorQuantity == 12);
        Assert.Equal(prefetched.SandboxRequests, prefetched.Summary.AutotaskRequests);
        Assert.InRange(prefetched.Summary.AutotaskRequests, prefetched.Summary.MinimumRequests, prefetched.Summary.RequestAllowance);
        Assert.Equal(plain.Summary.MonthlyRevenueImpact, prefetched.Summary.MonthlyRevenueImpact);
    }

    [Fact]
    public async Task Without_a_fixed_date_the_units_are_read_for_the_date_the_lines_give()
    {
        using var client = await _tenant.ConnectAsync();
        var comparer = new ContractComparer(client);
        var mapping = _tenant.Mapping();
        using var prefetch = comparer.Prefetch(mapping, new CompareOptions());
        Assert.Null(prefetch.UnitsAsOf);

        // Lines of October: the as-of date is 31 October, when Contoso has 10 units (15 only from November).
        var result = await CollectAsync(comparer.Compare(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) }, Array.Empty<TransactionSummary>(), mapping, new CompareOptions(), prefetch));

        Assert.Equal(AsOf, prefetch.UnitsAsOf);
        var change = Assert.Single(result, d => d.Kind == DifferenceKind.QuantityChange);
        Assert.Equal(((decimal?)10m, (decimal?)12m), (change.AutotaskQuantity, change.VendorQuantity));
    }

    [Fact]
    public async Task Units_read_ahead_for_another_date_are_read_again_for_the_compared_date()
    {
        using var client = await _tenant.ConnectAsync();
        var comparer = new ContractComparer(client);
        var mapping = _tenant.Mapping();
        using var prefetch = comparer.Prefetch(mapping, new CompareOptions { AsOf = Day(2026, 11, 15) });

        var result = await CollectAsync(comparer.Compare(new[] { _contoso.Seat("CFQ7TTC0LH18", 15, 7.20m, 6.00m) }, Array.Empty<TransactionSummary>(), mapping, new CompareOptions { AsOf = AsOf }, prefetch));

        // On 31 October Contoso has 10 units, not the 15 in force on 15 November that the read ahead saw.
        var change = Assert.Single(result, d => d.Kind == DifferenceKind.QuantityChange);
        Assert.Equal(((decimal?)10m, (decimal?)15m), (change.AutotaskQuantity, change.VendorQuantity));
        Assert.Equal(Day(2026, 11, 15), prefetch.UnitsAsOf);
    }

    [Fact]
    public async Task A_read_ahead_that_misses_a_compared_contract_is_not_used()
    {
        using var client = await _tenant.ConnectAsync();
        var comparer = new ContractComparer(client);
        var onlyFabrikam = new MappingDocument(_tenant.Settings, new[] { _fabrikam.Mapping() }, _tenant.Mapping().Services);
        using var prefetch = comparer.Prefetch(onlyFabrikam, new CompareOptions { AsOf = AsOf });

        var result = await CollectAsync(comparer.Compare(new[] { _contoso.Seat("CFQ7TTC0LH18", 11, 7.20m, 6.00m) }, Array.Empty<TransactionSummary>(), _tenant.Mapping(), new CompareOptions { AsOf = AsOf }, prefetch));

        Assert.False(prefetch.Covers(new[] { _contoso.ContractId }));
        var change = Assert.Single(result, d => d.Kind == DifferenceKind.QuantityChange && d.ContractId == _contoso.ContractId);
        Assert.Equal(((decimal?)10m, (decimal?)11m), (change.AutotaskQuantity, change.VendorQuantity));
    }

    [Fact]
    public async Task A_disposed_read_ahead_stops_and_a_load_that_relies_on_it_says_so()
    {
        using var client = await _tenant.ConnectAsync();
        var loader = new ContractSnapshotLoader(client);
        using var hold = _tenant.Server.Sandbox.Faults.Hold();
        var prefetch = loader.Prefetch(new[] { _contoso.ContractId }, AsOf);
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(30));

        // A read of the read ahead is in flight: stop it, then let the sandbox answer. Had disposing not stopped the
        // reads, they would now finish and the load below would succeed.
        prefetch.Dispose();
        hold.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadAsync(
            ContractSelection.ForContracts(new[] { _contoso.ContractId }), new ContractSnapshotOptions { AsOf = AsOf }, prefetch));
        Assert.True(prefetch.Contracts.IsCanceled || prefetch.Contracts.IsFaulted);
    }

    public void Dispose() => _tenant.Dispose();

    private static async Task<List<ContractDifference>> CollectAsync(ComparisonRun run)
    {
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        return differences;
    }

    private static List<string> Describe(ComparisonResult result) =>
        result.Differences
            .Select(d => $"{d.Kind}|{d.ContractId}|{d.ServiceId}|{d.CustomerId}|{d.Sku}|{d.AutotaskQuantity}|{d.VendorQuantity}|{d.MonthlyRevenueImpact}|{d.MonthlyCostImpact}|{d.OneTimeRevenueImpact}|{d.IsActionable}|{d.EffectiveDate:O}")
            .ToList();
}
