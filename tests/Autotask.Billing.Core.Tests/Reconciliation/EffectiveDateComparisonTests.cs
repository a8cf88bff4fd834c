using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class EffectiveDateComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly TenantCustomer _contoso;
    private readonly Transaction _addedOnTheTwelfth;

    public EffectiveDateComparisonTests()
    {
        var basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _tenant.AddUnits(_contoso, basic, 10);
        _addedOnTheTwelfth = VendorLines.Seat(Pax8, _contoso.CustomerId, _contoso.Name, "CFQ7TTC0LH18", 12, 7.20m, 6.00m, start: Day(2026, 10, 12));
    }

    [Theory]
    [InlineData(EffectiveDatePolicy.ChangeDate, 10, 12)]
    [InlineData(EffectiveDatePolicy.PeriodStart, 10, 1)]
    [InlineData(EffectiveDatePolicy.NextPeriodStart, 11, 1)]
    public async Task The_effective_date_follows_the_runs_policy(EffectiveDatePolicy policy, int month, int day)
    {
        var result = await _tenant.CompareAsync(new[] { _addedOnTheTwelfth }, new CompareOptions { AsOf = AsOf, EffectiveDatePolicy = policy });

        var difference = result.Single(DifferenceKind.QuantityChange);
        Assert.Equal(Day(2026, month, day), difference.EffectiveDate);
        Assert.Equal(Day(2026, 10, 12), difference.VendorChangeDate);
        Assert.Equal(policy, difference.EffectiveDatePolicy);
        Assert.Equal(DateTimeKind.Utc, difference.EffectiveDate!.Value.Kind);
    }

    [Fact]
    public async Task A_customers_own_policy_wins_over_the_runs()
    {
        _tenant.MapCustomer(_contoso.Mapping() with { EffectiveDatePolicy = EffectiveDatePolicy.NextPeriodStart });

        var result = await _tenant.CompareAsync(new[] { _addedOnTheTwelfth }, new CompareOptions { AsOf = AsOf, EffectiveDatePolicy = EffectiveDatePolicy.ChangeDate });

        Assert.Equal(Day(2026, 11, 1), result.Single(DifferenceKind.QuantityChange).EffectiveDate);
    }

    [Fact]
    public async Task A_change_never_takes_effect_inside_a_posted_period()
    {
        _tenant.Data.ApproveAndPost(Day(2026, 10, 31));

        var result = await _tenant.CompareAsync(new[] { _addedOnTheTwelfth });

        Assert.Equal(Day(2026, 11, 1), result.Single(DifferenceKind.QuantityChange).EffectiveDate);
    }

    [Fact]
    public async Task A_change_dated_before_the_period_in_force_takes_effect_at_its_start()
    {
        var early = VendorLines.Seat(Pax8, _contoso.CustomerId, _contoso.Name, "CFQ7TTC0LH18", 12, 7.20m, 6.00m, start: Day(2026, 8, 20));

        var result = await _tenant.CompareAsync(new[] { early });

        Assert.Equal(Day(2026, 10, 1), result.Single(DifferenceKind.QuantityChange).EffectiveDate);
    }

    public void Dispose() => _tenant.Dispose();
}
