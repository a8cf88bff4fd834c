using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class PricingComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly TenantCustomer _woodgrove;

    public PricingComparisonTests()
    {
        var acronis = _tenant.AddService("ACR-CPC-WS", "Acronis Cyber Protect Cloud - Workstation", 6.50m, 4.25m);
        _woodgrove = _tenant.AddCustomer("Woodgrove Accounting");
        _tenant.AddUnits(_woodgrove, acronis, 9);
    }

    [Theory]
    [InlineData(PricingStrategy.SyncCostAndPrice, DifferenceKind.PriceChange, "6.95", "4.60")]
    [InlineData(PricingStrategy.CostOnly, DifferenceKind.CostChange, null, "4.60")]
    [InlineData(PricingStrategy.None, null, null, null)]
    [InlineData(PricingStrategy.NoneOnUpdate, null, null, null)]
    public async Task A_price_change_follows_the_customers_pricing_strategy(PricingStrategy strategy, DifferenceKind? kind, string? price, string? cost)
    {
        _tenant.MapCustomer(_woodgrove.Mapping() with { PricingStrategy = strategy });

        var result = await _tenant.CompareAsync(new[] { _woodgrove.Seat("ACR-CPC-WS", 9, 6.95m, 4.60m) });

        if (kind is null)
        {
            Assert.Empty(result.Differences);
            return;
        }

        var difference = Assert.Single(result.Differences);
        Assert.Equal(kind, difference.Kind);
        Assert.Equal(strategy, difference.PricingStrategy);
        Assert.Equal(6.50m, difference.AutotaskUnitPrice);
        Assert.Equal(4.25m, difference.AutotaskUnitCost);
        Assert.Equal(price is null ? null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), difference.TargetUnitPrice);
        Assert.Equal(cost is null ? null : decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), difference.TargetUnitCost);
        Assert.Equal(0m, difference.QuantityDelta);
        Assert.Equal(3.15m, difference.MonthlyCostImpact);
        Assert.Equal(price is null ? 0m : 4.05m, difference.MonthlyRevenueImpact);
    }

    [Fact]
    public async Task A_cost_only_change_is_a_cost_change_that_leaves_the_price_alone_in_words()
    {
        var result = await _tenant.CompareAsync(new[] { _woodgrove.Seat("ACR-CPC-WS", 9, 6.50m, 4.60m) });

        var difference = result.Single(DifferenceKind.CostChange);
        Assert.Equal(6.50m, difference.TargetUnitPrice);
        Assert.Equal(4.60m, difference.TargetUnitCost);
        Assert.Equal(0m, difference.MonthlyRevenueImpact);
        Assert.Equal(3.15m, difference.MonthlyCostImpact);
        Assert.Contains("sets the unit cost to 4.60 USD", difference.Reason);
        Assert.DoesNotContain("unit price to", difference.Reason);
    }

    [Fact]
    public async Task The_current_price_is_what_the_unit_rows_bill_however_it_got_there()
    {
        var contractService = _tenant.Data.All("ContractServices").Single();
        _tenant.Data.AddAdjustment((long)contractService["contractID"]!, (long)contractService["serviceID"]!, Day(2026, 10, 1), 0, adjustedUnitPrice: 6.95m);

        var result = await _tenant.CompareAsync(new[] { _woodgrove.Seat("ACR-CPC-WS", 9, 6.95m, 4.25m) });

        Assert.Empty(result.Differences);
    }

    [Fact]
    public async Task A_price_that_Autotask_would_round_to_what_it_bills_is_not_drift()
    {
        var result = await _tenant.CompareAsync(new[] { _woodgrove.Seat("ACR-CPC-WS", 9, 6.50004m, 4.249951m) });

        Assert.Empty(result.Differences);
    }

    public void Dispose() => _tenant.Dispose();
}
