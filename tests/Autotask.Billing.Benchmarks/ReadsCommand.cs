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
/// seeded rows along the reads that must wait for another's answer; requests are the sandbox server's counts.
/// </summary>
public sealed class ReadsCommand : IBenchmarkCommand
{
    public string Name => "reads";

    public string Usage => "reads [--customers 2000] [--services-per-customer 20] [--latency-ms 100]   whole-tenant reads of Get-AtContract, Get-AtContractService and Get-AtCompany";

    public int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private static long Pages(long rows) => Math.Max(1, (rows + 499) / 500);

    private static long Rounds(long requests) => (requests + RequestFloor.InFlightPerEndpoint - 1) / RequestFloor.InFlightPerEndpoint;

    private static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 2_000);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var latency = TimeSpan.FromMilliseconds(BenchmarkArguments.Int(args, "--latency-ms", 100));

        using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today, HourlyRequestThreshold = 100_000 });
        var tenant = BenchmarkTenant.Seed(sandbox.Data, customers, servicesPerCustomer, linesPerService: 1);
        sandbox.Faults.AddLatency(latency);
        using var host = SandboxHost.Start(sandbox);
        var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
        var selection = new ContractSelection { ActiveOnly = true, RecurringOnly = true };
        var contractPages = Pages(customers);
        var servicePages = Pages((long)customers * servicesPerCustomer);

        // The status picklist, then the contracts, then their companies by id: one after another by nature.
        var contractsFloor = (1 + Rounds(contractPages) + Rounds(contractPages)) * latency.TotalSeconds;
        // Contract services and units need nothing first; the catalog by id waits for the contract services.
        var servicesFloor = Math.Max(1 + Rounds(contractPages) + Rounds(contractPages), Rounds(servicePages) + 1) * latency.TotalSeconds;
        var cases = new (string Name, ContractSnapshotOptions Options, double Floor, string How, long Minimum)[]
        {
            ("Get-AtContract", new ContractSnapshotOptions { IncludeContractServices = false, AsOf = BenchmarkTenant.AsOf }, contractsFloor,
                $"(1 status-picklist read + ceil({contractPages} contract pages / 3) + ceil({contractPages} company pages / 3)) × {latency.TotalMilliseconds:0} ms",
                2 + contractPages + contractPages),
            ("Get-AtContractService", new ContractSnapshotOptions { AsOf = BenchmarkTenant.AsOf }, servicesFloor,
                $"max(1 + ceil({contractPages}/3) + ceil({contractPages}/3), ceil({servicePages} contract-service pages / 3) + 1 catalog round) × {latency.TotalMilliseconds:0} ms",
                2 + contractPages * 2 + servicePages * 2 + Pages(tenant.CatalogSize)),
        };

        var exit = 0;
        var results = new List<string>();
        foreach (var (name, options, floor, how, minimum) in cases)
        {
            // A fresh connection per case: nothing cached from the one before.
            using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false);
            sandbox.Statistics.Reset();
            var stopwatch = Stopwatch.StartNew();
            var snapshot = await new ContractSnapshotLoader(client).LoadAsync(selection, options).ConfigureAwait(false);
            stopwatch.Stop();
            var served = RequestFloor.Served(sandbox.Statistics);
            var ratio = stopwatch.Elapsed.TotalSeconds / floor;
            Console.WriteLine($"{name}: {snapshot.Contracts.Count:N0} contracts, {snapshot.ContractServicesByContract.Values.Sum(s => s.Count):N0} contract services in {stopwatch.Elapsed.TotalSeconds:F2} s; floor {floor:F2} s = {how}; {ratio:F2} × the floor.");
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
            var stopwatch = Stopwatch.StartNew();
            var companies = await new CrmReader(client).ReadCompaniesAsync(null, null, namePrefix: false, includeInactive: false).ConfigureAwait(false);
            stopwatch.Stop();
            var served = RequestFloor.Served(sandbox.Statistics);
            var pages = Pages(customers + 1);
            var floor = (1 + Rounds(pages)) * latency.TotalSeconds;
            var ratio = stopwatch.Elapsed.TotalSeconds / floor;
            Console.WriteLine($"Get-AtCompany: {companies.Count:N0} companies in {stopwatch.Elapsed.TotalSeconds:F2} s; floor {floor:F2} s = (1 first page + ceil({pages} pages incl. a count / 3)) × {latency.TotalMilliseconds:0} ms; {ratio:F2} × the floor.");
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
