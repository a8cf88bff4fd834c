using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Crm;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// reads --customers N --services-per-customer M --latency-ms T: the whole-tenant reads of the read cmdlets, through
/// their core path (<see cref="ContractSnapshotLoader"/> with the cmdlets' selections) over loopback HTTP:
/// Get-AtContract (active Recurring Service contracts and their companies), Get-AtContractService (the same with
/// every contract service and the units in force) and Get-AtCompany (every active company). Each is compared with its 3-in-flight floor, computed from the
/// seeded rows along the reads that must wait for another's answer; requests are the sandbox server's counts. Every
/// case is timed warm, after one load that pays this process's JIT (printed as the cold figure).
/// </summary>
public sealed class ReadsCommand : IBenchmarkCommand
{
    public string Name => "reads";

    public string Usage => "reads [--customers 2000] [--services-per-customer 20] [--latency-ms 100]   whole-tenant reads of Get-AtContract, Get-AtContractService and Get-AtCompany";

    public int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private static long Pages(long rows) => Math.Max(1, (rows + 499) / 500);

    private static long Rounds(long requests) => (requests + RequestFloor.InFlightPerEndpoint - 1) / RequestFloor.InFlightPerEndpoint;

    /// <summary>The round each page of a paged read arrives in, at best: the first alone, then 3 at a time.</summary>
    private static long[] PageArrivals(long pages, long firstRound) =>
        Enumerable.Range(0, (int)pages).Select(i => firstRound + (i + RequestFloor.InFlightPerEndpoint - 1) / RequestFloor.InFlightPerEndpoint).ToArray();

    /// <summary>The round the last of a set of dependent requests ends, each starting at best the round after its input arrived, 3 per round.</summary>
    private static long DependentEnd(IEnumerable<long> inputArrivals)
    {
        var perRound = new Dictionary<long, int>();
        long end = 0;
        foreach (var arrival in inputArrivals.OrderBy(round => round))
        {
            var round = arrival + 1;
            while (perRound.TryGetValue(round, out var busy) && busy >= RequestFloor.InFlightPerEndpoint)
            {
                round++;
            }

            perRound[round] = perRound.TryGetValue(round, out var used) ? used + 1 : 1;
            end = Math.Max(end, round);
        }

        return end;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 2_000);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var latency = TimeSpan.FromMilliseconds(BenchmarkArguments.Int(args, "--latency-ms", 100));

