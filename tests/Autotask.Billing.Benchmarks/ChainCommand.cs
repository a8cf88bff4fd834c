using System.Globalization;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// chain --customers N --services-per-customer M --lines-per-service L --latency-ms T: what an admin runs, in a fresh
/// pwsh: <c>Get-AtTransaction -Path file | Compare-AtContract</c> with the module from out/, against a seeded
/// <see cref="BenchmarkTenant"/> served over loopback HTTP by this process. Reports the child's wall time per step,
/// its peak resident memory from the OS, and the requests the sandbox server counted against the seeded floor; the
/// target is 1.3 × the slower of the read floor and Get-AtTransaction alone on the same file in another fresh pwsh.
/// </summary>
public sealed class ChainCommand : IBenchmarkCommand
{
    private const string Script = """
        $ErrorActionPreference = 'Stop'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Import-Module -Name $env:ATB_BENCH_MODULE
        $imported = $clock.Elapsed.TotalSeconds
        Connect-AtBilling -ZoneUri $env:ATB_BENCH_ZONE
        $connected = $clock.Elapsed.TotalSeconds
        $trace = $env:ATB_BENCH_TRACE -eq '1'
        $differences = (& { Get-AtTransaction -Path $env:ATB_BENCH_FILE -Month 2026-10 -Verbose:$trace | Compare-AtContract -StatePath $env:ATB_BENCH_STORE -AsOf ([datetime]'2026-10-31') -Verbose:$trace } 4>&1 |
            ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { [Console]::Error.WriteLine(('{0,7:F2} s  {1}' -f $clock.Elapsed.TotalSeconds, $_.Message)) } else { $_ } } | Measure-Object).Count
        $compared = $clock.Elapsed.TotalSeconds
        $peak = 
        """ + ChildPwsh.PeakMemoryScript + """

        [ordered]@{ importSeconds = $imported; connectSeconds = $connected - $imported; chainSeconds = $compared - $connected; differences = $differences; jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false); jitSeconds = [System.Runtime.JitInfo]::GetCompilationTime($false).TotalSeconds; gcPauseSeconds = [GC]::GetTotalPauseDuration().TotalSeconds; gen2 = [GC]::CollectionCount(2); cpuSeconds = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime.TotalSeconds; vmHwmKb = $peak } | ConvertTo-Json -Compress
        """;

    // The file alone, in a pwsh of its own (same import, same JIT state at the start): the parse time the chain is held to.
    private const string ParseScript = """
        $ErrorActionPreference = 'Stop'
        Import-Module -Name $env:ATB_BENCH_MODULE
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-AtTransaction -Path $env:ATB_BENCH_FILE -Month 2026-10
        [ordered]@{ parseSeconds = $clock.Elapsed.TotalSeconds; cpuSeconds = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime.TotalSeconds; gcPauseSeconds = [GC]::GetTotalPauseDuration().TotalSeconds; gen2 = [GC]::CollectionCount(2) } | ConvertTo-Json -Compress
        """;

    public string Name => "chain";

    public string Usage => "chain [--customers 2000] [--services-per-customer 20] [--lines-per-service 5] [--latency-ms 100] [--module out/…psd1] [--pwsh pwsh.dll] [--trace]   Get-AtTransaction | Compare-AtContract in a pwsh child";

    public int Run(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 2_000);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var linesPerService = BenchmarkArguments.Int(args, "--lines-per-service", 5);
        var latency = TimeSpan.FromMilliseconds(BenchmarkArguments.Int(args, "--latency-ms", 100));
        var module = ChildPwsh.ModulePath(args);

