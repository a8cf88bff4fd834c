using System.Text;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

// Speaks raw HTTP to a sandbox, either in process or over loopback, with the API user's headers.
public sealed class RawSandboxClient : IDisposable
{
    private readonly SandboxHost? _host;

    public RawSandboxClient(AutotaskSandbox sandbox, SandboxTransport transport)
    {
        Sandbox = sandbox;
        if (transport == SandboxTransport.Loopback)
        {
            _host = SandboxHost.Start(sandbox);
            Http = new HttpClient { BaseAddress = _host.BaseUri };
        }
        else
        {
            Http = new HttpClient(sandbox.CreateHandler()) { BaseAddress = new Uri("https://sandbox.autotask.test/") };
        }

        Http.Timeout = TimeSpan.FromSeconds(30);
    }

    public AutotaskSandbox Sandbox { get; }

    public HttpClient Http { get; }

    public Uri BaseAddress => Http.BaseAddress!;

    public static IEnumerable<object[]> Transports => new[] { new object[] { SandboxTransport.InProcess }, new object[] { SandboxTransport.Loopback } };

    public Task<RawResponse> SendAsync(HttpMethod method, string path, object? body = null, bool authenticate = true, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (authenticate)
        {
            request.Headers.Add("ApiIntegrationCode", Sandbox.ApiUser.IntegrationCode);
            request.Headers.Add("UserName", Sandbox.ApiUser.UserName);
            request.Headers.Add("Secret", Sandbox.ApiUser.Secret);
        }

        if (body != null)
        {
            var text = body as string ?? JsonConvert.SerializeObject(body);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        return SendAsync(request);
    }

    public async Task<RawResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return new RawResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    public Task<RawResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<RawResponse> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<RawResponse> PatchAsync(string path, object body) => SendAsync(new HttpMethod("PATCH"), path, body);

    public Task<RawResponse> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<RawResponse> QueryAsync(string entity, object query) => PostAsync($"ATServicesRest/V1.0/{entity}/query", query);

    public async Task<JArray> QueryItemsAsync(string entity, params object[] filters)
    {
        var response = await QueryAsync(entity, new { filter = filters });
        Assert.True(response.StatusCode == 200, response.Body);
        return (JArray)response.Json["items"]!;
    }

    public void Dispose()
    {
        Http.Dispose();
        _host?.Dispose();
    }
}
