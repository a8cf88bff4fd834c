using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// A line of an unmapped customer means the compare will read every company for its suggestions: the lines say so as
/// it arrives (<see cref="ComparisonLines.NeedsAllCompanies"/>), and a prefetch told then reads every company before
/// the load, which uses that read instead of sending its own. The snapshot and the differences are those of a compare
/// that read them at its end.
/// </summary>
public sealed class EveryCompanyEarlyTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly TenantCustomer _contoso;
    private readonly TenantCustomer _tailspin;
    private readonly TenantCustomer _fabrikam;

    public EveryCompanyEarlyTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _contoso = _tenant.AddCustomer("Contoso Pharmacy");
        _tailspin = _tenant.AddCustomer("Tailspin Toys");
        _tenant.AddUnits(_contoso, _basic, 10);
        _tenant.AddUnits(_tailspin, _basic, 4);

        // A company with a contract but no mapping: only a read of every company finds it for the suggestion.
        _fabrikam = _tenant.AddCustomer("Fabrikam Logistics", map: false);
    }

    [Fact]
    public void The_lines_say_every_company_is_needed_from_the_first_kept_line_of_an_unmapped_customer()
    {
        _tenant.MapSku(new ServiceMapping(Pax8, "EXCLUDED-SKU") { Excluded = true });
        using var lines = new ComparisonLines(_tenant.Mapping(), new CompareOptions { AsOf = AsOf });

        lines.Add(_contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m));
        Assert.False(lines.NeedsAllCompanies);

        // A line the mapping leaves out (an excluded SKU) is not compared, so its customer is not either.
        lines.Add(_fabrikam.Seat("EXCLUDED-SKU", 1, 1m, 1m, line: 3));
        Assert.False(lines.NeedsAllCompanies);

        lines.Add(_fabrikam.Seat("CFQ7TTC0LH18", 6, 7.20m, 6.00m, line: 4));
        Assert.True(lines.NeedsAllCompanies);
    }

    [Fact]
    public async Task A_compare_told_early_reads_every_company_before_its_load_and_finds_the_same()
    {
        var lines = new[]
        {
            _fabrikam.Seat("CFQ7TTC0LH18", 6, 7.20m, 6.00m),
            _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m, line: 3),
            _tailspin.Seat("CFQ7TTC0LH18", 4, 7.20m, 6.00m, line: 4),
        };
        var atTheEnd = await _tenant.CompareAsync(lines);

        using var client = await _tenant.ConnectAsync();
        var comparer = new ContractComparer(client);
        var options = new CompareOptions { AsOf = AsOf };
        var mapping = _tenant.Mapping();
        using var prefetch = comparer.Prefetch(mapping, options);
        using var taken = new ComparisonLines(mapping, options);
        foreach (var line in lines)
        {
            taken.Add(line);
            if (taken.NeedsAllCompanies)
            {
                prefetch.ReadEveryCompany();
            }
        }

        // Every read of the prefetch has ended before the compare starts: the compare sends no company request itself.
        await prefetch.Settled();
        var companyQueriesBefore = CompanyQueries();
        var run = comparer.Compare(taken, null, prefetch);
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            differences.Add(difference);
        }

        Assert.Equal(companyQueriesBefore, CompanyQueries());
        Assert.Equal(Describe(atTheEnd.Differences), Describe(differences));
        var unmapped = Assert.Single(differences, d => d.Kind == DifferenceKind.UnmappedCustomer);
        Assert.Equal(_fabrikam.CompanyId, unmapped.SuggestedCompanyId);
        Assert.Equal(atTheEnd.Summary.UnmappedCustomers, run.Summary.UnmappedCustomers);
        // How many of the by-id company requests went out before the stop depends on timing, as when a load stops them
        // at its end: the count is the run's own, at least the minimum it reports.
        Assert.InRange(run.Summary.AutotaskRequests, run.Summary.MinimumRequests, ContractSnapshot.RequestAllowance(run.Summary.MinimumRequests));
    }

    [Fact]
    public async Task A_load_that_does_not_ask_for_every_company_read_early_shows_only_its_contracts_companies()
    {
        var ids = new[] { _contoso.ContractId, _tailspin.ContractId };
        var options = new ContractSnapshotOptions { AsOf = AsOf };
        using var client = await _tenant.ConnectAsync();
        var loader = new ContractSnapshotLoader(client);
        var plain = await loader.LoadAsync(ContractSelection.ForContracts(ids), options);

        using var prefetch = loader.Prefetch(ids, AsOf);
        prefetch.ReadEveryCompany();
        await prefetch.Settled();
        var companyQueriesBefore = CompanyQueries();
        var snapshot = await loader.LoadAsync(ContractSelection.ForContracts(ids), options, prefetch);

        Assert.Equal(companyQueriesBefore, CompanyQueries());
        Assert.Equal(plain.Companies.Keys.OrderBy(id => id), snapshot.Companies.Keys.OrderBy(id => id));
        Assert.DoesNotContain(_fabrikam.CompanyId, snapshot.Companies.Keys);
        Assert.False(snapshot.HasAllCompanies);
    }

    [Fact]
    public async Task A_load_that_asks_for_every_company_uses_the_early_read_and_its_labels()
    {
        var ids = new[] { _contoso.ContractId, _tailspin.ContractId };
        var options = new ContractSnapshotOptions { AsOf = AsOf, AllCompanies = true };
        ContractSnapshot plain;
        using (var fresh = await _tenant.ConnectAsync())
        {
            plain = await new ContractSnapshotLoader(fresh).LoadAsync(ContractSelection.ForContracts(ids), options);
        }

        using var client = await _tenant.ConnectAsync();
        var loader = new ContractSnapshotLoader(client);
        using var prefetch = loader.Prefetch(ids, AsOf);
        prefetch.ReadEveryCompany();
        prefetch.ReadEveryCompany();
        await prefetch.Settled();
        _tenant.Server.Sandbox.Statistics.Reset();
        var snapshot = await loader.LoadAsync(ContractSelection.ForContracts(ids), options, prefetch);

        // Asked twice, read once; the load itself sends nothing for companies or their picklists.
        Assert.DoesNotContain(_tenant.Server.Sandbox.Statistics.RequestLog, e => e.Endpoint == "Companies");
        Assert.Contains(_fabrikam.CompanyId, snapshot.Companies.Keys);
        Assert.True(snapshot.HasAllCompanies);
        Assert.Equal(plain.Companies.Keys.OrderBy(id => id), snapshot.Companies.Keys.OrderBy(id => id));
        Assert.Equal(plain.Labels.Label("Companies", "companyType", plain.Companies[_fabrikam.CompanyId].CompanyType), snapshot.Labels.Label("Companies", "companyType", snapshot.Companies[_fabrikam.CompanyId].CompanyType));
        Assert.Single(snapshot.Reads, read => read.Entity == "Companies" && read.What == "every company");
        Assert.InRange(snapshot.Requests, snapshot.MinimumRequests, snapshot.AllowedRequests);
    }

    [Fact]
    public async Task Once_a_load_has_begun_the_prefetch_starts_no_read_of_every_company()
    {
        var ids = new[] { _contoso.ContractId, _tailspin.ContractId };
        var dock = _tenant.AddProduct("SURF-DOCK-2", "Surface Dock 2", 129m, 110m);
        var options = new ContractSnapshotOptions { AsOf = AsOf, ProductIds = new[] { dock } };
        using var client = await _tenant.ConnectAsync();
        var loader = new ContractSnapshotLoader(client);
        var plain = await loader.LoadAsync(ContractSelection.ForContracts(ids), options);

        using var prefetch = loader.Prefetch(ids, AsOf);
        await prefetch.Settled();
        _tenant.Server.Sandbox.Statistics.Reset();

        // The load is under way (its product read held): too late for it, which has chosen to use the companies the
        // prefetch read by id, so nothing is started.
        var hold = _tenant.Server.Sandbox.Faults.Hold("Products", "POST");
        var load = loader.LoadAsync(ContractSelection.ForContracts(ids), options, prefetch);
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        prefetch.ReadEveryCompany();
        hold.Dispose();
        var snapshot = await load;
        await prefetch.Settled();

        Assert.Equal(0, CompanyQueries());
        Assert.DoesNotContain(snapshot.Reads, read => read.What == "every company");
        Assert.Equal(plain.Companies.Keys.OrderBy(id => id), snapshot.Companies.Keys.OrderBy(id => id));
    }

    public void Dispose() => _tenant.Dispose();

    private int CompanyQueries() =>
        _tenant.Server.Sandbox.Statistics.RequestLog.Count(e => e.Endpoint == "Companies" && e.Kind == SandboxRequestKind.Query);

    private static List<string> Describe(IEnumerable<ContractDifference> differences) =>
        differences.Select(d => $"{d.Kind} {d.CustomerId} {d.Sku} {d.ContractId} {d.SuggestedCompanyId} {d.Suggestions} {d.MonthlyRevenueImpact} {d.IsActionable}").OrderBy(s => s, StringComparer.Ordinal).ToList();
}
