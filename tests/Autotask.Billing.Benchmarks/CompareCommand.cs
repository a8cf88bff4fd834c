using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// compare --customers N --services-per-customer M --latency-ms L: seeds a sandbox (without HTTP) with N customers on
/// Recurring Service contracts of M services each, writes a matching vendor export with a few percent of differences
/// (seat changes, price changes, services no longer billed, services not yet on the contract, unmapped customers),
/// and runs the real comparison over loopback HTTP with L ms of latency per request. Reports the Autotask requests
/// against the minimum the data needs, the time, the differences and the peak working set.
/// </summary>
public sealed class CompareCommand : IBenchmarkCommand
{
    private const string Source = "Pax8";
    private const int ExtraCatalogServices = 5;
    private const int UnmappedCustomers = 3;

    private static readonly DateTime Today = new(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AsOf = new(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime PeriodStart = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "compare";

    public string Usage => "compare [--customers 2000] [--services-per-customer 20] [--latency-ms 100]   compare a seeded tenant over loopback HTTP";

    public int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 2_000);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var latencyMs = BenchmarkArguments.Int(args, "--latency-ms", 100);

        var setup = Stopwatch.StartNew();
        using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = Today, HourlyRequestThreshold = 100_000 });
        var (mapping, lines, planted) = Seed(sandbox.Data, customers, servicesPerCustomer);
        setup.Stop();
        Console.WriteLine($"Seeded {customers:N0} customers × {servicesPerCustomer} services and {lines.Count:N0} vendor lines in {setup.Elapsed.TotalSeconds:F1} s ({planted:N0} planted differences).");

        sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(latencyMs));
        using var host = SandboxHost.Start(sandbox);
        var credential = new AutotaskCredential(sandbox.ApiUser.UserName, new ApiSecret(sandbox.ApiUser.Secret), new ApiSecret(sandbox.ApiUser.IntegrationCode));
        using var client = await AutotaskClient.ConnectAsync(credential, new AutotaskClientOptions { DiscoveryUri = host.ZoneUri }).ConfigureAwait(false);

        var stopwatch = Stopwatch.StartNew();
        var run = new ContractComparer(client).Compare(lines, mapping, new CompareOptions { AsOf = AsOf });
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var difference in run.ConfigureAwait(false))
        {
            var kind = difference.Kind.ToString();
            byKind[kind] = byKind.TryGetValue(kind, out var count) ? count + 1 : 1;
        }

        stopwatch.Stop();
        var summary = run.Summary;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d;
        Console.WriteLine(summary);
        Console.WriteLine($"By kind: {string.Join(", ", byKind.Select(pair => $"{pair.Key} {pair.Value}"))}.");
        var within = summary.AutotaskRequests <= summary.RequestAllowance;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"command\":\"compare\",\"customers\":{customers},\"servicesPerCustomer\":{servicesPerCustomer},\"contractServices\":{customers * servicesPerCustomer},\"latencyMs\":{latencyMs},\"setupSeconds\":{setup.Elapsed.TotalSeconds:F2},\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"differences\":{summary.Differences},\"plantedDifferences\":{planted},\"requests\":{summary.AutotaskRequests},\"minimumRequests\":{summary.MinimumRequests},\"requestAllowance\":{summary.RequestAllowance},\"withinBound\":{(within ? "true" : "false")},\"peakWorkingSetMB\":{peakMb:F1}}}"));
        return within && summary.Differences == planted ? 0 : 1;
    }

    // Customer c carries services c..c+M-1 (mod the catalog), so some catalog services are on no contract of a
    // customer and can be billed as new. Planted: every 41st seat +1 or -2, every 97th price up, every 89th service
    // no longer billed, every 113th customer billed one catalog service it does not have, and a few unmapped customers.
    private static (MappingDocument Mapping, List<Transaction> Lines, int Planted) Seed(SandboxData data, int customers, int servicesPerCustomer)
    {
        var catalogSize = servicesPerCustomer + ExtraCatalogServices;
        var monthly = data.PicklistValue("Services", "periodType", "Monthly");
        var skus = Enumerable.Range(0, catalogSize).Select(i => $"CFQ7TTC0{i:0000}").ToList();
        var serviceIds = skus.Select(sku => data.Insert("Services", new JObject
        {
            ["name"] = "Service " + sku, ["sku"] = sku, ["periodType"] = monthly, ["unitPrice"] = 10m, ["unitCost"] = 7.5m,
            ["billingCodeID"] = 29682701, ["isActive"] = true,
        })).ToList();
        var customerType = data.PicklistValue("Companies", "companyType", "Customer");
        var recurring = data.PicklistValue("Contracts", "contractType", "Recurring Service");
        var active = data.PicklistValue("Contracts", "status", "Active");
        var monthlyContract = data.PicklistValue("Contracts", "contractPeriodType", "Monthly");

        var customerMappings = new List<CustomerMapping>();
        var lines = new List<Transaction>();
        var planted = 0;
        var seat = 0;
        for (var c = 0; c < customers; c++)
        {
            var name = $"Customer {c:00000} Ltd";
            var companyId = data.Insert("Companies", new JObject
            {
                ["companyName"] = name, ["companyType"] = customerType, ["phone"] = "555-0100", ["ownerResourceID"] = 29682881, ["isActive"] = true,
            });
            var contractId = data.Insert("Contracts", new JObject
            {
                ["companyID"] = companyId, ["contractName"] = "Cloud services, " + name, ["contractType"] = recurring, ["status"] = active,
                ["startDate"] = "2026-01-01T00:00:00.000", ["endDate"] = "2035-12-31T00:00:00.000", ["contractPeriodType"] = monthlyContract,
                ["timeReportingRequiresStartAndStopTimes"] = 1,
            });
            var customerId = $"{c:x8}-4c1a-8e01-000000000000";
            var unmapped = c < UnmappedCustomers;
            if (!unmapped)
            {
                customerMappings.Add(new CustomerMapping(Source, customerId)
                {
                    CompanyAction = MappingAction.Existing, CompanyId = companyId, ContractAction = MappingAction.Existing, ContractId = contractId,
                });
            }

            var perCustomer = new List<Transaction>();
            for (var s = 0; s < servicesPerCustomer; s++)
            {
                var index = (c + s) % catalogSize;
                var units = 1 + ((c * 7 + s) % 40);
                data.AddAdjustment(contractId, serviceIds[index], PeriodStart, units);
                seat++;
                if (!unmapped && seat % 89 == 0)
                {
                    planted++;
                    continue;
                }

                var billed = !unmapped && seat % 41 == 0 ? (seat % 2 == 0 ? units + 1 : units - Math.Min(2, units)) : units;
                var price = !unmapped && seat % 97 == 0 && billed == units ? 10.5m : 10m;
                planted += billed != units || price != 10m ? 1 : 0;
                perCustomer.Add(Line(customerId, name, skus[index], billed, price, lines.Count + perCustomer.Count + 2));
            }

            if (!unmapped && c % 113 == 0)
            {
                perCustomer.Add(Line(customerId, name, skus[(c + servicesPerCustomer) % catalogSize], 3, 10m, lines.Count + perCustomer.Count + 2));
                planted++;
            }

            planted += unmapped ? perCustomer.Count : 0;
            lines.AddRange(perCustomer);
        }

        var skuMappings = skus.Select((sku, i) => new ServiceMapping(Source, sku) { ServiceId = serviceIds[i] });
        return (new MappingDocument(BillingSettings.Default, customerMappings, skuMappings), lines, planted);
    }

    private static Transaction Line(string customerId, string customerName, string sku, decimal quantity, decimal price, int line) => new()
    {
        Source = Source,
        TransactionId = $"PX8-202610-{line:000000}",
        CustomerId = customerId,
        CustomerName = customerName,
        Sku = sku,
        ProductName = "Service " + sku,
        ChargeType = ChargeType.Recurring,
        Quantity = quantity,
        UnitPrice = price,
        UnitCost = 7.5m,
        Currency = "USD",
        ServiceStart = PeriodStart,
        ServiceEnd = AsOf,
        SubscriptionId = $"{customerId}-{sku}",
        BillingCycle = "Monthly",
        SourceFile = "benchmark-export.csv",
        SourceLine = line,
    };
}
