using Autotask.Billing.Autotask;
using Autotask.Billing.Buffering;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// Serves, once and before anything is timed, the reads a compare of the tenant makes (an in-process compare with no
/// lines reads every mapped contract, its services, units and catalog), without latency. The sandbox shares this
/// process and its 2 cores with the pwsh being measured, and its code is not precompiled: without this, its own JIT
/// and first-read work (the unit ledgers extended to its "today") run on those cores during the measured chain. A
/// remote Autotask spends none of the chain's CPU, so neither should its stand-in.
/// </summary>
internal static class SandboxWarmUp
{
    // Tiered compilation recompiles a hot method twice (instrumented, then optimized), in the background, each after
    // a quiet spell: the reads are served until a pass leaves (almost) nothing to compile, then the JIT is let settle.
    private const int MaxPasses = 3;
    private const int QuietMethods = 20;
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    /// <summary>The passes served and the CPU this process spent on them.</summary>
    public static (int Passes, TimeSpan Cpu) Serve(AutotaskSandbox sandbox, SandboxHost host, BenchmarkTenant tenant)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var passes = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            ServeAsync(sandbox, host, tenant).GetAwaiter().GetResult();
            passes++;
            WaitForQuietJit();
        }
        while (passes < MaxPasses && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled > QuietMethods);

        return (passes, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static void WaitForQuietJit()
    {
        long before;
        do
        {
            before = System.Runtime.JitInfo.GetCompiledMethodCount();
            Thread.Sleep(Settle);
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() != before);
    }

    private static async Task ServeAsync(AutotaskSandbox sandbox, SandboxHost host, BenchmarkTenant tenant)
    {
        var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
        using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false);
        var comparer = new ContractComparer(client);
        var options = new CompareOptions { AsOf = BenchmarkTenant.AsOf };
        using var prefetch = comparer.Prefetch(tenant.Mapping, options);
        using var none = new TransactionBuffer();
        await foreach (var _ in comparer.Compare(none, Array.Empty<TransactionSummary>(), tenant.Mapping, options, prefetch).ConfigureAwait(false))
        {
        }
    }
}
