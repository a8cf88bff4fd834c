using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Autotask.Transport;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Autotask;

public sealed class ResilienceTests : IDisposable
{
    private readonly SandboxServer _server = SandboxServer.Empty();

    [Fact]
    public async Task A_burst_of_20_parallel_reads_never_has_more_than_3_in_flight_per_endpoint()
    {
        var ids = Enumerable.Range(1, 20).Select(i => _server.InsertCompany($"Burst {i}")).ToList();
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(30), "Companies");

        var companies = await Task.WhenAll(ids.Select(id => client.GetAsync<Company>(id)));

        Assert.All(companies, Assert.NotNull);
        Assert.Equal(3, _server.Sandbox.Statistics.Endpoint("Companies").MaxConcurrent);
        Assert.Equal(20, _server.RequestsMatching("/V1.0/Companies/", 200));
        Assert.Equal(0, _server.RequestsMatching("/V1.0/Companies/", 429));
    }

    [Theory]
    [InlineData(SandboxFaultKind.RequestThresholdExceeded, 429)]
    [InlineData(SandboxFaultKind.ThreadThresholdExceeded, 429)]
    [InlineData(SandboxFaultKind.ThreadThresholdExceededAs500, 500)]
    public async Task Throttling_errors_are_retried_until_the_read_succeeds(SandboxFaultKind fault, int status)
    {
        _server.InsertCompany("Throttled Co");
        var log = new List<AutotaskRequestLogEntry>();
        using var client = await _server.ConnectAsync(_server.Options with { RequestLog = new SynchronousProgress<AutotaskRequestLogEntry>(log.Add) });
        _server.Sandbox.Faults.FailNext(2, fault, "Companies");

        var count = await client.CountAsync<Company>(AutotaskQuery.Where(AutotaskFilter.Eq("companyName", "Throttled Co")));

        Assert.Equal(1, count);
        Assert.Equal(2, _server.RequestsMatching("/Companies/query/count", status));
        Assert.Equal(1, _server.RequestsMatching("/Companies/query/count", 200));
        Assert.Equal(new[] { 1, 2, 3 }, log.Where(e => e.Endpoint == "Companies").Select(e => e.Attempt));
    }

    [Fact]
    public async Task A_create_refused_by_the_thread_threshold_is_sent_again_and_saved_once()
    {
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Faults.FailNext(1, SandboxFaultKind.ThreadThresholdExceeded, "Companies", "POST");

        var id = await client.CreateAsync(NewCompany("Retried Co"));

        Assert.True(id > 0);
        Assert.Single(CompaniesNamed("Retried Co"));
    }

    [Fact]
    public async Task Throttling_that_does_not_stop_ends_in_a_throttled_exception_after_the_configured_attempts()
    {
        using var client = await _server.ConnectAsync(_server.Options with { MaxAttempts = 3 });
        _server.Sandbox.Faults.FailNext(10, SandboxFaultKind.ThreadThresholdExceeded, "Companies");
        var before = _server.RequestsTo("Companies");

        var error = await Assert.ThrowsAsync<AutotaskThrottledException>(() => client.CountAsync<Company>(AutotaskQuery.All));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(3, _server.RequestsTo("Companies") - before);
    }

    [Fact]
    public async Task A_server_fault_on_a_read_is_retried()
    {
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Faults.FailNext(2, SandboxFaultKind.InternalServerError, "Companies");

        var count = await client.CountAsync<Company>(AutotaskQuery.All);

        Assert.True(count > 0);
        Assert.Equal(2, _server.RequestsMatching("/Companies/query/count", 500));
    }

    [Fact]
    public async Task A_create_whose_response_was_lost_after_commit_is_confirmed_by_the_lookup_and_not_duplicated()
    {
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Faults.FailNext(1, SandboxFaultKind.CommitThenDropConnection, "Companies", "POST");
        var lookups = 0;

        var id = await client.CreateAsync(NewCompany("Dropped Co"), async token =>
        {
            lookups++;
            var found = await client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.Eq("companyName", "Dropped Co")), token);
            return found.Count == 1 ? found[0].Id : null;
        });

        var saved = Assert.Single(CompaniesNamed("Dropped Co"));
        Assert.Equal((long)saved["id"]!, id);
        Assert.Equal(1, lookups);
        Assert.Equal(1, _server.CreatesAt("Companies"));
    }

    [Fact]
    public async Task A_create_whose_response_was_lost_without_a_lookup_is_an_unknown_outcome_and_is_not_repeated()
    {
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Faults.FailNext(1, SandboxFaultKind.CommitThenDropConnection, "Companies", "POST");

        var error = await Assert.ThrowsAsync<AutotaskOutcomeUnknownException>(() => client.CreateAsync(NewCompany("Unknown Co")));

        Assert.Null(error.StatusCode);
        Assert.Equal(AutotaskOperation.Create, error.Operation);
        Assert.Single(CompaniesNamed("Unknown Co"));
        Assert.Equal(1, _server.CreatesAt("Companies"));
    }

    [Fact]
    public async Task A_connection_broken_after_commit_in_the_in_process_handler_is_also_an_unknown_outcome()
    {
        using var handler = _server.Sandbox.CreateHandler();
        using var client = await _server.ConnectAsync(_server.Options with { MessageHandler = handler });
        _server.Sandbox.Faults.FailNext(1, SandboxFaultKind.CommitThenDropConnection, "Companies", "POST");

        var error = await Assert.ThrowsAsync<AutotaskOutcomeUnknownException>(() => client.CreateAsync(NewCompany("Broken Co")));

        Assert.Contains("connection broke", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Single(CompaniesNamed("Broken Co"));
    }

    [Fact]
    public async Task A_create_answered_with_an_autotask_error_is_looked_up_once_and_reported_with_autotasks_text()
    {
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Faults.FailNext(1, SandboxFaultKind.InternalServerError, "Companies", "POST");
        var lookups = 0;
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<AutotaskApiException>(() => client.CreateAsync(NewCompany("Refused Co"), _ =>
        {
            lookups++;
            return Task.FromResult<long?>(null);
        }));

        Assert.IsNotType<AutotaskOutcomeUnknownException>(error);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("An unexpected error has occurred", error.Message);
        Assert.Equal(1, lookups);
        Assert.Equal(1, _server.CreatesAt("Companies"));
        Assert.Empty(CompaniesNamed("Refused Co"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "no back-off for an answer");
    }

    [Fact]
    public async Task A_create_answered_with_an_autotask_error_that_was_saved_anyway_returns_the_saved_id()
    {
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Faults.FailNext(1, SandboxFaultKind.InternalServerError, "Companies", "POST");

        var id = await client.CreateAsync(NewCompany("Saved Anyway Co"), _ => Task.FromResult<long?>(4242));

        Assert.Equal(4242, id);
        Assert.Equal(1, _server.CreatesAt("Companies"));
    }

    [Fact]
    public async Task The_request_budget_stops_a_run_before_sending_the_request_that_would_exceed_it()
    {
        var ids = Enumerable.Range(1, 5).Select(i => _server.InsertCompany($"Budget {i}")).ToList();
        using var client = await _server.ConnectAsync(_server.Options with { RequestBudget = 4 });

        foreach (var id in ids.Take(3))
        {
            await client.GetAsync<Company>(id);
        }

        var error = await Assert.ThrowsAsync<AutotaskBudgetExhaustedException>(() => client.GetAsync<Company>(ids[3]));
        Assert.Equal(4, error.RequestsSent);
        Assert.Equal(3, _server.RequestsTo("Companies"));
    }

    [Fact]
    public async Task The_threshold_reserve_stops_a_run_before_it_eats_into_the_hourly_threshold()
    {
        using var server = SandboxServer.Empty(new SandboxOptions { HourlyRequestThreshold = 30 });
        using var client = await server.ConnectAsync(server.Options with { ThresholdReserve = 20 });
        var sent = 0;

        var error = await Assert.ThrowsAsync<AutotaskBudgetExhaustedException>(async () =>
        {
            while (sent < 30)
            {
                await client.GetAsync<Company>(0);
                sent++;
            }
        });

        Assert.Equal(9, sent);
        Assert.Equal(10, error.Usage!.EstimatedUsed);
        Assert.Equal(0, server.RequestsMatching("/V1.0/", 429));
    }

    [Fact]
    public async Task The_hourly_usage_is_read_again_after_the_refresh_interval()
    {
        using var client = await _server.ConnectAsync(_server.Options with { ThresholdRefreshInterval = 4 });

        for (var i = 0; i < 10; i++)
        {
            await client.GetAsync<Company>(0);
        }

        Assert.Equal(3, _server.RequestsMatching("/V1.0/ThresholdInformation", 200));
        Assert.Equal(13, client.ThresholdUsage!.EstimatedUsed);
    }

    [Fact]
    public async Task The_request_counter_counts_every_attempt_per_endpoint()
    {
        using var client = await _server.ConnectAsync();
        var start = client.Requests.Snapshot();
        _server.Sandbox.Faults.FailNext(1, SandboxFaultKind.ThreadThresholdExceeded, "Companies");

        await client.GetAsync<Company>(0);
        await client.GetAsync<Resource>(29682881);

        var used = client.Requests.Snapshot().Since(start);
        Assert.Equal(3, used.Total);
        Assert.Equal(2, used.ByEndpoint["Companies"]);
        Assert.Equal(1, used.ByEndpoint["Resources"]);
    }

    [Fact]
    public async Task A_cancelled_call_sends_nothing()
    {
        using var client = await _server.ConnectAsync();
        var before = _server.Sandbox.Statistics.TotalRequests;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync<Company>(0, cancelled.Token));

        Assert.Equal(before, _server.Sandbox.Statistics.TotalRequests);
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried_and_then_reported_without_a_status()
    {
        using var client = await _server.ConnectAsync(_server.Options with { RequestTimeout = TimeSpan.FromMilliseconds(100), MaxAttempts = 2 });
        _server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(400), "Companies");

        var error = await Assert.ThrowsAsync<AutotaskApiException>(() => client.GetAsync<Company>(0));

        Assert.Null(error.StatusCode);
        Assert.Contains("no answer within", error.Message);
        Assert.Equal(2, client.Requests.Snapshot().ByEndpoint["Companies"]);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    public void Retry_after_seconds_are_honoured(string header, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), AutotaskTransport.ParseRetryAfter(header));
    }

    [Fact]
    public void Retry_after_as_an_http_date_waits_until_then()
    {
        var wait = AutotaskTransport.ParseRetryAfter(DateTimeOffset.UtcNow.AddMinutes(2).ToString("R"));

        Assert.InRange(wait!.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
    }

    public void Dispose() => _server.Dispose();

    private static Company NewCompany(string name) => new()
    {
        CompanyName = name,
        CompanyType = 1,
        OwnerResourceID = 29682881,
        Phone = "555-0100",
    };

    private IReadOnlyList<Newtonsoft.Json.Linq.JObject> CompaniesNamed(string name) =>
        _server.Sandbox.Data.All("Companies").Where(c => (string?)c["companyName"] == name).ToList();
}
