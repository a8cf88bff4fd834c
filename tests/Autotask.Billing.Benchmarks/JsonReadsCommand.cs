using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// json-reads --customers N --services-per-customer M --rounds R: the CPU and memory the client spends turning query
/// responses into entities. N × M contract services and as many unit rows are read through the real
/// <see cref="AutotaskClient"/> from the sandbox over loopback HTTP without latency, each round both ways a caller
/// reads: page by page along nextPageUrl (<see cref="AutotaskClient.QueryAsync{T}"/>, the path of QueryInAsync) and
/// 3 pages in flight (<see cref="AutotaskClient.QueryLargeAsync{T}"/>). A first, unmeasured round pays for the JIT.
/// CPU is the whole process's (the in-process sandbox serving the pages included), allocations are every thread's.
/// A checksum over the rows read (ids, money, units, dates) shows two builds read the same values. The floor is the
/// same number of pages fetched over the same HTTP with their bytes discarded: what the sandbox and the network cost
/// the process whatever the client does, so total minus floor approximates the client's own share.
/// </summary>
public sealed class JsonReadsCommand : IBenchmarkCommand
{
    public string Name => "json-reads";

    public string Usage => "json-reads [--customers 2000] [--services-per-customer 20] [--rounds 2]   CPU and allocations of reading contract services and units into entities";

    public int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 2_000);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var rounds = BenchmarkArguments.Int(args, "--rounds", 2);

        using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today, HourlyRequestThreshold = 1_000_000 });
        BenchmarkTenant.Seed(sandbox.Data, customers, servicesPerCustomer, linesPerService: 1);
        using var host = SandboxHost.Start(sandbox);
        var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
        using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false);

        var expected = (long)customers * servicesPerCustomer;
        var warmUp = await ReadRoundAsync(client).ConfigureAwait(false);
        Console.WriteLine($"Warm-up: {warmUp.Rows:N0} rows, checksum {warmUp.Checksum}.");

        var process = Process.GetCurrentProcess();
        var exit = 0;
        double cpu = 0, wall = 0;
        long allocated = 0, rows = 0;
        for (var round = 1; round <= rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var result = await ReadRoundAsync(client).ConfigureAwait(false);
            stopwatch.Stop();
            var roundAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var roundCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(
                $"Round {round}: {result.Rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:F2} s wall, {roundCpu:F2} s CPU, " +
                $"{roundAllocated / 1048576.0:N0} MB allocated; checksum {result.Checksum}.");
            cpu += roundCpu;
            wall += stopwatch.Elapsed.TotalSeconds;
            allocated += roundAllocated;
            rows += result.Rows;
            exit |= result.Rows == 4 * expected && result.Checksum == warmUp.Checksum ? 0 : 1;
        }

        var perRound = Math.Max(1, rounds);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("ApiIntegrationCode", sandbox.ApiUser.IntegrationCode);
        http.DefaultRequestHeaders.Add("UserName", sandbox.ApiUser.UserName);
        http.DefaultRequestHeaders.Add("Secret", sandbox.ApiUser.Secret);
        var floorPages = await FloorRoundAsync(http, client.Zone.Url).ConfigureAwait(false);
        double floorCpu = 0;
        long floorAllocated = 0;
        for (var round = 1; round <= rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            floorPages = await FloorRoundAsync(http, client.Zone.Url).ConfigureAwait(false);
            floorAllocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            floorCpu += (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        }

        Console.WriteLine(
            $"Floor per round ({floorPages} pages served and read as bytes only, no client): {floorCpu / perRound:F2} s CPU, " +
            $"{floorAllocated / perRound / 1048576.0:N0} MB allocated; the client's share: {(cpu - floorCpu) / perRound:F2} s CPU, " +
            $"{(allocated - floorAllocated) / perRound / 1048576.0:N0} MB.");
        Console.WriteLine(
            $"Per round ({4 * expected:N0} rows: {expected:N0} contract services and {expected:N0} units, each by nextPageUrl and by QueryLarge): " +
            $"{cpu / perRound:F2} s CPU, {allocated / perRound / 1048576.0:N0} MB allocated, {wall / perRound:F2} s wall.");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"command\":\"json-reads\",\"customers\":{customers},\"servicesPerCustomer\":{servicesPerCustomer},\"rounds\":{rounds},\"rowsPerRound\":{rows / perRound},\"cpuSecondsPerRound\":{cpu / perRound:F3},\"allocatedMBPerRound\":{allocated / perRound / 1048576.0:F1},\"wallSecondsPerRound\":{wall / perRound:F3},\"floorCpuSecondsPerRound\":{floorCpu / perRound:F3},\"floorAllocatedMBPerRound\":{floorAllocated / perRound / 1048576.0:F1},\"checksum\":\"{warmUp.Checksum}\"}}"));
        return exit;
    }

    private static async Task<(long Rows, string Checksum)> ReadRoundAsync(AutotaskClient client)
    {
        var services = await client.QueryAsync<ContractService>(AutotaskQuery.All).ConfigureAwait(false);
        var units = await client.QueryAsync<ContractServiceUnit>(AutotaskQuery.All).ConfigureAwait(false);
        var largeServices = await client.QueryLargeAsync<ContractService>(AutotaskQuery.All).ConfigureAwait(false);
        var largeUnits = await client.QueryLargeAsync<ContractServiceUnit>(AutotaskQuery.All).ConfigureAwait(false);
        return (services.Count + units.Count + largeServices.Count + largeUnits.Count,
            Checksum(services, units) + "/" + Checksum(largeServices, largeUnits));
    }

    /// <summary>
    /// Every page of contract services and of units, twice (the client reads each set twice a round), along
    /// nextPageUrl as Autotask hands them out; each body is read into a byte array and dropped.
    /// </summary>
    private static async Task<int> FloorRoundAsync(HttpClient http, Uri zone)
    {
        var marker = Encoding.UTF8.GetBytes("\"nextPageUrl\":\"");
        var pages = 0;
        foreach (var entity in new[] { "ContractServices", "ContractServiceUnits", "ContractServices", "ContractServiceUnits" })
        {
            var url = new Uri(zone, "V1.0/" + entity + "/query");
            while (true)
            {
                using var body = new StringContent(AutotaskQuery.All.ToJson(), Encoding.UTF8);
                body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(url, body).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                pages++;
                var at = bytes.AsSpan().IndexOf(marker);
                if (at < 0)
                {
                    break;
                }

                var start = at + marker.Length;
                var end = bytes.AsSpan(start).IndexOf((byte)'"');
                url = new Uri(Encoding.UTF8.GetString(bytes, start, end));
            }
        }

        return pages;
    }

    private static string Checksum(IReadOnlyList<ContractService> services, IReadOnlyList<ContractServiceUnit> units)
    {
        var ids = services.Sum(s => s.Id) + units.Sum(u => u.Id);
        var money = services.Sum(s => (s.UnitPrice ?? 0m) + (s.UnitCost ?? 0m) + (s.AdjustedPrice ?? 0m)) + units.Sum(u => (u.Price ?? 0m) + (u.Cost ?? 0m));
        var seats = units.Sum(u => (long)(u.Units ?? 0));
        var ticks = units.Sum(u => (u.StartDate?.Ticks ?? 0) / TimeSpan.TicksPerDay + (u.EndDate?.Ticks ?? 0) / TimeSpan.TicksPerDay);
        var utc = units.Count(u => u.StartDate?.Kind == DateTimeKind.Utc);
        return string.Create(CultureInfo.InvariantCulture, $"{ids}:{money}:{seats}:{ticks}:{utc}");
    }
}
