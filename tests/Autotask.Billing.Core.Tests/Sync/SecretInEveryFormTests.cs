using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Transport;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// A whole sync under faults with a secret and an integration code full of characters that change when encoded
/// (+ / = &amp; % # " &lt; &gt;): neither appears, in any encoding, in a result, the journal, the history or the request log.
/// </summary>
public sealed class SecretInEveryFormTests
{
    private const string Secret = "p+a/s=s&w%o#r\"d<x>y";
    private const string Code = "C0de+/=&%#\"<>Z";

    [Fact]
    public async Task A_faulted_sync_never_shows_the_secret_or_code_in_any_encoding()
    {
        using var folder = new TemporaryFolder();
        using var tenant = new SyncTenant(FiftyOperationScenario.Today, options => SandboxServer.WithCredentials(folder.Path, Secret, Code, options));
        var differences = FiftyOperationScenario.Seed(tenant);
        tenant.Sandbox.Faults.FailRandomly(0.10, SandboxFaultKind.CommitThenDropConnection, seed: 5);
        tenant.Sandbox.Faults.FailRandomly(0.10, SandboxFaultKind.InternalServerError, seed: 6);
        tenant.Sandbox.Faults.CommitLate(1, SandboxFaultKind.CommitLateAfterGatewayTimeout, TimeSpan.FromSeconds(30), "ContractCharges", "POST");
        var texts = new List<string>();
        var journal = Path.Combine(folder.Path, "journal");
        var clientOptions = tenant.PatientOptions with
        {
            ConfirmWindow = TimeSpan.FromMilliseconds(300),
            RequestLog = new SynchronousProgress<AutotaskRequestLogEntry>(entry => texts.Add(string.Join(" ", entry, entry.Path, entry.Failure))),
        };

        var (_, summary, results) = await tenant.SyncAsync(differences, new SyncOptions { JournalFolder = journal }, clientOptions: clientOptions);

        Assert.True(summary.Failed + summary.Unconfirmed > 0, "the faults must have produced error texts");
        texts.AddRange(results.Select(static r => string.Join(" ", r.Reason, r.Target, r.Action, r)));
        texts.Add(summary.ToString());
        texts.Add(File.ReadAllText(summary.JournalPath!));
        texts.AddRange(SyncHistory.ListRuns(journal).SelectMany(static run => run.Results.Select(static r => r.Reason)));
        foreach (var form in SecretRedactor.Forms(Secret).Concat(SecretRedactor.Forms(Code)))
        {
            Assert.All(texts, text => Assert.DoesNotContain(form, text, StringComparison.Ordinal));
        }
    }
}
