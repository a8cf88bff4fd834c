using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Autotask;

public sealed class QueryLargeTests : IDisposable
{
    private static readonly AutotaskQuery Bulk = AutotaskQuery.Where(AutotaskFilter.BeginsWith("companyName", "Bulk ")).WithMaxRecords(100);

    private readonly SandboxServer _server = SandboxServer.Empty();

    [Fact]
    public async Task A_large_read_keeps_three_pages_in_flight_and_returns_every_row_once_in_id_order()
    {
        var ids = Insert("Bulk", 1234);
        _server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(20));
        using var client = await _server.ConnectAsync();
        var before = _server.RequestsTo("Companies");

        var companies = await client.QueryLargeAsync<Company>(Bulk);

        Assert.Equal(ids, companies.Select(c => c.Id));
        // One request per page of 100 (the ranges hold a page each at the first page's even spacing) and one count.
        Assert.Equal(1 + 13, _server.RequestsTo("Companies") - before);
        Assert.Equal(3, _server.Sandbox.Statistics.Endpoint("Companies").MaxConcurrent);
    }

    [Fact]
    public async Task Each_page_is_handed_over_once_as_it_is_read_one_call_at_a_time()
    {
        var ids = Insert("Bulk", 734);
        _server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(10));
        using var client = await _server.ConnectAsync();
        var pages = new List<IReadOnlyList<Company>>();
        var inCallback = 0;
        var overlapped = false;

        var companies = await client.QueryLargeAsync<Company>(Bulk, page =>
        {
            overlapped |= Interlocked.Increment(ref inCallback) > 1;
            pages.Add(page);
            Thread.Sleep(1);
            Interlocked.Decrement(ref inCallback);
        });

        Assert.Equal(ids, companies.Select(c => c.Id));
        Assert.Equal(ids, pages.SelectMany(page => page).Select(c => c.Id).OrderBy(id => id));
        Assert.Equal(8, pages.Count);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task Counted_with_the_first_page_every_later_page_goes_out_at_once()
    {
        var ids = Insert("Bulk", 400);
        _server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(40));
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Statistics.Reset();

        var companies = await client.QueryLargeAsync<Company>(Bulk, null, countWithFirstPage: true);

        Assert.Equal(ids, companies.Select(c => c.Id));
        var log = _server.Sandbox.Statistics.RequestLog.Where(e => e.Endpoint == "Companies").OrderBy(Start).ToList();
        // The first page and the count together, then the three pages left together: four pages and a count in two rounds.
        Assert.Equal(5, log.Count);
        Assert.Equal(
            new[] { SandboxRequestKind.Count, SandboxRequestKind.Query },
            log.Take(2).Select(e => e.Kind!.Value).OrderByDescending(k => k == SandboxRequestKind.Count));
        Assert.All(log.Skip(2), e => Assert.Equal(SandboxRequestKind.Query, e.Kind));
        Assert.True(Start(log[1]) < log[0].Timestamp, "the count should go out with the first page");
        Assert.True(log.Skip(2).Min(Start) >= log.Take(2).Max(e => e.Timestamp) - TimeSpan.FromMilliseconds(5), "the later pages wait for the first page's ids");
        var rest = log.Skip(2).ToList();
        Assert.True(rest.Max(Start) < rest.Min(e => e.Timestamp), "the pages after the first should be in flight together");
        Assert.Equal(3, _server.Sandbox.Statistics.Endpoint("Companies").MaxConcurrent);
    }

    [Fact]
    public async Task Counted_with_the_first_page_a_read_of_one_page_costs_the_count_too()
    {
        var ids = Insert("Bulk", 40);
        using var client = await _server.ConnectAsync();
        var before = _server.RequestsTo("Companies");

        var companies = await client.QueryLargeAsync<Company>(Bulk, null, countWithFirstPage: true);

        Assert.Equal(ids, companies.Select(c => c.Id));
        Assert.Equal(2, _server.RequestsTo("Companies") - before);
    }

    [Fact]
    public async Task Rows_beyond_a_gap_in_the_ids_are_still_read()
    {
        var ids = Insert("Bulk", 150);
        Insert("Other", 700);
        ids.AddRange(Insert("Bulk", 150));
        using var client = await _server.ConnectAsync();

        var companies = await client.QueryLargeAsync<Company>(Bulk);

        Assert.Equal(ids, companies.Select(c => c.Id));
    }

    [Fact]
    public async Task A_read_of_one_page_costs_one_request()
    {
        var ids = Insert("Bulk", 40);
        using var client = await _server.ConnectAsync();
        var before = _server.RequestsTo("Companies");

        var companies = await client.QueryLargeAsync<Company>(Bulk);

        Assert.Equal(ids, companies.Select(c => c.Id));
        Assert.Equal(1, _server.RequestsTo("Companies") - before);
    }

    public void Dispose() => _server.Dispose();

    private static DateTime Start(SandboxRequestLogEntry entry) => entry.Timestamp - entry.Duration;

    private List<long> Insert(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => _server.InsertCompany($"{prefix} {Guid.NewGuid():N}")).ToList();
}
