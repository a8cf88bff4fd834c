using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>Autotask counts threads per integration code and endpoint: two connections in one process share the limit.</summary>
public sealed class SharedThreadLimitTests
{
    [Fact]
    public async Task Two_connections_with_one_integration_code_never_exceed_three_requests_on_an_endpoint_together()
    {
        using var server = SandboxServer.Empty(new global::Autotask.Billing.Sandbox.SandboxOptions { ThreadThresholdStatusCode = 429 });
        server.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(20));
        using var first = await server.ConnectAsync();
        using var second = await server.ConnectAsync();

        var queries = Enumerable.Range(0, 8).SelectMany(_ => new[] { first, second })
            .Select(client => client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.Gte("id", 0))));
        await Task.WhenAll(queries);

        Assert.Equal(3, server.Sandbox.Statistics.Endpoint("Companies").MaxConcurrent);
        Assert.DoesNotContain(server.Sandbox.Statistics.RequestLog, static e => e.StatusCode == 429);
    }
}
