using System.Net;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Sandbox;

public sealed class SandboxLimitsAndFaultsTests
{
    private const string AnyCompany = "ATServicesRest/V1.0/Companies/0";

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_fourth_concurrent_request_on_one_endpoint_gets_the_thread_threshold_error(SandboxTransport transport)
    {
        var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
        sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(400), "Companies");
        using var client = new RawSandboxClient(sandbox, transport);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetAsync(AnyCompany)));

        var refused = Assert.Single(responses, r => r.StatusCode != 200);
        Assert.Equal(429, refused.StatusCode);
        Assert.Contains("Thread Threshold Exceeded", refused.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(3, sandbox.Statistics.Endpoint("Companies").MaxConcurrent);
    }

    [Fact]
    public async Task Zone_information_is_exempt_from_the_thread_limit()
    {
        var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
        sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(300));
        using var client = new RawSandboxClient(sandbox, SandboxTransport.InProcess);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.GetAsync("ATServicesRest/V1.0/ZoneInformation?user=" + sandbox.ApiUser.UserName)));

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task The_hourly_threshold_answers_429_with_retry_after_and_threshold_information_reports_usage(SandboxTransport transport)
    {
        var options = SandboxWireProtocolTests.Options();
        options.HourlyRequestThreshold = 5;
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(options), transport);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await client.GetAsync(AnyCompany)).StatusCode);
        }

        var threshold = await client.GetAsync("ATServicesRest/V1.0/ThresholdInformation");
        Assert.Equal(200, (await client.GetAsync(AnyCompany)).StatusCode);
        var refused = await client.GetAsync(AnyCompany);

        Assert.Equal(5, (int)threshold.Json["externalRequestThreshold"]!);
        Assert.Equal(60, (int)threshold.Json["requestThresholdTimeframe"]!);
        Assert.Equal(4, (int)threshold.Json["currentTimeframeRequestCount"]!);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.StartsWith("Request Threshold Exceeded", refused.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter!.Delta);
    }

    [Theory]
    [InlineData(SandboxTransport.InProcess, SandboxFaultKind.RequestThresholdExceeded, 429, "Request Threshold Exceeded")]
    [InlineData(SandboxTransport.Loopback, SandboxFaultKind.RequestThresholdExceeded, 429, "Request Threshold Exceeded")]
    [InlineData(SandboxTransport.InProcess, SandboxFaultKind.ThreadThresholdExceeded, 429, "Thread Threshold Exceeded")]
    [InlineData(SandboxTransport.Loopback, SandboxFaultKind.ThreadThresholdExceededAs500, 500, "Thread Threshold Exceeded")]
    [InlineData(SandboxTransport.InProcess, SandboxFaultKind.InternalServerError, 500, "unexpected error")]
    [InlineData(SandboxTransport.Loopback, SandboxFaultKind.InternalServerError, 500, "unexpected error")]
    public async Task Injected_faults_fail_the_next_matching_requests_only(SandboxTransport transport, SandboxFaultKind kind, int status, string message)
    {
        var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
        sandbox.Faults.FailNext(2, kind, entity: "Companies", method: "GET");
        using var client = new RawSandboxClient(sandbox, transport);

        var resources = await client.GetAsync($"ATServicesRest/V1.0/Resources/{sandbox.ApiUser.ResourceId}");
        var first = await client.GetAsync(AnyCompany);
        var second = await client.GetAsync(AnyCompany);
        var third = await client.GetAsync(AnyCompany);

        Assert.Equal(200, resources.StatusCode);
        Assert.Equal(status, first.StatusCode);
        Assert.Contains(message, first.Errors.Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(status, second.StatusCode);
        Assert.Equal(200, third.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Commit_then_drop_applies_the_write_but_fails_the_transport(SandboxTransport transport)
    {
        var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
        sandbox.Faults.FailNext(1, SandboxFaultKind.CommitThenDropConnection, entity: "Companies", method: "POST");
        using var client = new RawSandboxClient(sandbox, transport);
        var before = sandbox.Data.Count("Companies");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PostAsync("ATServicesRest/V1.0/Companies", new
        {
            companyName = "Dropped Ltd", companyType = 1, phone = "555-0199", ownerResourceID = 29682881,
        }));

        Assert.Equal(before + 1, sandbox.Data.Count("Companies"));
    }

    [Theory]
    [InlineData(SandboxTransport.InProcess, SandboxFaultKind.CommitLateAfterGatewayTimeout, 504)]
    [InlineData(SandboxTransport.Loopback, SandboxFaultKind.CommitLateAfterGatewayTimeout, 504)]
    [InlineData(SandboxTransport.InProcess, SandboxFaultKind.CommitLateWithoutAnswer, 0)]
    [InlineData(SandboxTransport.Loopback, SandboxFaultKind.CommitLateWithoutAnswer, 0)]
    public async Task A_late_commit_the_test_releases_lands_only_when_released_and_after_its_request_is_logged(
        SandboxTransport transport, SandboxFaultKind kind, int loggedStatus)
    {
        var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
        using var commit = sandbox.Faults.CommitWhenReleased(kind, "Companies", "POST");
        using var client = new RawSandboxClient(sandbox, transport);
        var before = sandbox.Data.Count("Companies");

        var create = client.PostAsync("ATServicesRest/V1.0/Companies", new
        {
            companyName = "Late Ltd", companyType = 1, phone = "555-0199", ownerResourceID = 29682881,
        });
        await commit.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        if (kind == SandboxFaultKind.CommitLateAfterGatewayTimeout)
        {
            Assert.Equal(504, (await create).StatusCode);
        }

        Assert.Equal((before, false, 1), (sandbox.Data.Count("Companies"), commit.Landed.IsCompleted, sandbox.Faults.LateCommitsPending));
        commit.Release();
        if (kind == SandboxFaultKind.CommitLateWithoutAnswer)
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => create);
        }

        await commit.Landed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((before + 1, 0), (sandbox.Data.Count("Companies"), sandbox.Faults.LateCommitsPending));
        var logged = Assert.Single(sandbox.Statistics.RequestLog, e => e.Kind == SandboxRequestKind.Create);
        Assert.Equal(loggedStatus, logged.StatusCode);
    }

    [Fact]
    public async Task Probabilistic_faults_repeat_for_the_same_seed()
    {
        async Task<int[]> RunAsync()
        {
            var sandbox = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options());
            sandbox.Faults.FailRandomly(0.5, SandboxFaultKind.InternalServerError, seed: 42);
            using var client = new RawSandboxClient(sandbox, SandboxTransport.InProcess);
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                statuses.Add((await client.GetAsync(AnyCompany)).StatusCode);
            }

            return statuses.ToArray();
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task Statistics_count_requests_by_endpoint_method_and_kind_and_log_no_header_values()
    {
        var sandbox = AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options());
        using var client = new RawSandboxClient(sandbox, SandboxTransport.InProcess);
        var contract = (await client.QueryItemsAsync("Contracts", new { op = "gt", field = "id", value = 0 })).First();

        await client.GetAsync($"ATServicesRest/V1.0/Contracts/{(long)contract["id"]!}/Services");
        await client.GetAsync($"ATServicesRest/V1.0/ContractServices/1");

        var services = sandbox.Statistics.Endpoint("ContractServices");
        Assert.Equal(2, services.Requests);
        Assert.Equal(1, services.Kind(SandboxRequestKind.Query));
        Assert.Equal(1, services.Kind(SandboxRequestKind.Get));
        Assert.Equal(1, sandbox.Statistics.Endpoint("Contracts").Method("POST"));
        Assert.Equal(3, sandbox.Statistics.TotalRequests);
        Assert.DoesNotContain(sandbox.Statistics.RequestLog, e => e.ToString().Contains(sandbox.ApiUser.Secret, StringComparison.Ordinal));
    }
}
