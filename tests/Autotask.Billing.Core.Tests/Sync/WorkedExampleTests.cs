using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// Intermedia's worked example (seed 000), with our own figures: export on 2019-06-04; four SKUs created as services,
/// PLN004NR reused; TestCompany exists and gets a contract from 2019-05-04; usage from 2019-05-13 goes on the contract
/// from the next Autotask period (2019-06-04) and the days between are billed as prorated charges.
/// </summary>
public sealed class WorkedExampleTests : IDisposable
{
    private static readonly DateTime ExportDate = new(2019, 6, 4, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime UsageFrom = new(2019, 5, 13, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (string Sku, string Name, int Units, decimal Price, decimal Cost)[] Lines =
    {
        ("LYN002NR", "Skype for Business Enterprise Users", 5, 7.00m, 4.50m),
        ("OWA002NO", "Additional Storage Space for OWA-only", 2, 1.00m, 0.60m),
        ("PMX00010MX0R", "POP/IMAP Mailboxes", 10, 2.50m, 1.50m),
        ("RM010C01MX0R", "Resource Mailboxes", 3, 1.25m, 0.75m),
        ("PLN004NR", "Exchange Plan", 8, 9.99m, 6.00m),
    };

    private SyncTenant _tenant = null!;

    public static TheoryData<string> Variants => SandboxVariants.All;

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_worked_example_creates_four_services_reuses_one_and_bills_the_gap_prorated(string variant)
    {
        _tenant = new SyncTenant(ExportDate, variant);
        var companyId = _tenant.Company("TestCompany");
        var existingService = _tenant.Service("PLN004NR");
        var differences = Lines.Select(line => Differences.Units(
            line.Sku == "PLN004NR" ? DifferenceKind.NewService : DifferenceKind.MissingService,
            "TestCompany",
            line.Sku,
            ExportDate,
            line.Units,
            autotaskQuantity: 0,
            companyId: companyId,
            serviceId: line.Sku == "PLN004NR" ? existingService : null,
            createContract: true,
            effective: ExportDate,
            changed: UsageFrom,
            policy: EffectiveDatePolicy.NextPeriodStart,
            vendorPrice: line.Price,
            vendorCost: line.Cost,
            targetPrice: line.Price,
            targetCost: line.Cost,
            productName: line.Name)).ToList();

        var (plan, summary, results) = await _tenant.SyncAsync(differences);

        Assert.Equal(0, summary.ExitCode);
        Assert.All(results, result => Assert.Equal(SyncStatus.Applied, result.Status));
        Assert.Equal(
            new[] { "CreateVendorCompany", "CreateService", "CreateService", "CreateService", "CreateService", "CreateContract" },
            plan.Operations.Take(6).Select(static op => op.Kind.ToString()));

        var services = _tenant.Rows("Services");
        Assert.Equal(5, services.Count);
        var vendor = _tenant.Rows("Companies").Single(static c => (string?)c["companyName"] == SyncTenant.Vendor);
        Assert.Equal(7, (int)vendor["companyType"]!);
        foreach (var created in services.Where(s => s.Value<long>("id") != existingService))
        {
            Assert.Contains((string)created["name"]!, Lines.Select(static l => l.Sku));
            Assert.Equal(1, (int)created["periodType"]!);
            Assert.Equal(0m, (decimal)created["unitPrice"]!);
            Assert.Equal(SyncTenant.RecurringBillingCode, (long)created["billingCodeID"]!);
            Assert.Equal(vendor.Value<long>("id"), (long)created["vendorCompanyID"]!);
            Assert.True((bool)created["isActive"]!);
        }

        var contract = _tenant.Rows("Contracts").Single();
        Assert.Equal("Cloud services, TestCompany", (string)contract["contractName"]!);
        Assert.Equal(companyId, (long)contract["companyID"]!);
        Assert.Equal(7, (int)contract["contractType"]!);
        Assert.StartsWith("2019-05-04", (string)contract["startDate"]!);
        Assert.StartsWith("2029-06-04", (string)contract["endDate"]!);

        var units = _tenant.Rows("ContractServiceUnits");
        Assert.DoesNotContain(units, row => string.CompareOrdinal((string)row["startDate"]!, "2019-06-04") < 0);
        foreach (var line in Lines)
        {
            var serviceId = services.Single(s => (string?)s["name"] == line.Sku).Value<long>("id");
            var row = units.Single(u => (long)u["serviceID"]! == serviceId);
            Assert.StartsWith("2019-06-04", (string)row["startDate"]!);
            Assert.Equal(line.Units, (int)row["units"]!);
            Assert.Equal(line.Price, (decimal)row["price"]!);
            Assert.Equal(line.Cost, (decimal)row["cost"]!);
        }

        var charges = _tenant.Rows("ContractCharges");
        Assert.Equal(5, charges.Count);
        foreach (var line in Lines)
        {
            // 13 May to 3 June is 22 of the 31 days of the period 4 May – 3 June.
            var charge = charges.Single(c => ((string)c["name"]!).StartsWith(line.Sku + " ", StringComparison.Ordinal));
            Assert.Equal(line.Units, (decimal)charge["unitQuantity"]!);
            Assert.Equal(Math.Round(line.Price * 22 / 31, 2, MidpointRounding.AwayFromZero), (decimal)charge["unitPrice"]!);
            Assert.Equal(Math.Round(line.Cost * 22 / 31, 2, MidpointRounding.AwayFromZero), (decimal)charge["unitCost"]!);
            Assert.StartsWith("2019-05-13", (string)charge["datePurchased"]!);
        }

        Assert.Equal(4.97m, charges.Select(static c => (decimal)c["unitPrice"]!).First(static p => p > 4.9m && p < 5m));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Running_the_worked_example_again_writes_nothing_and_reports_everything_in_step(string variant)
    {
        _tenant = new SyncTenant(ExportDate, variant);
        var companyId = _tenant.Company("TestCompany");
        var existingService = _tenant.Service("PLN004NR");
        var differences = Lines.Select(line => Differences.Units(
            line.Sku == "PLN004NR" ? DifferenceKind.NewService : DifferenceKind.MissingService,
            "TestCompany", line.Sku, ExportDate, line.Units, autotaskQuantity: 0, companyId: companyId,
            serviceId: line.Sku == "PLN004NR" ? existingService : null, createContract: true, effective: ExportDate,
            changed: UsageFrom, policy: EffectiveDatePolicy.NextPeriodStart, vendorPrice: line.Price, vendorCost: line.Cost,
            targetPrice: line.Price, targetCost: line.Cost)).ToList();
        await _tenant.SyncAsync(differences);
        var before = _tenant.Fingerprint();
        var writes = _tenant.Writes;

        var (plan, summary, results) = await _tenant.SyncAsync(differences);

        Assert.Equal(writes, _tenant.Writes);
        Assert.Equal(before, _tenant.Fingerprint());
        Assert.DoesNotContain(plan.Operations, static op => op.Kind is SyncOperationKind.CreateService or SyncOperationKind.CreateContract or SyncOperationKind.CreateVendorCompany);
        Assert.All(results, static r => Assert.Equal(SyncReasonCode.AlreadyInStep, r.ReasonCode));
        Assert.Equal(0, summary.ExitCode);
    }

    public void Dispose() => _tenant.Dispose();
}