        var folder = Path.Combine(Path.GetTempPath(), "atb-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today, HourlyRequestThreshold = 100_000 });
            var tenant = BenchmarkTenant.Seed(sandbox.Data, customers, servicesPerCustomer, linesPerService);
            var file = Path.Combine(folder, "pc-recon.csv");
            tenant.WriteFile(file);
            var store = Path.Combine(folder, "mappings.json");
            using (var mappings = MappingStore.Open(store))
            {
                mappings.Save(tenant.Mapping);
            }

            Console.WriteLine($"Seeded {customers:N0} customers × {servicesPerCustomer} services; wrote {tenant.FileLines:N0} Partner Center lines; {tenant.Planted:N0} planted differences. Module: {module}");
            using var host = SandboxHost.Start(sandbox);
            var (passes, warmUpCpu) = SandboxWarmUp.Serve(sandbox, host, tenant);
            Console.WriteLine($"Before anything was timed, the sandbox served the compare's reads {passes} times without latency, until its JIT was quiet ({warmUpCpu.TotalSeconds:F2} s of CPU that a remote Autotask would not spend on these cores).");
            sandbox.Faults.AddLatency(latency);
            sandbox.Statistics.Reset();

            var parse = ChildPwsh.Run(args, ParseScript, new Dictionary<string, string>
            {
                ["ATB_BENCH_MODULE"] = module,
                ["ATB_BENCH_FILE"] = file,
                ["AUTOTASK_BILLING_HOME"] = folder,
                ["HOME"] = folder,
            });
            var parseSeconds = ChildPwsh.Number(parse.Json, "parseSeconds") ?? double.NaN;
            sandbox.Statistics.Reset();
            var serverCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var result = ChildPwsh.Run(args, Script, new Dictionary<string, string>
            {
                ["ATB_BENCH_MODULE"] = module,
                ["ATB_BENCH_ZONE"] = host.ZoneUri.AbsoluteUri,
                ["ATB_BENCH_FILE"] = file,
                ["ATB_BENCH_STORE"] = store,
                ["AUTOTASK_API_USER"] = sandbox.ApiUser.UserName,
                ["AUTOTASK_API_SECRET"] = sandbox.ApiUser.Secret,
                ["AUTOTASK_API_INTEGRATION_CODE"] = sandbox.ApiUser.IntegrationCode,
                ["AUTOTASK_BILLING_HOME"] = folder,
                ["HOME"] = folder,
                ["ATB_BENCH_TRACE"] = args.Contains("--trace") ? "1" : "0",
            });
            if (args.Contains("--trace"))
            {
                // The verbose messages with the time they reached the end of the pipeline: where the chain spends it.
                Console.WriteLine(result.Errors);
                RequestTimeline.Print(sandbox.Statistics, latency);
            }

            if (result.ExitCode != 0 || result.Json.Length == 0)
            {
                Console.Error.WriteLine(result.Errors);
                return 1;
            }

            // The sandbox answers from this process, on the same cores as the chain (warm: SandboxWarmUp); a remote Autotask would not.
            serverCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - serverCpu;

            var served = RequestFloor.Served(sandbox.Statistics);
            var minimum = tenant.MinimumRequestsByEndpoint;
            var minimumTotal = minimum.Values.Sum();
            // Connecting reads ThresholdInformation once more than the comparison needs.
            var allowance = ContractSnapshot.RequestAllowance(minimumTotal) + 1;
            var readFloor = RequestFloor.Seconds(minimum, latency, dependentRounds: 1);
            var chain = ChildPwsh.Number(result.Json, "chainSeconds") ?? double.NaN;
            var differences = (int)(ChildPwsh.Number(result.Json, "differences") ?? -1);
            RequestFloor.Print(served, minimum);
            Console.WriteLine($"Requests counted by the sandbox server: {served.Values.Sum():N0} (connect included); the seeded rows need at least {minimumTotal:N0} (allowance {allowance:N0}).");
            Console.WriteLine($"Floor of the Autotask reads: {readFloor:F2} s = {RequestFloor.Explanation(latency, 1)}.");
            var target = 1.3 * Math.Max(readFloor, parseSeconds);
            Console.WriteLine($"Get-AtTransaction alone (another pwsh): {parseSeconds:F2} s; target 1.3 × max(read floor, that) = {target:F2} s.");
            Console.WriteLine($"pwsh: {result.Wall.TotalSeconds:F2} s in all, the chain {chain:F2} s ({chain / target:F2} × the target), peak resident memory (VmHWM) {result.PeakMb:F0} MB; {differences:N0} differences.");
            Console.WriteLine($"The sandbox server used {serverCpu.TotalSeconds:F2} s of CPU meanwhile, on the same {Environment.ProcessorCount} cores.");
            Console.WriteLine($"GC pauses in pwsh: {ChildPwsh.Number(result.Json, "gcPauseSeconds") ?? double.NaN:F2} s in the chain's process ({ChildPwsh.Number(result.Json, "gen2") ?? double.NaN:F0} gen2), {ChildPwsh.Number(parse.Json, "gcPauseSeconds") ?? double.NaN:F2} s in the file-alone one ({ChildPwsh.Number(parse.Json, "gen2") ?? double.NaN:F0} gen2); CPU of the whole pwsh process {ChildPwsh.Number(result.Json, "cpuSeconds") ?? double.NaN:F2} s and {ChildPwsh.Number(parse.Json, "cpuSeconds") ?? double.NaN:F2} s.");
            var within = served.Values.Sum() <= allowance && RequestFloor.MaxConcurrent(sandbox.Statistics) <= RequestFloor.InFlightPerEndpoint;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"command\":\"chain\",\"customers\":{customers},\"servicesPerCustomer\":{servicesPerCustomer},\"fileLines\":{tenant.FileLines},\"latencyMs\":{latency.TotalMilliseconds:0},\"processSeconds\":{result.Wall.TotalSeconds:F3},\"importSeconds\":{ChildPwsh.Number(result.Json, "importSeconds") ?? double.NaN:F3},\"connectSeconds\":{ChildPwsh.Number(result.Json, "connectSeconds") ?? double.NaN:F3},\"chainSeconds\":{chain:F3},\"parseSeconds\":{parseSeconds:F3},\"readFloorSeconds\":{readFloor:F3},\"targetSeconds\":{target:F3},\"serverCpuSeconds\":{serverCpu.TotalSeconds:F3},\"ratioToTarget\":{chain / target:F3},\"differences\":{differences},\"plantedDifferences\":{tenant.Planted},\"serverRequests\":{served.Values.Sum()},\"minimumRequests\":{minimumTotal},\"requestAllowance\":{allowance},\"maxConcurrentPerEndpoint\":{RequestFloor.MaxConcurrent(sandbox.Statistics)},\"withinBound\":{(within ? "true" : "false")},\"jitMethods\":{ChildPwsh.Number(result.Json, "jitMethods") ?? double.NaN:F0},\"jitSeconds\":{ChildPwsh.Number(result.Json, "jitSeconds") ?? double.NaN:F3},\"peakResidentMB\":{result.PeakMb:F1}}}"));
            return within && differences == tenant.Planted ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
