using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// A seeded tenant and the Partner Center reconciliation file that bills it, as the monthly run sees them: N customers
/// on Recurring Service contracts of M services each (inserted directly, no HTTP), and a file of N × M × L lines (L
/// subscriptions per customer × SKU, each one cycleCharge row for the month) with a few percent of differences: seat
/// changes, price changes, services no longer billed, services not yet on the contract, unmapped customers.
/// The expected figures (differences, rows per entity) come from the seed, never from the product.
/// </summary>
public sealed class BenchmarkTenant
{
    public const string Source = "PartnerCenter";
    public const int UnmappedCustomers = 3;
    private const int ExtraCatalogServices = 5;

    public static readonly DateTime Today = new(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime AsOf = new(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime PeriodStart = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly List<Billed> _billed = new();

    private BenchmarkTenant(int customers, int servicesPerCustomer, int linesPerService)
    {
        Customers = customers;
        ServicesPerCustomer = servicesPerCustomer;
        LinesPerService = linesPerService;
    }

    public int Customers { get; }

    public int ServicesPerCustomer { get; }

    public int LinesPerService { get; }

    public int CatalogSize => ServicesPerCustomer + ExtraCatalogServices;

    public int MappedContracts => Customers - Math.Min(UnmappedCustomers, Customers);

    /// <summary>Differences the seed planted; Compare must find exactly these.</summary>
    public int Planted { get; private set; }

    public MappingDocument Mapping { get; private set; } = null!;

    /// <summary>Rows of the file: every billed customer × SKU times <see cref="LinesPerService"/>.</summary>
    public int FileLines => _billed.Count * LinesPerService;

    /// <summary>
    /// The least any client must ask for the mapped contracts: Σ per entity ceil(rows / 500) (Autotask's page size),
    /// plus one entityInformation/fields read per entity whose picklists are shown, plus one ThresholdInformation read
    /// per 250 requests after the one connecting made. A lower bound that ignores how the product chunks its "in" filters.
    /// </summary>
    public IReadOnlyDictionary<string, long> MinimumRequestsByEndpoint
    {
        get
        {
            static long Pages(long rows) => Math.Max(1, (rows + 499) / 500);
            var contractServices = (long)MappedContracts * ServicesPerCustomer;
            var minimum = new SortedDictionary<string, long>(StringComparer.Ordinal)
            {
                ["Contracts"] = Pages(MappedContracts) + 1,
                ["ContractServices"] = Pages(contractServices),
                ["ContractServiceUnits"] = Pages(contractServices),
                ["Services"] = Pages(CatalogSize) + 1,
                // Unmapped customers make Compare read every company for suggestions.
                ["Companies"] = Pages(Customers) + (Customers > MappedContracts ? 1 : 0),
            };
            // Connecting read it once; the client reads it again after every 250 requests.
            minimum["ThresholdInformation"] = minimum.Values.Sum() / 250;
            return minimum;
        }
    }

    public static BenchmarkTenant Seed(SandboxData data, int customers, int servicesPerCustomer, int linesPerService)
    {
        var tenant = new BenchmarkTenant(customers, servicesPerCustomer, linesPerService);
        tenant.Populate(data);
        return tenant;
    }

    public static string CustomerId(int customer) => $"{customer:x8}-2e8b-4ab5-8bed-d9f50dcca7a2";

    /// <summary>Writes the reconciliation file; rows come customer by customer, SKU by SKU, as Partner Center orders them.</summary>
    public void WriteFile(string path)
    {
        using var csv = new PartnerCenterCsv(path);
        var order = 0;
        foreach (var line in _billed)
        {
            for (var s = 0; s < LinesPerService; s++)
            {
                // The billed seats are split over the subscriptions; their sum is what Autotask must show.
                var seats = line.Quantity / LinesPerService + (s < line.Quantity % LinesPerService ? 1 : 0);
                var subscription = $"{line.Customer:x8}-{line.ServiceIndex:x4}-4aa0-da80-{s:x12}";
                csv.Write(new PartnerCenterRow
                {
                    CustomerId = CustomerId(line.Customer),
                    CustomerName = line.CustomerName,
                    CustomerDomain = $"customer{line.Customer}.onmicrosoft.com",
                    OrderId = $"{order++:x12}",
                    OrderDate = PeriodStart.AddHours(6),
                    ProductId = line.Sku,
                    ChargeType = "cycleCharge",
                    UnitPrice = line.UnitPrice,
                    Quantity = seats,
                    SubscriptionId = subscription,
                    ChargeStart = PeriodStart,
                    ChargeEnd = AsOf,
                    SubscriptionStart = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                    ReferenceId = subscription + "-0",
                });
            }
        }
    }

    // Customer c carries services c..c+M-1 (mod the catalog), so some catalog services are on no contract of a
    // customer and can be billed as new. Planted: every 41st seat +1 or -2, every 97th price up, every 89th service
    // no longer billed, every 113th customer billed one catalog service it does not have, and a few unmapped customers.
    private void Populate(SandboxData data)
    {
        var monthly = data.PicklistValue("Services", "periodType", "Monthly");
        var skus = Enumerable.Range(0, CatalogSize).Select(i => $"CFQ7TTC0{i:0000}").ToList();
        var serviceIds = skus.Select(sku => data.Insert("Services", new JObject
        {
            ["name"] = "Service " + sku, ["sku"] = sku, ["periodType"] = monthly, ["unitPrice"] = 10m, ["unitCost"] = 10m,
            ["billingCodeID"] = 29682701, ["isActive"] = true,
        })).ToList();
        var customerType = data.PicklistValue("Companies", "companyType", "Customer");
        var recurring = data.PicklistValue("Contracts", "contractType", "Recurring Service");
        var active = data.PicklistValue("Contracts", "status", "Active");
        var monthlyContract = data.PicklistValue("Contracts", "contractPeriodType", "Monthly");

        var customerMappings = new List<CustomerMapping>();
        var seat = 0;
        for (var c = 0; c < Customers; c++)
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
            var unmapped = c < UnmappedCustomers;
            if (!unmapped)
            {
                customerMappings.Add(new CustomerMapping(Source, CustomerId(c))
                {
                    CompanyAction = MappingAction.Existing, CompanyId = companyId, ContractAction = MappingAction.Existing, ContractId = contractId,
                });
            }

            var perCustomer = 0;
            for (var s = 0; s < ServicesPerCustomer; s++)
            {
                var index = (c + s) % CatalogSize;
                // At least one seat per subscription line, so every line bills something.
                var units = LinesPerService + 2 + ((c * 7 + s) % 40);
                data.AddAdjustment(contractId, serviceIds[index], PeriodStart, units);
                seat++;
                if (!unmapped && seat % 89 == 0)
                {
                    Planted++;
                    continue;
                }

                var billed = !unmapped && seat % 41 == 0 ? (seat % 2 == 0 ? units + 1 : units - 2) : units;
                Planted += billed != units ? 1 : 0;
                _billed.Add(new Billed(c, name, index, skus[index], billed, 10m));
                perCustomer++;
            }

            if (!unmapped && c % 113 == 0)
            {
                var index = (c + ServicesPerCustomer) % CatalogSize;
                _billed.Add(new Billed(c, name, index, skus[index], LinesPerService, 10m));
                Planted++;
            }

            // Each SKU of an unmapped customer is one UnmappedCustomer difference.
            Planted += unmapped ? perCustomer : 0;
        }

        // Partner Center SKUs are ProductId:SkuId.
        var skuMappings = skus.Select((sku, i) => new ServiceMapping(Source, sku + ":0001") { ServiceId = serviceIds[i] });
        Mapping = new MappingDocument(BillingSettings.Default, customerMappings, skuMappings);
    }

    private sealed record Billed(int Customer, string CustomerName, int ServiceIndex, string Sku, int Quantity, decimal UnitPrice);
}
