using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Buffering;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// compare --customers N --services-per-customer M --lines-per-service L --latency-ms T: seeds a sandbox (without HTTP)
/// with a <see cref="BenchmarkTenant"/>, writes its Partner Center reconciliation file to disk, then does what
/// <c>Get-AtTransaction -Path file | Compare-AtContract</c> does in-process: starts reading the mapped contracts, reads the file through the real readers
/// (<see cref="BillingSourceReader"/>) into the compare's intake (<see cref="ComparisonLinesIntake"/>, as the cmdlet
/// takes its lines in) and compares over loopback HTTP with T ms of latency per request. Requests are
/// counted by the sandbox server; the floor is computed from the seeded rows (see <see cref="RequestFloor"/>).
/// </summary>
public sealed class CompareCommand : IBenchmarkCommand
{
    public string Name => "compare";

    public string Usage => "compare [--customers 2000] [--services-per-customer 20] [--lines-per-service 5] [--latency-ms 100] [--trace]   read a vendor file and compare over loopback HTTP";

    public int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 2_000);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var linesPerService = BenchmarkArguments.Int(args, "--lines-per-service", 5);
        var latencyMs = BenchmarkArguments.Int(args, "--latency-ms", 100);
        var latency = TimeSpan.FromMilliseconds(latencyMs);

        var folder = Path.Combine(Path.GetTempPath(), "atb-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var setup = Stopwatch.StartNew();
            using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today, HourlyRequestThreshold = 100_000 });
            var tenant = BenchmarkTenant.Seed(sandbox.Data, customers, servicesPerCustomer, linesPerService);
            var path = Path.Combine(folder, "pc-recon.csv");
            tenant.WriteFile(path);
            setup.Stop();
            var fileMb = new FileInfo(path).Length / 1024d / 1024d;
            Console.WriteLine($"Seeded {customers:N0} customers × {servicesPerCustomer} services; wrote {tenant.FileLines:N0} Partner Center lines ({fileMb:F1} MB) in {setup.Elapsed.TotalSeconds:F1} s; {tenant.Planted:N0} planted differences.");

            using var host = SandboxHost.Start(sandbox);
            var (passes, warmUpCpu) = SandboxWarmUp.Serve(sandbox, host, tenant);
            Console.WriteLine($"Before anything was timed, the sandbox served the compare's reads {passes} times without latency, until its JIT was quiet ({warmUpCpu.TotalSeconds:F2} s of CPU that a remote Autotask would not spend on these cores).");
            sandbox.Faults.AddLatency(latency);
            var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
            using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false);
            sandbox.Statistics.Reset();

            // Compare-AtContract starts reading the mapped contracts before the first line is read (what the cmdlet does),
            // then Get-AtTransaction -Path: the reader picks the format from the header and yields lines one at a time.
            var stopwatch = Stopwatch.StartNew();
            var comparer = new ContractComparer(client);
            var options = new CompareOptions { AsOf = BenchmarkTenant.AsOf };
            using var prefetch = comparer.Prefetch(tenant.Mapping, options);
            var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });

            // Taken in as Compare-AtContract takes them: sorted and held by a worker thread while the next is read, and
            // every company read from the first line of an unmapped customer on.
            using var comparisonLines = new ComparisonLines(tenant.Mapping, options);
            using var intake = new ComparisonLinesIntake(comparisonLines);
            var everyCompanyAsked = false;
            var problems = 0;
            foreach (var item in reader.ReadFile(path, CancellationToken.None))
            {
                if (item.Transaction is { } line)
                {
                    intake.Add(line);
                    if (!everyCompanyAsked && intake.NeedsAllCompanies)
                    {
                        everyCompanyAsked = true;
                        prefetch.ReadEveryCompany();
                    }
                }
                else
                {
                    problems++;
                }
            }

            var lines = intake.Complete();
            var readSeconds = stopwatch.Elapsed.TotalSeconds;
            // What Compare-AtContract does before a compare of this size: the reading's garbage goes before the compare grows.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var run = comparer.Compare(lines, null, prefetch);
            var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
            await foreach (var difference in run.ConfigureAwait(false))
            {
                var kind = difference.Kind.ToString();
                byKind[kind] = byKind.TryGetValue(kind, out var count) ? count + 1 : 1;
            }

            stopwatch.Stop();
            var summary = run.Summary;
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d;
            var served = RequestFloor.Served(sandbox.Statistics);
            var minimum = tenant.MinimumRequestsByEndpoint;
            var minimumTotal = minimum.Values.Sum();
            var allowance = ContractSnapshot.RequestAllowance(minimumTotal);
            var readFloor = RequestFloor.Seconds(minimum, latency, dependentRounds: 1);

            // The file read while Autotask is read alongside is slowed by it; the target takes the file alone, read
            // again now (already compiled, so if anything faster: the target errs strict).
            var alone = Stopwatch.StartNew();
            var again = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded }).ReadFile(path, CancellationToken.None).Count();
            var parseSeconds = alone.Elapsed.TotalSeconds;
            var target = 1.3 * Math.Max(readFloor, parseSeconds);

            Console.WriteLine(summary);
            if (args.Contains("--trace"))
            {
                RequestTimeline.Print(sandbox.Statistics, latency);
            }

            Console.WriteLine($"By kind: {string.Join(", ", byKind.Select(pair => $"{pair.Key} {pair.Value}"))}.");
            RequestFloor.Print(served, minimum);
            Console.WriteLine($"Requests counted by the sandbox server: {served.Values.Sum():N0}; the client says {summary.AutotaskRequests:N0}; the seeded rows need at least {minimumTotal:N0} (allowance {allowance:N0}).");
            Console.WriteLine($"Floor of the Autotask reads: {readFloor:F2} s = {RequestFloor.Explanation(latency, 1)}.");
            Console.WriteLine($"File read {readSeconds:F2} s while Autotask was read ({again:N0} lines read again alone in {parseSeconds:F2} s); end to end {stopwatch.Elapsed.TotalSeconds:F2} s; overlap target 1.3 × max(read floor, file alone) = {target:F2} s.");
            var within = served.Values.Sum() <= allowance && RequestFloor.MaxConcurrent(sandbox.Statistics) <= RequestFloor.InFlightPerEndpoint;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"command\":\"compare\",\"customers\":{customers},\"servicesPerCustomer\":{servicesPerCustomer},\"fileLines\":{tenant.FileLines},\"fileMB\":{fileMb:F1},\"latencyMs\":{latencyMs},\"setupSeconds\":{setup.Elapsed.TotalSeconds:F2},\"readSeconds\":{readSeconds:F3},\"parseSeconds\":{parseSeconds:F3},\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"readFloorSeconds\":{readFloor:F3},\"targetSeconds\":{target:F3},\"ratioToTarget\":{stopwatch.Elapsed.TotalSeconds / target:F3},\"differences\":{summary.Differences},\"plantedDifferences\":{tenant.Planted},\"problems\":{problems},\"serverRequests\":{served.Values.Sum()},\"clientRequests\":{summary.AutotaskRequests},\"minimumRequests\":{minimumTotal},\"requestAllowance\":{allowance},\"maxConcurrentPerEndpoint\":{RequestFloor.MaxConcurrent(sandbox.Statistics)},\"withinBound\":{(within ? "true" : "false")},\"peakWorkingSetMB\":{peakMb:F1}}}"));
            return within && problems == 0 && summary.Differences == tenant.Planted ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
