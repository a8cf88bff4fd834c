using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// A whole-tenant read (what Get-AtContract and Get-AtContractService run) starts the reads that need ids from its
/// pages as the pages come in: the companies before the last contract page is in, the catalog before the last
/// contract-service page is in; never more than 3 requests in flight per endpoint, and within the request allowance.
/// </summary>
public sealed class WholeTenantReadOverlapTests : IDisposable
{
    private const int Customers = 1_100; // three pages of 500 contracts, and of contract services

    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly long _onlyOnAnInactiveContract;
    private readonly TenantCustomer _inactive;

    public WholeTenantReadOverlapTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m, map: false);
        _onlyOnAnInactiveContract = _tenant.AddService("OLD-SKU", "Only on an inactive contract", 1m, 1m, map: false);
        for (var i = 0; i < Customers; i++)
        {
            _tenant.AddUnits(_tenant.AddCustomer($"Customer {i:0000}", map: false), _basic, 1 + (i % 7));
        }

        _inactive = _tenant.AddCustomer("Gone Ltd", map: false);
        _tenant.AddUnits(_inactive, _onlyOnAnInactiveContract, 2);
        _tenant.Data.Overwrite("Contracts", _inactive.ContractId, new JObject
        {
            ["status"] = _tenant.Data.PicklistValue("Contracts", "status", "Inactive"),
        });
    }

    [Fact]
    public async Task Companies_and_catalog_are_read_while_the_pages_that_name_them_still_come_in()
    {
        using var client = await _tenant.ConnectAsync();
        _tenant.Server.Sandbox.Statistics.Reset();
        _tenant.Server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(40));

        var snapshot = await new ContractSnapshotLoader(client).LoadAsync(
            new ContractSelection { ActiveOnly = true, RecurringOnly = true }, new ContractSnapshotOptions { AsOf = AsOf });

        Assert.Equal(Customers, snapshot.Contracts.Count);
        Assert.Equal(Customers, snapshot.Companies.Count);
        Assert.Equal(Customers, snapshot.ContractServicesByContract.Values.Sum(services => services.Count));
        Assert.All(snapshot.ContractServicesByContract.Values.SelectMany(services => services), cs => Assert.NotNull(snapshot.UnitsOf(cs.Id)));
        // The inactive contract's service was on a page read before the contracts were known; it is not in the snapshot.
        Assert.Equal(new[] { _basic }, snapshot.Services.Keys);
        Assert.DoesNotContain(_inactive.CompanyId, snapshot.Companies.Keys);

        var log = _tenant.Server.Sandbox.Statistics.RequestLog;
        Assert.True(
            FirstStart(log, "Companies") < LastEnd(log, "Contracts"),
            "The first company read should start before the last contract page is in.");
        Assert.True(
            FirstStart(log, "Services", SandboxRequestKind.Query) < LastEnd(log, "ContractServices"),
            "The first catalog read should start before the last contract-service page is in.");
        Assert.All(_tenant.Server.Sandbox.Statistics.Endpoints, endpoint => Assert.InRange(endpoint.MaxConcurrent, 1, 3));
        Assert.InRange(snapshot.Requests, snapshot.MinimumRequests, snapshot.AllowedRequests);
    }

    public void Dispose() => _tenant.Dispose();

    private static DateTime FirstStart(IReadOnlyList<SandboxRequestLogEntry> log, string endpoint, SandboxRequestKind kind = SandboxRequestKind.Query) =>
        log.Where(e => e.Endpoint == endpoint && e.Kind == kind).Min(e => e.Timestamp - e.Duration);

    private static DateTime LastEnd(IReadOnlyList<SandboxRequestLogEntry> log, string endpoint) =>
        log.Where(e => e.Endpoint == endpoint && e.Kind == SandboxRequestKind.Query).Max(e => e.Timestamp);
}
