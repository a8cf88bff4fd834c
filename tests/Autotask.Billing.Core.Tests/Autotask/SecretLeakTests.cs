using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>Secrets must not surface in any message, ToString or log line, whatever goes wrong.</summary>
public sealed class SecretLeakTests
{
    private const string SecretMarker = "SECRET-MARKER-5d1f0c";
    private const string CodeMarker = "CODE-MARKER-b7a203";

    [Theory]
    [InlineData(AuthFailureMode.Unauthorized)]
    [InlineData(AuthFailureMode.ServerErrorForUnknownUserOrIntegrationCode)]
    public async Task Failed_connections_with_marked_credentials_never_show_them(AuthFailureMode mode)
    {
        using var server = SandboxServer.Demo(new SandboxOptions { AuthFailureMode = mode });
        var texts = new List<string>();
        var options = server.Options with { RequestLog = new SynchronousProgress<AutotaskRequestLogEntry>(entry => texts.Add(Describe(entry))) };
        var attempts = new[]
        {
            new AutotaskCredential(server.Sandbox.ApiUser.UserName, new ApiSecret(SecretMarker), new ApiSecret(CodeMarker)),
            new AutotaskCredential(server.Sandbox.ApiUser.UserName, new ApiSecret(server.Sandbox.ApiUser.Secret), new ApiSecret(CodeMarker)),
            new AutotaskCredential(server.Sandbox.ApiUser.UserName, new ApiSecret(SecretMarker), new ApiSecret(server.Sandbox.ApiUser.IntegrationCode)),
            new AutotaskCredential("nobody@unknown.test", new ApiSecret(SecretMarker), new ApiSecret(CodeMarker)),
        };

        foreach (var credential in attempts)
        {
            texts.Add(credential.ToString());
            texts.Add(options.ToString());
            var error = await Assert.ThrowsAnyAsync<AutotaskException>(() => AutotaskClient.ConnectAsync(credential, options));
            texts.Add(DescribeException(error));
        }

        Assert.True(texts.Count > attempts.Length * 3);
        AssertNoMarker(texts, SecretMarker, CodeMarker);
    }

    [Fact]
    public async Task Failures_of_a_working_connection_never_show_its_secret_or_integration_code()
    {
        using var server = SandboxServer.Empty();
        var user = server.Sandbox.ApiUser;
        var texts = new List<string>();
        using var client = await server.ConnectAsync(server.Options with
        {
            MaxAttempts = 2,
            RequestLog = new SynchronousProgress<AutotaskRequestLogEntry>(entry => texts.Add(Describe(entry))),
        });
        server.Sandbox.Faults.FailNext(5, SandboxFaultKind.ThreadThresholdExceeded, "Resources");

        var failures = new Func<Task>[]
        {
            () => client.QueryAsync<Company>(AutotaskQuery.Where(AutotaskFilter.Eq("noSuchField", 1))),
            () => client.CreateAsync(new Company { CompanyName = "Incomplete" }),
            () =>
            {
                server.Sandbox.Faults.FailNext(1, SandboxFaultKind.CommitThenDropConnection, "Companies", "POST");
                return client.CreateAsync(new Company { CompanyName = "Dropped", CompanyType = 1, OwnerResourceID = 29682881, Phone = "1" });
            },
            () => client.GetAsync<Resource>(29682881),
            () => client.ResolvePicklistValueAsync("Companies", "companyType", "Nope"),
            () => client.UpdateAsync<Company>(987654321, new Dictionary<string, object?> { ["city"] = "x" }),
        };
        foreach (var failure in failures)
        {
            texts.Add(DescribeException(await Assert.ThrowsAnyAsync<AutotaskException>(failure)));
        }

        texts.Add(client.ToString());
        texts.Add(client.Requests.Snapshot().ToString());
        Assert.Equal(failures.Length, texts.Count(text => text.Contains("Exception")));
        AssertNoMarker(texts, user.Secret, user.IntegrationCode);
    }

    private static string Describe(AutotaskRequestLogEntry entry) =>
        string.Join(" ", entry, entry.Method, entry.Path, entry.Endpoint, entry.Failure);

    private static string DescribeException(AutotaskException error)
    {
        var parts = new List<string> { error.ToString(), error.Message };
        parts.AddRange(error.Data.Values.Cast<object?>().Select(value => value?.ToString() ?? ""));
        if (error is AutotaskApiException api)
        {
            parts.AddRange(api.Errors);
            parts.Add(api.Path);
        }

        return string.Join("\n", parts);
    }

    private static void AssertNoMarker(IEnumerable<string> texts, params string[] markers)
    {
        foreach (var text in texts)
        {
            foreach (var marker in markers)
            {
                Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
