using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Autotask.Transport;

namespace Autotask.Billing.Tests.Autotask;

public sealed class ZoneDiscoveryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autotask-zone-").FullName;

    [Fact]
    public async Task Connecting_discovers_the_zone_through_V1_0_and_later_connections_reuse_it()
    {
        using var server = SandboxServer.Demo();

        using var first = await server.ConnectAsync();
        using var second = await server.ConnectAsync();

        Assert.Equal(server.Host.ZoneUri, first.Zone.Url);
        Assert.Equal("SANDBOX", first.Zone.ZoneName);
        Assert.Equal(server.Host.ZoneUri, second.Zone.Url);
        Assert.Equal(1, server.RequestsMatching("/ATServicesRest/V1.0/ZoneInformation"));
    }

    [Fact]
    public async Task Data_requests_go_to_the_versioned_path_under_the_zone_url()
    {
        using var server = SandboxServer.Demo();
        using var client = await server.ConnectAsync();

        await client.CountAsync<Company>(AutotaskQuery.All);

        Assert.Equal(1, server.RequestsMatching("/ATServicesRest/V1.0/Companies/query/count", 200));
    }

    [Fact]
    public async Task An_explicit_zone_is_used_without_the_discovery_host_and_still_names_the_database_it_serves()
    {
        using var server = SandboxServer.Demo();
        var options = server.Options with { ZoneUri = server.Host.BaseUri, DiscoveryUri = new Uri("http://127.0.0.1:9/ATServicesRest/") };

        using var client = await server.ConnectAsync(options);

        Assert.Equal(server.Host.ZoneUri, client.Zone.Url);
        Assert.Equal(server.Sandbox.DatabaseId, client.Zone.CI);
        Assert.Equal("SANDBOX", client.Zone.ZoneName);
        Assert.NotNull(client.Zone.WebUrl);
        Assert.Equal(1, server.RequestsMatching("/ATServicesRest/V1.0/ZoneInformation"));
    }

    [Fact]
    public async Task A_database_moved_to_another_zone_is_rediscovered_once_after_a_401_and_the_call_repeated_there()
    {
        using var oldZone = SandboxServer.WithoutThisUser(_directory);
        using var newZone = SandboxServer.Demo();
        ZoneDirectory.Remember(newZone.Host.ZoneUri, newZone.Sandbox.ApiUser.UserName, new ZoneInformation { Url = oldZone.Host.ZoneUri });

        using var client = await newZone.ConnectAsync();
        var count = await client.CountAsync<Company>(AutotaskQuery.All);

        Assert.Equal(newZone.Host.ZoneUri, client.Zone.Url);
        Assert.True(count > 0);
        Assert.Equal(1, oldZone.RequestsMatching("ThresholdInformation", 401));
        Assert.Equal(1, newZone.RequestsMatching("ZoneInformation"));
        Assert.Equal(1, newZone.RequestsMatching("ThresholdInformation", 200));
    }

    [Fact]
    public async Task A_401_that_persists_after_one_rediscovery_is_an_authentication_failure()
    {
        using var server = SandboxServer.Demo();
        var credential = new AutotaskCredential(
            server.Sandbox.ApiUser.UserName, new ApiSecret("wrong-secret"), new ApiSecret(server.Sandbox.ApiUser.IntegrationCode));

        await Assert.ThrowsAsync<AutotaskAuthenticationException>(() => AutotaskClient.ConnectAsync(credential, server.Options));

        Assert.Equal(2, server.RequestsMatching("ZoneInformation"));
        Assert.Equal(1, server.RequestsMatching("ThresholdInformation", 401));
    }

    [Fact]
    public async Task An_unknown_user_fails_discovery_with_a_hint_to_check_the_user_name()
    {
        using var server = SandboxServer.Demo();
        var credential = new AutotaskCredential(
            "nobody@unknown.test", new ApiSecret(server.Sandbox.ApiUser.Secret), new ApiSecret(server.Sandbox.ApiUser.IntegrationCode));

        var error = await Assert.ThrowsAsync<AutotaskAuthenticationException>(() => AutotaskClient.ConnectAsync(credential, server.Options));

        Assert.Contains("nobody@unknown.test", error.Message);
        Assert.Contains("user name", error.Message);
        Assert.Contains("Zone information could not be determined", error.Errors);
        Assert.Equal(AutotaskOperation.DiscoverZone, error.Operation);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
