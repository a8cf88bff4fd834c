using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sync;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sync;

/// <summary>BILLING-RULES §8: what sync refuses to do, and how it says so, in every sandbox behaviour variant.</summary>
public sealed class GuardrailTests : IDisposable
{
    private static readonly DateTime Today = new(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ContractStart = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    private SyncTenant _tenant = null!;
    private long _companyId;
    private long _contractId;
    private long _serviceId;
    private long _contractServiceId;

    public static TheoryData<string> Variants => SandboxVariants.All;

    private void Setup(string variant)
    {
        _tenant = new SyncTenant(Today, variant);
        _companyId = _tenant.Company("Contoso Ltd");
        _contractId = _tenant.Contract(_companyId, "Cloud services, Contoso", ContractStart);
        _serviceId = _tenant.Service("O365-E3");
        _contractServiceId = _tenant.Units(_contractId, _serviceId, ContractStart, 10, 12m, 8m);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_quantity_change_is_described_for_the_accountant_and_adjusts_by_the_delta(string variant)
    {
        Setup(variant);
        var (plan, summary, results) = await _tenant.SyncAsync(new[] { QuantityChange(12) });

        var operation = Assert.Single(plan.Operations);
        Assert.Equal("Contoso Ltd — Cloud services, Contoso — O365-E3", operation.Target);
        Assert.Equal("Change units 10 → 12 from 2026-11-15 (+24.00 USD/month)", operation.Action);
        Assert.Equal(SyncImpact.Medium, operation.Impact);
        Assert.Equal(SyncStatus.Applied, Assert.Single(results).Status);
        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(2, (int)Assert.Single(Adjustments(), static a => ((string)a["effectiveDate"]!).StartsWith("2026-11-15", StringComparison.Ordinal))["unitChange"]!);
        Assert.Equal(12, UnitsOn("2026-11-15"));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_change_above_the_threshold_is_skipped_without_force_and_applied_with_it(string variant)
    {
        Setup(variant);
        var difference = QuantityChange(30);

        var (plan, withoutForce, results) = await _tenant.SyncAsync(new[] { difference });
        Assert.True(Assert.Single(plan.Operations).RequiresForce);
        Assert.Equal(SyncImpact.High, plan.Operations[0].Impact);
        Assert.Equal(SyncReasonCode.NeedsForce, Assert.Single(results).ReasonCode);
        Assert.StartsWith("needs -Force", results[0].Reason);
        Assert.Equal(2, withoutForce.ExitCode);
        Assert.Equal(10, UnitsOn("2026-11-15"));

        var (_, withForce, _) = await _tenant.SyncAsync(new[] { difference }, new SyncOptions { Force = true });
        Assert.Equal(0, withForce.ExitCode);
        Assert.Equal(30, UnitsOn("2026-11-15"));
    }

    [Theory]
    [InlineData("Needs -Force: it takes the units from 10 to zero.")]
    [InlineData("needs -force:  it takes the units from 10 to zero")]
    [InlineData("it takes the units from 10 to zero.")]
    public async Task The_plan_says_why_a_change_needs_force_in_the_compare_words_without_the_prefix(string compareForceReason)
    {
        Setup(SandboxVariants.Default);
        var removed = Differences.Units(
            DifferenceKind.Removed, "Contoso Ltd", "O365-E3", Today, null, autotaskQuantity: 10, companyId: _companyId,
            contractId: _contractId, serviceId: _serviceId, contractServiceId: _contractServiceId, effective: Today,
            requiresForce: true, forceReason: compareForceReason);

        var plan = await _tenant.PlanAsync(new[] { removed });

        Assert.Equal("it takes the units from 10 to zero", Assert.Single(plan.Operations).ForceReason);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_drop_to_zero_needs_force(string variant)
    {
        Setup(variant);
        var removed = Differences.Units(
            DifferenceKind.Removed, "Contoso Ltd", "O365-E3", Today, null, autotaskQuantity: 10, companyId: _companyId,
            contractId: _contractId, serviceId: _serviceId, contractServiceId: _contractServiceId, effective: Today);

        var (_, summary, results) = await _tenant.SyncAsync(new[] { removed });
        Assert.Equal(SyncReasonCode.NeedsForce, Assert.Single(results).ReasonCode);
        Assert.Contains("zero", results[0].Reason);
        Assert.Equal(2, summary.ExitCode);
        Assert.Equal(10, UnitsOn("2026-11-15"));

        await _tenant.SyncAsync(new[] { removed }, new SyncOptions { Force = true });
        Assert.Equal(0, UnitsOn("2026-11-15"));
        Assert.Single(_tenant.Rows("ContractServices"));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Units_added_to_a_service_that_has_none_need_force_as_the_compare_says(string variant)
    {
        // A difference the compare did not mark (edited in a review file, or made elsewhere): sync applies the same rule.
        _tenant = new SyncTenant(Today, variant);
        _companyId = _tenant.Company("Contoso Ltd");
        _contractId = _tenant.Contract(_companyId, "Cloud services, Contoso", ContractStart);
        _serviceId = _tenant.Service("O365-E3");
        _contractServiceId = _tenant.Units(_contractId, _serviceId, ContractStart, 0, 12m, 8m);
        var added = Differences.Units(
            DifferenceKind.QuantityChange, "Contoso Ltd", "O365-E3", Today, 20, autotaskQuantity: 0, companyId: _companyId,
            contractId: _contractId, serviceId: _serviceId, contractServiceId: _contractServiceId, autotaskPrice: 12m,
            autotaskCost: 8m, effective: Today, contractName: "Cloud services, Contoso");

        var (plan, summary, results) = await _tenant.SyncAsync(new[] { added });

        var operation = Assert.Single(plan.Operations);
        Assert.True(operation.RequiresForce);
        var why = QuantityGuardrail.Of(new BillingSettings()).Check(0m, 20m).Why;
        Assert.Equal(why, operation.ForceReason);
        Assert.Equal(SyncReasonCode.NeedsForce, Assert.Single(results).ReasonCode);
        Assert.Equal("needs -Force: " + why, results[0].Reason);
        Assert.Equal(2, summary.ExitCode);
        Assert.Equal(0, UnitsOn("2026-11-15"));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Units_never_go_below_zero(string variant)
    {
        Setup(variant);
        var negative = QuantityChange(-2);

        var (_, summary, results) = await _tenant.SyncAsync(new[] { negative }, new SyncOptions { Force = true });

        var result = Assert.Single(results);
        Assert.Equal(SyncStatus.Skipped, result.Status);
        Assert.Equal(SyncReasonCode.BelowZero, result.ReasonCode);
        Assert.Equal(2, summary.ExitCode);
        Assert.Equal(0, _tenant.Writes);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_billed_charge_is_never_touched(string variant)
    {
        Setup(variant);
        var chargeId = _tenant.Sandbox.Data.Insert("ContractCharges", new JObject
        {
            ["contractID"] = _contractId, ["name"] = "Setup", ["chargeType"] = 1, ["datePurchased"] = "2026-11-02T00:00:00",
            ["unitQuantity"] = 1, ["unitPrice"] = 90, ["billingCodeID"] = SyncTenant.MaterialBillingCode,
            ["internalPurchaseOrderNumber"] = "T-100", ["isBilled"] = true,
        });
        _tenant.Sandbox.Data.Insert("Products", new JObject
        {
            ["name"] = "Setup", ["vendorProductNumber"] = "SETUP", ["productBillingCodeID"] = SyncTenant.MaterialBillingCode,
            ["isActive"] = true, ["isSerialized"] = false,
        });
        var before = _tenant.Sandbox.Data.Get("ContractCharges", chargeId)!.ToString();
        var charge = Differences.Charge("Contoso Ltd", "SETUP", "T-100", Today, 1, 100m, 60m, _companyId, _contractId);

        var (_, summary, results) = await _tenant.SyncAsync(new[] { charge });

        var result = Assert.Single(results);
        Assert.Equal(SyncReasonCode.AlreadyInStep, result.ReasonCode);
        Assert.Contains("billed; left untouched", result.Reason);
        Assert.Equal(chargeId, result.AutotaskId);
        Assert.Equal(before, _tenant.Sandbox.Data.Get("ContractCharges", chargeId)!.ToString());
        Assert.Single(_tenant.Rows("ContractCharges"));
        Assert.Equal(0, _tenant.Writes);
        Assert.Equal(0, summary.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Units_changed_in_Autotask_since_the_compare_are_skipped_as_drift(string variant)
    {
        Setup(variant);
        _tenant.Sandbox.Data.AddAdjustment(_contractId, _serviceId, ContractStart, 1);

        var (_, summary, results) = await _tenant.SyncAsync(new[] { QuantityChange(12) });

        var result = Assert.Single(results);
        Assert.Equal(SyncReasonCode.ChangedSinceCompare, result.ReasonCode);
        Assert.Contains("Autotask shows 11 units", result.Reason);
        Assert.Equal(2, summary.ExitCode);
        Assert.Equal(0, _tenant.Writes);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_price_changed_in_Autotask_since_the_compare_is_skipped_as_drift(string variant)
    {
        Setup(variant);
        var priceChange = Differences.Units(
            DifferenceKind.PriceChange, "Contoso Ltd", "O365-E3", Today, 10, autotaskQuantity: 10, companyId: _companyId,
            contractId: _contractId, serviceId: _serviceId, contractServiceId: _contractServiceId, autotaskPrice: 11m,
            targetPrice: 13m);

        var (_, _, results) = await _tenant.SyncAsync(new[] { priceChange });

        Assert.Equal(SyncReasonCode.ChangedSinceCompare, Assert.Single(results).ReasonCode);
        Assert.Equal(0, _tenant.Writes);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Price_and_cost_follow_the_targets_and_a_second_run_finds_them_in_step(string variant)
    {
        Setup(variant);
        var change = Differences.Units(
            DifferenceKind.CostChange, "Contoso Ltd", "O365-E3", Today, 10, autotaskQuantity: 10, companyId: _companyId,
            contractId: _contractId, serviceId: _serviceId, contractServiceId: _contractServiceId, autotaskPrice: 12m,
            autotaskCost: 8m, targetPrice: 13m, targetCost: 9m, effective: Today);

        var (plan, _, first) = await _tenant.SyncAsync(new[] { change });
        var (_, _, second) = await _tenant.SyncAsync(new[] { change });

        Assert.Equal("Change unit price 12.00 USD → 13.00 USD and unit cost 8.00 USD → 9.00 USD from 2026-11-15 (+10.00 USD/month)", Assert.Single(plan.Operations).Action);
        var row = _tenant.Rows("ContractServiceUnits").Single(static r => ((string)r["startDate"]!).StartsWith("2026-11-15", StringComparison.Ordinal));
        Assert.Equal(10, (int)row["units"]!);
        if (SandboxVariants.TakesCosts(variant))
        {
            Assert.Equal(SyncStatus.Applied, Assert.Single(first).Status);
            Assert.Equal(SyncReasonCode.AlreadyInStep, Assert.Single(second).ReasonCode);
            Assert.Equal((13m, 9m), ((decimal)row["price"]!, (decimal)row["cost"]!));
            return;
        }

        // Autotask ignores the adjustment's price and cost: the cost cannot be set through the API, and says so each run.
        Assert.Equal((SyncStatus.NotApplied, SyncReasonCode.IgnoredByAutotask), (Assert.Single(first).Status, first[0].ReasonCode));
        Assert.Contains("Autotask bills unit price", first[0].Reason, StringComparison.Ordinal);
        Assert.Equal(SyncStatus.NotApplied, Assert.Single(second).Status);
        Assert.Equal(8m, (decimal)row["cost"]!);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_declined_operation_skips_its_dependants_and_nothing_else(string variant)
    {
        Setup(variant);
        var differences = NewCustomer("Fabrikam", phone: "555-0123");

        var (plan, summary, results) = await _tenant.SyncAsync(differences, approve: static op => op.Kind != SyncOperationKind.CreateContract);

        var declined = results.Single(static r => r.OperationKind == SyncOperationKind.CreateContract);
        Assert.Equal(SyncReasonCode.Declined, declined.ReasonCode);
        Assert.Equal(SyncImpact.High, plan.Operations.Single(static op => op.Kind == SyncOperationKind.CreateContract).Impact);
        Assert.All(
            results.Where(static r => r.OperationKind > SyncOperationKind.CreateContract),
            static r => Assert.Equal((SyncStatus.Skipped, SyncReasonCode.Declined), (r.Status, r.ReasonCode)));
        Assert.Equal(SyncStatus.Applied, results.Single(static r => r.OperationKind == SyncOperationKind.CreateCompany).Status);
        Assert.Single(_tenant.Rows("Contracts"));
        Assert.Equal(2, summary.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_company_without_a_phone_is_held_back_without_a_request_and_its_dependants_with_it(string variant)
    {
        Setup(variant);
        var differences = NewCustomer("Northwind", phone: null);

        var (plan, summary, results) = await _tenant.SyncAsync(differences);

        var company = results.Single(static r => r.OperationKind == SyncOperationKind.CreateCompany);
        Assert.Equal((SyncStatus.Skipped, SyncReasonCode.IncompleteData), (company.Status, company.ReasonCode));
        Assert.Equal(0, summary.Failed);
        Assert.Equal(2, summary.ExitCode);
        Assert.Contains("phone", company.Reason);
        Assert.NotNull(plan.Operations.Single(static op => op.Kind == SyncOperationKind.CreateCompany).Problem);
        var dependants = results.Where(static r => r.OperationKind > SyncOperationKind.CreateCompany).ToList();
        Assert.Equal(3, dependants.Count);
        Assert.All(dependants, static r => Assert.Equal((SyncStatus.Skipped, SyncReasonCode.IncompleteData), (r.Status, r.ReasonCode)));
        Assert.DoesNotContain(_tenant.Rows("Companies"), static c => (string?)c["companyName"] == "Northwind");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Planning_alone_writes_nothing_and_leaves_no_journal(string variant)
    {
        Setup(variant);
        var differences = NewCustomer("Fabrikam", phone: "555-0123").Append(QuantityChange(12)).ToList();

        var plan = await _tenant.PlanAsync(differences);

        Assert.Equal(5, plan.Operations.Count);
        Assert.All(plan.Operations, static op => Assert.False(string.IsNullOrWhiteSpace(op.Target + op.Action)));
        Assert.Equal(0, _tenant.Writes);
        Assert.True(_tenant.Sandbox.Statistics.TotalRequests > 0);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Forty_customers_needing_one_new_sku_create_the_service_once(string variant)
    {
        Setup(variant);
        var differences = Enumerable.Range(1, 40).Select(i =>
        {
            var company = _tenant.Company($"Customer {i:00}");
            var contract = _tenant.Contract(company, $"Cloud services, Customer {i:00}", ContractStart);
            return Differences.Units(
                DifferenceKind.MissingService, $"Customer {i:00}", "NEW-SKU", Today, i, autotaskQuantity: 0, companyId: company,
                contractId: contract, effective: Today);
        }).ToList();

        var (plan, summary, _) = await _tenant.SyncAsync(differences);

        var create = Assert.Single(plan.Operations, static op => op.Kind == SyncOperationKind.CreateService);
        Assert.Equal(40, create.DifferenceIds.Count);
        Assert.Equal(82, plan.Operations.Count);
        Assert.Equal(81, plan.Operations.Count(static op => op.DependsOn.Count > 0));
        Assert.Single(_tenant.Rows("Services"), static s => (string?)s["name"] == "NEW-SKU");
        Assert.Equal(0, summary.ExitCode);
    }

    public void Dispose() => _tenant.Dispose();

    private ContractDifference QuantityChange(decimal to) =>
        Differences.Units(
            DifferenceKind.QuantityChange, "Contoso Ltd", "O365-E3", Today, to, autotaskQuantity: 10, companyId: _companyId,
            contractId: _contractId, serviceId: _serviceId, contractServiceId: _contractServiceId, autotaskPrice: 12m,
            autotaskCost: 8m, effective: Today, contractName: "Cloud services, Contoso");

    private IEnumerable<ContractDifference> NewCustomer(string name, string? phone) => new[]
    {
        Differences.Units(
            DifferenceKind.NewService, name, "O365-E3", Today, 4, autotaskQuantity: 0, serviceId: _serviceId, createCompany: true,
            createContract: true, phone: phone, effective: Today, targetPrice: 12m, targetCost: 8m),
    };

    private IReadOnlyList<JObject> Adjustments() =>
        _tenant.Rows("ContractServiceAdjustments").Where(a => (long)a["contractID"]! == _contractId).ToList();

    private int UnitsOn(string date) =>
        (int)_tenant.Rows("ContractServiceUnits")
            .Where(r => (long)r["contractServiceID"]! == _contractServiceId && string.CompareOrdinal(((string)r["startDate"]!).Substring(0, 10), date) <= 0)
            .OrderBy(static r => (string)r["startDate"]!)
            .Last()["units"]!;
}
