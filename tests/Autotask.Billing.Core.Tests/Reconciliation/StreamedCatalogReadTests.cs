using Autotask.Billing.Autotask;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// The catalog services of a whole-tenant contract-service read are read as its pages come in (a streamed read by id):
/// 600 customers, four to a catalog service, so the first page of 500 contract services names 125 services and the
/// second the other 25.
/// </summary>
public sealed class StreamedCatalogReadTests : IDisposable
{
    private const int Customers = 600;
    private const int CustomersPerService = 4;
    private const int CatalogServices = Customers / CustomersPerService;

    private readonly CompareTenant _tenant = new();

    public StreamedCatalogReadTests()
    {
        var services = Enumerable.Range(0, CatalogServices)
            .Select(i => _tenant.AddService($"SKU-{i:000}", $"Service {i:000}", 1m, 1m, map: false))
            .ToList();
        for (var i = 0; i < Customers; i++)
        {
            _tenant.AddUnits(_tenant.AddCustomer($"Customer {i:0000}", map: false), services[i / CustomersPerService], 1);
        }
    }

    [Fact]
    public async Task The_streamed_catalog_read_batches_ids_by_the_clients_chunk_size()
    {
        // At 100 ids a request: the first page's 125 services start one full request at once and leave 25 waiting,
        // which go with the second page's 25 in one request when the last page is in. Batching by any other size
        // would take three (the first page's 125 split in two by the client, then the 25 left).
        using var client = await _tenant.Server.ConnectAsync(_tenant.Server.Options with { InChunkSize = 100 });
        var snapshot = await LoadEveryContractServiceAsync(client);

        Assert.Equal(CatalogServices, snapshot.Services.Count);
        Assert.Equal(2, CatalogQueries());
    }

    [Fact]
    public async Task The_minimum_counts_a_streamed_read_by_its_ids_not_by_the_early_request_it_starts_with()
    {
        // At 500 ids a request: 125 services read at once from the first page, 25 when the last page is in. Two
        // requests, where the 150 ids need one: the first is how the read overlaps the pages, not what the rows need.
        using var client = await _tenant.ConnectAsync();
        var snapshot = await LoadEveryContractServiceAsync(client);

        var catalog = Assert.Single(snapshot.Reads, read => read.Entity == "Services" && read.IdsNamed > 0);
        Assert.Equal((CatalogServices, 1L, 1L), (catalog.IdsNamed, catalog.MinimumRequests, catalog.EarlyRequests));
        Assert.Equal(2, CatalogQueries());

        // Pages of 500 for 600 contracts, their 600 companies, 600 contract services and 600 unit rows, one request for
        // the catalog, and the contract and service picklists.
        Assert.Equal(2 + 2 + 2 + 2 + 1 + 2, snapshot.MinimumRequests);
        Assert.Equal(_tenant.Server.Sandbox.Statistics.TotalRequests, snapshot.Requests);
        Assert.Equal(ContractSnapshot.RequestAllowance(snapshot.MinimumRequests) + 1, snapshot.AllowedRequests);
        Assert.InRange(snapshot.Requests, snapshot.MinimumRequests, snapshot.AllowedRequests);
    }

    public void Dispose() => _tenant.Dispose();

    private async Task<ContractSnapshot> LoadEveryContractServiceAsync(AutotaskClient client)
    {
        _tenant.Server.Sandbox.Statistics.Reset();

        // Pages come in order: the second page is answered only after the first was handed on.
        _tenant.Server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(30), "ContractServices");
        var snapshot = await new ContractSnapshotLoader(client).LoadAsync(ContractSelection.All, new ContractSnapshotOptions { AsOf = AsOf });
        Assert.Equal(Customers, snapshot.ContractServicesByContract.Values.Sum(services => services.Count));
        return snapshot;
    }

    private long CatalogQueries() => _tenant.Server.Sandbox.Statistics.Endpoint("Services").Kind(SandboxRequestKind.Query);
}
