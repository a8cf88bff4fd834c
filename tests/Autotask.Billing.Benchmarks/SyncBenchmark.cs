using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// sync --adjustments N --contracts C --latency-ms L: seeds a sandbox tenant of C Recurring Service contracts carrying
/// N contract services in all (directly, no HTTP), builds one quantity change per contract service as Compare would,
/// then plans and applies them over loopback HTTP with L ms of latency on every request. Reports the wall time
/// against the ceiling the thread limit allows (see <see cref="RequestFloor"/>) over the requests the server counted.
/// </summary>
public sealed class SyncBenchmark : IBenchmarkCommand
{
    private const long RecurringBillingCode = 29682700;
    private const long AccountManager = 29682881;

    private static readonly DateTime Today = new(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ContractStart = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "sync";

    public string Usage => "sync [--adjustments 1000] [--contracts 200] [--latency-ms 100]   apply unit changes over loopback HTTP";

    public int Run(IReadOnlyList<string> args) => RunAsync(
            BenchmarkArguments.Int(args, "--adjustments", 1000),
            BenchmarkArguments.Int(args, "--contracts", 200),
            BenchmarkArguments.Int(args, "--latency-ms", 100))
        .GetAwaiter().GetResult();

    private static async Task<int> RunAsync(int adjustments, int contracts, int latencyMs)
    {
        using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = Today, HourlyRequestThreshold = 100_000 });
        var seeding = Stopwatch.StartNew();
        var differences = Seed(sandbox, adjustments, contracts);
        Console.WriteLine($"Seeded {contracts:N0} contracts with {adjustments:N0} contract services in {seeding.Elapsed.TotalSeconds:F1} s.");

        using var host = SandboxHost.Start(sandbox);
        var latency = TimeSpan.FromMilliseconds(latencyMs);
        sandbox.Faults.AddLatency(latency);
        var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
        using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri, RequestTimeout = TimeSpan.FromMinutes(2) });
        var settings = new BillingSettings { RecurringBillingCodeId = RecurringBillingCode, DefaultAccountManagerResourceId = AccountManager };

        sandbox.Statistics.Reset();
        var stopwatch = Stopwatch.StartNew();
        var plan = await SyncPlanner.PlanAsync(differences, new SyncContext(client, settings, Today));
        var planSeconds = stopwatch.Elapsed.TotalSeconds;
        var summary = await SyncExecutor.ExecuteAsync(plan, plan.Operations.Select(static op => op.OperationId), new SyncOptions());
        stopwatch.Stop();
        // Counted by the sandbox server, not by the client under test.
        var served = RequestFloor.Served(sandbox.Statistics);
        var ceiling = RequestFloor.Seconds(served, latency);
        var busiest = served.OrderByDescending(static e => e.Value).First();
        RequestFloor.Print(served);
        Console.WriteLine($"{summary}; plan {planSeconds:F2} s, total {stopwatch.Elapsed.TotalSeconds:F2} s, ceiling {ceiling:F2} s = {RequestFloor.Explanation(latency, 0, "requests served")}.");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"command\":\"sync\",\"adjustments\":{adjustments},\"contracts\":{contracts},\"latencyMs\":{latencyMs},\"operations\":{plan.Operations.Count},\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"ceilingSeconds\":{ceiling:F3},\"ratio\":{stopwatch.Elapsed.TotalSeconds / ceiling:F3},\"requests\":{served.Values.Sum()},\"maxConcurrentPerEndpoint\":{RequestFloor.MaxConcurrent(sandbox.Statistics)},\"busiestEndpoint\":\"{busiest.Key}\",\"applied\":{summary.Applied},\"failed\":{summary.Failed},\"planSeconds\":{planSeconds:F3}}}"));
        return summary.Failed == 0 && summary.Applied == adjustments ? 0 : 1;
    }

    /// <summary>Contracts with their services and units, inserted directly; one quantity change per contract service.</summary>
    private static List<ContractDifference> Seed(AutotaskSandbox sandbox, int adjustments, int contracts)
    {
        var data = sandbox.Data;
        var servicesPerContract = (adjustments + contracts - 1) / contracts;
        var services = Enumerable.Range(1, servicesPerContract).Select(i => data.Insert("Services", new JObject
        {
            ["name"] = $"BENCH-{i:000}", ["periodType"] = 1, ["unitPrice"] = 0, ["billingCodeID"] = RecurringBillingCode, ["isActive"] = true,
        })).ToList();

        var lines = new List<(long CompanyId, string Customer, long ContractId, long ServiceId, string Sku)>();
        for (var c = 0; c < contracts && lines.Count < adjustments; c++)
        {
            var customer = $"Bench Customer {c:0000}";
            var companyId = data.Insert("Companies", new JObject
            {
                ["companyName"] = customer, ["companyType"] = 1, ["isActive"] = true, ["phone"] = "555-0100", ["ownerResourceID"] = AccountManager,
            });
            var contractId = data.Insert("Contracts", new JObject
            {
                ["companyID"] = companyId, ["contractName"] = "Cloud services, " + customer, ["contractType"] = 7, ["status"] = 1,
                ["contractPeriodType"] = 1, ["startDate"] = "2026-10-01T00:00:00", ["endDate"] = "2036-10-01T00:00:00",
                ["timeReportingRequiresStartAndStopTimes"] = 0,
            });
            for (var s = 0; s < servicesPerContract && lines.Count < adjustments; s++)
            {
                data.AddAdjustment(contractId, services[s], ContractStart, 10, 12m, 8m);
                lines.Add((companyId, customer, contractId, services[s], $"BENCH-{s + 1:000}"));
            }
        }

        var contractServices = data.All("ContractServices").ToDictionary(
            static row => ((long)row["contractID"]!, (long)row["serviceID"]!),
            static row => (long)row["id"]!);
        return lines.Select((line, i) => new ContractDifference
        {
            DifferenceId = $"QuantityChange:{line.Customer}:{line.Sku}",
            Kind = DifferenceKind.QuantityChange,
            IsActionable = true,
            Source = "Bench",
            CustomerId = "bench-" + line.ContractId.ToString(CultureInfo.InvariantCulture),
            CustomerName = line.Customer,
            CompanyId = line.CompanyId,
            CompanyName = line.Customer,
            ContractId = line.ContractId,
            ContractName = "Cloud services, " + line.Customer,
            Sku = line.Sku,
            ServiceId = line.ServiceId,
            ContractServiceId = contractServices[(line.ContractId, line.ServiceId)],
            VendorQuantity = 11 + (i % 3),
            AutotaskQuantity = 10,
            AutotaskUnitPrice = 12m,
            AutotaskUnitCost = 8m,
            Currency = "USD",
            EffectiveDate = Today,
            AsOf = Today,
        }).ToList();
    }
}
