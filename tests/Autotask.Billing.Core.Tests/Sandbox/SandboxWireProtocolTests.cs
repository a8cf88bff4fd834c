using System.Net;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

public sealed class SandboxWireProtocolTests
{
    private static readonly DateTime Today = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Zone_information_answers_without_credentials_with_the_url_the_client_used(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var response = await client.SendAsync(HttpMethod.Get, "atservicesrest/v1.0/ZoneInformation?user=" + Uri.EscapeDataString(client.Sandbox.ApiUser.UserName), authenticate: false);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("SANDBOX", (string?)response.Json["zoneName"]);
        Assert.Equal(new Uri(client.BaseAddress, "ATServicesRest/").AbsoluteUri, (string?)response.Json["url"]);
        Assert.Equal(client.Sandbox.DatabaseId, (long)response.Json["ci"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Zone_information_for_an_unknown_user_is_a_500_with_the_autotask_message(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var response = await client.SendAsync(HttpMethod.Get, "ATServicesRest/V1.0/ZoneInformation?user=nobody@example.com");

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(new[] { "Zone information could not be determined" }, response.Errors);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_wrong_secret_gets_401_with_an_empty_body_and_a_basic_challenge(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);
        var request = new HttpRequestMessage(HttpMethod.Get, "ATServicesRest/V1.0/Companies/0");
        request.Headers.Add("apiintegrationcode", client.Sandbox.ApiUser.IntegrationCode);
        request.Headers.Add("username", client.Sandbox.ApiUser.UserName);
        request.Headers.Add("secret", "wrong");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.Single().Scheme, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Realm", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Header_names_are_matched_case_insensitively(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);
        var request = new HttpRequestMessage(HttpMethod.Get, "ATServicesRest/V1.0/Companies/0");
        request.Headers.Add("APIINTEGRATIONCODE", client.Sandbox.ApiUser.IntegrationCode);
        request.Headers.Add("username", client.Sandbox.ApiUser.UserName);
        request.Headers.Add("SECRET", client.Sandbox.ApiUser.Secret);

        var response = await client.SendAsync(request);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(0L, (long)response.Json["item"]!["id"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task The_legacy_auth_mode_answers_500_for_an_unknown_user_and_for_a_wrong_integration_code(SandboxTransport transport)
    {
        var options = Options();
        options.AuthFailureMode = AuthFailureMode.ServerErrorForUnknownUserOrIntegrationCode;
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(options), transport);

        var unknownUser = await client.SendAsync(HttpMethod.Get, "ATServicesRest/V1.0/Companies/0", configure: r => Replace(r, "UserName", "nobody@example.com"));
        var wrongCode = await client.SendAsync(HttpMethod.Get, "ATServicesRest/V1.0/Companies/0", configure: r => Replace(r, "ApiIntegrationCode", "WRONG"));
        var wrongSecret = await client.SendAsync(HttpMethod.Get, "ATServicesRest/V1.0/Companies/0", configure: r => Replace(r, "Secret", "wrong"));

        Assert.Equal(500, unknownUser.StatusCode);
        Assert.NotEmpty(unknownUser.Errors);
        Assert.Equal(500, wrongCode.StatusCode);
        Assert.NotEmpty(wrongCode.Errors);
        Assert.Equal(401, wrongSecret.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Missing_credentials_get_401(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var response = await client.SendAsync(HttpMethod.Get, "ATServicesRest/V1.0/Companies/0", authenticate: false);

        Assert.Equal(401, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Version_information_lists_v1_and_v2(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var response = await client.SendAsync(HttpMethod.Get, "ATServicesRest/VersionInformation", authenticate: false);

        Assert.Equal(new[] { "V1.0", "V2.0" }, response.Json["apiVersions"]!.Values<string>());
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Patch_with_the_id_in_the_path_is_405_with_the_aspnet_message(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var response = await client.PatchAsync("ATServicesRest/V1.0/Companies/0", new { companyName = "x" });

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("The requested resource does not support http method 'PATCH'.", (string?)response.Json["Message"]);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_bare_get_on_a_collection_is_405(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var companies = await client.GetAsync("ATServicesRest/V1.0/Companies");
        var contacts = await client.GetAsync("ATServicesRest/V1.0/Contacts");

        Assert.Equal(405, companies.StatusCode);
        Assert.Equal(405, contacts.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_child_entity_created_at_its_root_path_is_404(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(Options()), transport);

        var response = await client.PostAsync("ATServicesRest/V1.0/ContractServices", new { contractID = 1, serviceID = 2 });

        Assert.Equal(404, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_missing_id_returns_a_null_item(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var response = await client.GetAsync("ATServicesRest/V1.0/Companies/987654");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(JTokenType.Null, response.Json["item"]!.Type);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Entities_come_back_with_nulls_utc_dates_with_a_zone_and_user_defined_fields(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(Options()), transport);

        var company = (JObject)(await client.GetAsync("ATServicesRest/V1.0/Companies/0")).Json["item"]!;

        Assert.Equal(JTokenType.Null, company["fax"]!.Type);
        Assert.Equal("2020-01-01T00:00:00Z", company["createDate"]!.ToString());
        Assert.Equal(JTokenType.Array, company["userDefinedFields"]!.Type);
    }

    internal static SandboxOptions Options() => new() { Today = Today };

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.Add(header, value);
    }
}
