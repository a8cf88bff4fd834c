using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Transport;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>A sandbox served over loopback HTTP, and a client configured for fast tests against it.</summary>
internal sealed class SandboxServer : IDisposable
{
    private SandboxServer(AutotaskSandbox sandbox)
    {
        Sandbox = sandbox;
        Host = SandboxHost.Start(sandbox, 0);

        // The OS hands out freed loopback ports again, and the zone cache is process-wide: an entry an earlier test
        // left for this port must not stand in for this host's own discovery.
        ZoneDirectory.Forget(Host.ZoneUri, sandbox.ApiUser.UserName);
    }

    public AutotaskSandbox Sandbox { get; }

    public SandboxHost Host { get; }

    public AutotaskCredential Credential =>
        new(Sandbox.ApiUser.UserName, new ApiSecret(Sandbox.ApiUser.Secret), new ApiSecret(Sandbox.ApiUser.IntegrationCode));

    /// <summary>Discovery against this host; retries within milliseconds so tests stay fast.</summary>
    public AutotaskClientOptions Options => new()
    {
        DiscoveryUri = Host.ZoneUri,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(20),
        ConfirmDelay = TimeSpan.FromMilliseconds(10),
    };

    public static SandboxServer Empty(SandboxOptions? options = null) => new(AutotaskSandbox.CreateEmpty(options));

    public static SandboxServer Demo(SandboxOptions? options = null) => new(AutotaskSandbox.CreateDemo(options));

    /// <summary>A database that holds a different API user: this server's user is unknown there.</summary>
    public static SandboxServer WithoutThisUser(string directory)
    {
        var path = Path.Combine(directory, "other-database.json");
        using (var template = AutotaskSandbox.CreateEmpty())
        {
            template.Save(path);
        }

        var state = JObject.Parse(File.ReadAllText(path));
        state["apiUser"]!["userName"] = "someone-else@other-database.test";
        state["apiUser"]!["secret"] = "another-secret";
        File.WriteAllText(path, state.ToString());
        return new SandboxServer(AutotaskSandbox.Load(path));
    }

    /// <summary>An empty database whose API user has the given secret and integration code (saved and loaded from <paramref name="directory"/>).</summary>
    public static SandboxServer WithCredentials(string directory, string secret, string integrationCode, SandboxOptions? options = null)
    {
        var path = Path.Combine(directory, "credential-database.json");
        using (var template = AutotaskSandbox.CreateEmpty(options))
        {
            template.Save(path);
        }

        var state = JObject.Parse(File.ReadAllText(path));
        state["apiUser"]!["secret"] = secret;
        state["apiUser"]!["integrationCode"] = integrationCode;
        File.WriteAllText(path, state.ToString());
        return new SandboxServer(AutotaskSandbox.Load(path, options));
    }

    public Task<AutotaskClient> ConnectAsync(AutotaskClientOptions? options = null) =>
        AutotaskClient.ConnectAsync(Credential, options ?? Options);

    public long InsertCompany(string name, int companyType = 1, bool isActive = true, string? city = null)
    {
        var values = new JObject
        {
            ["companyName"] = name,
            ["companyType"] = companyType,
            ["isActive"] = isActive,
            ["phone"] = "555-0199",
            ["ownerResourceID"] = 29682881,
        };
        if (city is not null)
        {
            values["city"] = city;
        }

        return Sandbox.Data.Insert("Companies", values);
    }

    /// <summary>Creates (POSTs to the collection itself), as opposed to POSTed queries.</summary>
    public int CreatesAt(string collectionPath) =>
        Sandbox.Statistics.RequestLog.Count(entry => entry.Method == "POST" && entry.Path == "/ATServicesRest/V1.0/" + collectionPath);

    public long RequestsTo(string endpoint) => Sandbox.Statistics.Endpoint(endpoint).Requests;

    public int RequestsMatching(string pathFragment, int? statusCode = null) =>
        Sandbox.Statistics.RequestLog.Count(entry =>
            entry.Path.IndexOf(pathFragment, StringComparison.OrdinalIgnoreCase) >= 0 && (statusCode is null || entry.StatusCode == statusCode));

    public void Dispose()
    {
        Host.Dispose();
        Sandbox.Dispose();
    }
}
