using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Crm;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// companies --companies N --contacts K --latency-ms L: pushes N customers with K contacts each into an empty sandbox
/// over loopback HTTP (Sync-AtCompany's plan and execute, pairings recorded as the cmdlet does), then pushes the same
/// customers again. Reports the requests per endpoint of each run against the minimum a client needs, and the writes
/// of the re-run (which must be 0).
/// </summary>
public sealed class CompanyPushBenchmark : IBenchmarkCommand
{
    private const long AccountManager = 29682881;
    private const int PageSize = 500;

    public string Name => "companies";

    public string Usage => "companies [--companies 2000] [--contacts 5] [--latency-ms 0]   push customers and contacts, then re-run";

    public int Run(IReadOnlyList<string> args) => RunAsync(
            BenchmarkArguments.Int(args, "--companies", 2000),
            BenchmarkArguments.Int(args, "--contacts", 5),
            BenchmarkArguments.Int(args, "--latency-ms", 0))
        .GetAwaiter().GetResult();

    private static async Task<int> RunAsync(int companies, int contactsEach, int latencyMs)
    {
        using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { HourlyRequestThreshold = 1_000_000 });
        using var host = SandboxHost.Start(sandbox);
        if (latencyMs > 0)
        {
            sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(latencyMs));
        }

        var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
        using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri, RequestTimeout = TimeSpan.FromMinutes(2) });
        var customers = Customers(companies, contactsEach);
        var document = MappingDocument.Empty.WithSettings(new BillingSettings { DefaultAccountManagerResourceId = AccountManager });

        var (first, firstUsed, firstSeconds, firstWrites) = await PushAsync(client, sandbox, customers, document);
        document = CompanySyncExecutor.RecordPairings(document, first.Plan, first.Results, DateTime.UtcNow);
        var (second, secondUsed, secondSeconds, secondWrites) = await PushAsync(client, sandbox, customers, document);

        var contacts = companies * contactsEach;
        var secondMinimum = Pages(companies) + (long)Math.Ceiling(companies / (double)PageSize) * Pages(Math.Min(companies, PageSize) * contactsEach);
        Report("First push (empty sandbox)", firstUsed, firstSeconds, first.Summary, $"minimum {companies + contacts + 2:N0}: {companies:N0} company creates + {contacts:N0} contact creates + 1 company read + 1 picklist read");
        Report("Re-run", secondUsed, secondSeconds, second.Summary, $"minimum {secondMinimum:N0} reads: {Pages(companies)} pages of mapped companies + contact pages per chunk of {PageSize} companies");
        Console.WriteLine($"Writes on the re-run: {secondWrites}.");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"command\":\"companies\",\"companies\":{companies},\"contacts\":{contacts},\"latencyMs\":{latencyMs},\"firstRequests\":{firstUsed.Total},\"firstMinimum\":{companies + contacts + 2},\"firstWrites\":{firstWrites},\"firstSeconds\":{firstSeconds:F3},\"applied\":{first.Summary.Applied},\"failed\":{first.Summary.Failed},\"rerunRequests\":{secondUsed.Total},\"rerunMinimum\":{secondMinimum},\"rerunWrites\":{secondWrites},\"rerunOperations\":{second.Plan.Operations.Count},\"rerunSeconds\":{secondSeconds:F3}}}"));
        return first.Summary.Failed == 0 && first.Summary.Applied == companies + contacts && secondWrites == 0 ? 0 : 1;
    }

    private static long Pages(int rows) => Math.Max(1, (long)Math.Ceiling(rows / (double)PageSize));

    private static async Task<((CompanySyncPlan Plan, SyncRunSummary Summary, List<SyncResult> Results) Run, AutotaskRequestCounterSnapshot Used, double Seconds, long Writes)> PushAsync(
        AutotaskClient client, AutotaskSandbox sandbox, IReadOnlyList<CrmCustomer> customers, MappingDocument document)
    {
        var writesBefore = Writes(sandbox);
        var before = client.Requests.Snapshot();
        var stopwatch = Stopwatch.StartNew();
        var plan = await CompanySyncPlanner.PlanAsync(customers, client, document, new CompanySyncOptions());
        var results = new List<SyncResult>();
        var summary = await CompanySyncExecutor.ExecuteAsync(plan, plan.Operations.Select(static op => op.OperationId), new SyncOptions(), result =>
        {
            lock (results)
            {
                results.Add(result);
            }
        });
        stopwatch.Stop();
        return ((plan, summary, results), client.Requests.Snapshot().Since(before), stopwatch.Elapsed.TotalSeconds, Writes(sandbox) - writesBefore);
    }

    private static long Writes(AutotaskSandbox sandbox) => sandbox.Statistics.Endpoints.Sum(static e =>
        e.Kind(SandboxRequestKind.Create) + e.Kind(SandboxRequestKind.Update) + e.Kind(SandboxRequestKind.Delete));

    private static void Report(string title, AutotaskRequestCounterSnapshot used, double seconds, SyncRunSummary summary, string minimum)
    {
        Console.WriteLine($"{title}: {summary.Applied:N0} applied, {summary.Failed:N0} failed in {seconds:F1} s; {used.Total:N0} requests ({minimum}).");
        foreach (var endpoint in used.ByEndpoint.OrderByDescending(static e => e.Value))
        {
            Console.WriteLine($"  {endpoint.Key,-28} {endpoint.Value,8:N0} requests");
        }
    }

    private static List<CrmCustomer> Customers(int companies, int contactsEach) =>
        Enumerable.Range(1, companies).Select(c => new CrmCustomer(
            "Bench",
            "B-" + c.ToString("00000", CultureInfo.InvariantCulture),
            "Bench Customer " + c.ToString("00000", CultureInfo.InvariantCulture),
            Enumerable.Range(1, contactsEach).Select(k => new CrmContact(
                "First" + k.ToString(CultureInfo.InvariantCulture),
                "Last" + c.ToString(CultureInfo.InvariantCulture),
                $"person{k}@customer{c}.example",
                "555-01" + (k % 100).ToString("00", CultureInfo.InvariantCulture),
                primaryContact: k == 1)),
            "555-0100",
            c.ToString(CultureInfo.InvariantCulture) + " Bench Street",
            "Springfield")).ToList();
}