        using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today, HourlyRequestThreshold = 100_000 });
        var tenant = BenchmarkTenant.Seed(sandbox.Data, customers, servicesPerCustomer, linesPerService: 1);
        // The sandbox extends every unit ledger to its "today" on the first read of units (one pass over 40,000 ledgers
        // under its lock): part of seeding, not of serving a request, so it is done before anything is timed.
        sandbox.Data.Get("ContractServiceUnits", 0);
        sandbox.Faults.AddLatency(latency);
        using var host = SandboxHost.Start(sandbox);
        var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
        var selection = new ContractSelection { ActiveOnly = true, RecurringOnly = true };
        var contractPages = Pages(customers);
        var servicePages = Pages((long)customers * servicesPerCustomer);

        // Rounds of one latency each, at best: the status picklist (round 1), then the contracts, whose first page comes
        // alone (nothing tells any client where later pages start before it) and the rest 3 at a time; a page's companies
        // (500 per request, one per contract here) can be asked for the round after it arrives, 3 at a time.
        var contractArrivals = PageArrivals(contractPages, firstRound: 2);
        var contractRounds = Math.Max(contractArrivals.Max(), DependentEnd(contractArrivals));
        // Contract services and units need nothing first; the catalog by id can start once the first contract-service page is in.
        var serviceArrivals = PageArrivals(servicePages, firstRound: 1);
        var serviceRounds = Math.Max(serviceArrivals.Max(), DependentEnd(serviceArrivals.Take((int)Pages(tenant.CatalogSize))));
        var contractsFloor = contractRounds * latency.TotalSeconds;
        var servicesFloor = Math.Max(contractRounds, serviceRounds) * latency.TotalSeconds;
        const string Model = "first page of a read alone, then 3 pages at a time; a read by id 3 at a time from the round after the page naming its ids";
        var cases = new (string Name, ContractSnapshotOptions Options, double Floor, string How, long Minimum)[]
        {
            ("Get-AtContract", new ContractSnapshotOptions { IncludeContractServices = false, AsOf = BenchmarkTenant.AsOf }, contractsFloor,
                $"{contractRounds} rounds × {latency.TotalMilliseconds:0} ms (1 status-picklist round; {contractPages} contract pages and {contractPages} company reads: {Model})",
                2 + contractPages + contractPages),
            ("Get-AtContractService", new ContractSnapshotOptions { AsOf = BenchmarkTenant.AsOf }, servicesFloor,
                $"max({contractRounds} contract rounds, {serviceRounds} rounds for {servicePages} contract-service pages and the catalog) × {latency.TotalMilliseconds:0} ms ({Model})",
                2 + contractPages * 2 + servicePages * 2 + Pages(tenant.CatalogSize)),
        };

        // The client and the sandbox serving it share this process, whose assemblies are not precompiled: the first load
        // pays the JIT of both sides (the module in pwsh runs ReadyToRun code; its first command is the start benchmark's
        // figure). It is timed and shown, then every case is timed warm, against the floor of its requests.
        double coldSeconds;
        using (var warmUp = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false))
        {
            var cold = Stopwatch.StartNew();
            await new ContractSnapshotLoader(warmUp).LoadAsync(selection, cases[0].Options).ConfigureAwait(false);
            coldSeconds = cold.Elapsed.TotalSeconds;
            Console.WriteLine($"{cases[0].Name} cold, first in this process (JIT of client and sandbox included, not timed against the floor): {coldSeconds:F2} s; {coldSeconds / cases[0].Floor:F2} × its floor.");
        }

        var exit = 0;
        var results = new List<string> { string.Create(CultureInfo.InvariantCulture, $"\"coldSeconds\":{coldSeconds:F3}") };
        foreach (var (name, options, floor, how, minimum) in cases)
        {
            // A fresh connection per case: nothing cached from the one before.
            using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false);
            sandbox.Statistics.Reset();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var snapshot = await new ContractSnapshotLoader(client).LoadAsync(selection, options).ConfigureAwait(false);
            stopwatch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var served = RequestFloor.Served(sandbox.Statistics);
            var ratio = stopwatch.Elapsed.TotalSeconds / floor;
            Console.WriteLine($"{name}: {snapshot.Contracts.Count:N0} contracts, {snapshot.ContractServicesByContract.Values.Sum(s => s.Count):N0} contract services in {stopwatch.Elapsed.TotalSeconds:F2} s; floor {floor:F2} s = {how}; {ratio:F2} × the floor.");
            Console.WriteLine($"  {cpu:F2} s CPU in this process (client and sandbox together) while it ran.");
            RequestFloor.Print(served);
            Console.WriteLine($"  {served.Values.Sum():N0} requests served (the rows need at least {minimum:N0}); at most {RequestFloor.MaxConcurrent(sandbox.Statistics)} in flight per endpoint.");
            results.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"\"{name}\":{{\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"floorSeconds\":{floor:F3},\"ratio\":{ratio:F3},\"serverRequests\":{served.Values.Sum()},\"minimumRequests\":{minimum},\"maxConcurrentPerEndpoint\":{RequestFloor.MaxConcurrent(sandbox.Statistics)}}}"));
            exit |= snapshot.Contracts.Count == customers && RequestFloor.MaxConcurrent(sandbox.Statistics) <= RequestFloor.InFlightPerEndpoint ? 0 : 1;
        }

        // Get-AtCompany without a filter: every active company, the first page and then the rest (with a count) 3 at a time.
        using (var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false))
        {
            sandbox.Statistics.Reset();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var companies = await new CrmReader(client).ReadCompaniesAsync(null, null, namePrefix: false, includeInactive: false).ConfigureAwait(false);
            stopwatch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var served = RequestFloor.Served(sandbox.Statistics);
            var pages = Pages(customers + 1);
            var floor = (1 + Rounds(pages)) * latency.TotalSeconds;
            var ratio = stopwatch.Elapsed.TotalSeconds / floor;
            Console.WriteLine($"Get-AtCompany: {companies.Count:N0} companies in {stopwatch.Elapsed.TotalSeconds:F2} s; floor {floor:F2} s = (1 first page + ceil({pages} pages incl. a count / 3)) × {latency.TotalMilliseconds:0} ms; {ratio:F2} × the floor.");
            Console.WriteLine($"  {cpu:F2} s CPU in this process (client and sandbox together) while it ran.");
            RequestFloor.Print(served);
            Console.WriteLine($"  {served.Values.Sum():N0} requests served (the rows need at least {pages:N0}); at most {RequestFloor.MaxConcurrent(sandbox.Statistics)} in flight per endpoint.");
            results.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"\"Get-AtCompany\":{{\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"floorSeconds\":{floor:F3},\"ratio\":{ratio:F3},\"serverRequests\":{served.Values.Sum()},\"minimumRequests\":{pages},\"maxConcurrentPerEndpoint\":{RequestFloor.MaxConcurrent(sandbox.Statistics)}}}"));
            exit |= companies.Count == customers && RequestFloor.MaxConcurrent(sandbox.Statistics) <= RequestFloor.InFlightPerEndpoint ? 0 : 1;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"command\":\"reads\",\"customers\":{customers},\"servicesPerCustomer\":{servicesPerCustomer},\"latencyMs\":{latency.TotalMilliseconds:0},{string.Join(",", results)}}}"));
        return exit;
    }
}
