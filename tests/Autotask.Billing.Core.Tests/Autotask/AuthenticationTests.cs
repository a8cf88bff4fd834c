using Autotask.Billing.Autotask;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Autotask;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task A_wrong_secret_answered_with_an_empty_401_is_an_authentication_failure_naming_what_to_check()
    {
        using var server = SandboxServer.Demo();
        var credential = new AutotaskCredential(
            server.Sandbox.ApiUser.UserName, new ApiSecret("wrong-secret"), new ApiSecret(server.Sandbox.ApiUser.IntegrationCode));

        var error = await Assert.ThrowsAsync<AutotaskAuthenticationException>(
            () => AutotaskClient.ConnectAsync(credential, server.Options with { ZoneUri = server.Host.ZoneUri }));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(AutotaskOperation.Connect, error.Operation);
        Assert.Contains("secret", error.Message);
        Assert.Contains("integration code", error.Message);
    }

    [Fact]
    public async Task An_unknown_user_answered_with_a_500_error_is_an_authentication_failure_about_the_user_name()
    {
        using var server = SandboxServer.Demo(new SandboxOptions { AuthFailureMode = AuthFailureMode.ServerErrorForUnknownUserOrIntegrationCode });
        var credential = new AutotaskCredential(
            "nobody@unknown.test", new ApiSecret(server.Sandbox.ApiUser.Secret), new ApiSecret(server.Sandbox.ApiUser.IntegrationCode));

        var error = await Assert.ThrowsAsync<AutotaskAuthenticationException>(
            () => AutotaskClient.ConnectAsync(credential, server.Options with { ZoneUri = server.Host.ZoneUri }));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("Check the user name", error.Message);
        Assert.DoesNotContain("integration code", error.Message);
    }

    [Fact]
    public async Task A_wrong_integration_code_answered_with_a_500_error_is_an_authentication_failure_about_the_integration_code()
    {
        using var server = SandboxServer.Demo(new SandboxOptions { AuthFailureMode = AuthFailureMode.ServerErrorForUnknownUserOrIntegrationCode });
        var credential = new AutotaskCredential(
            server.Sandbox.ApiUser.UserName, new ApiSecret(server.Sandbox.ApiUser.Secret), new ApiSecret("WRONG-CODE"));

        var error = await Assert.ThrowsAsync<AutotaskAuthenticationException>(() => AutotaskClient.ConnectAsync(credential, server.Options));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("Check the API integration code", error.Message);
        Assert.Equal(1, server.RequestsMatching("ThresholdInformation"));
    }

    [Fact]
    public async Task Connecting_proves_the_credentials_with_one_authenticated_call()
    {
        using var server = SandboxServer.Demo();

        using var client = await server.ConnectAsync();

        Assert.Equal(1, server.RequestsMatching("/V1.0/ThresholdInformation", 200));
        Assert.NotNull(client.ThresholdUsage);
        Assert.Equal(10000, client.ThresholdUsage!.Threshold);
    }
}
