using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class RemovalAndChargeComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly long _defender;
    private readonly long _helpdesk;
    private readonly TenantCustomer _contoso;

    public RemovalAndChargeComparisonTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _defender = _tenant.AddService("CFQ7TTC0LFK0", "Microsoft Defender for Business", 3.60m, 3.00m);
        _helpdesk = _tenant.AddService("MSP-HELPDESK", "Managed helpdesk per user", 45.00m, 0m, map: false);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _tenant.AddUnits(_contoso, _basic, 10);
        _tenant.AddUnits(_contoso, _defender, 12);
        _tenant.AddUnits(_contoso, _helpdesk, 10);
    }

    [Fact]
    public async Task A_mapped_service_no_longer_billed_is_removed_to_zero_with_force_and_the_msps_own_service_is_left_alone()
    {
        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m) });

        var removed = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.Removed, removed.Kind);
        Assert.Equal(_defender, removed.ServiceId);
        Assert.Equal("CFQ7TTC0LFK0", removed.Sku);
        Assert.Equal(0m, removed.VendorQuantity);
        Assert.Equal(-12m, removed.QuantityDelta);
        Assert.True(removed.IsActionable);
        Assert.True(removed.RequiresForce);
        Assert.Equal("RemovalPolicy=AdjustToZero", removed.Rule);
        Assert.Equal(-43.20m, removed.MonthlyRevenueImpact);
        Assert.Equal(_contoso.CustomerId, removed.CustomerId);
    }

    [Fact]
    public async Task Under_report_only_a_removal_is_reported_and_not_actionable()
    {
        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m) }, new CompareOptions { AsOf = AsOf, RemovalPolicy = RemovalPolicy.ReportOnly });

        var removed = result.Single(DifferenceKind.Removed);
        Assert.False(removed.IsActionable);
        Assert.Contains("ReportOnly", removed.Reason);
        Assert.Equal(0, result.Summary.Actionable);
    }

    [Fact]
    public async Task Zeroing_a_customer_absent_from_the_bill_gives_that_absence_as_its_force_reason()
    {
        var fabrikam = _tenant.AddCustomer("Fabrikam Legal");
        _tenant.AddUnits(fabrikam, _basic, 10);

        var result = await _tenant.CompareAsync(
            new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0LFK0", 12, 3.60m, 3.00m, line: 3) },
            new CompareOptions { AsOf = AsOf, AbsentCustomerPolicy = RemovalPolicy.AdjustToZero });

        var removed = result.Single(DifferenceKind.Removed);
        Assert.Equal((fabrikam.CustomerId, "AbsentCustomerPolicy=AdjustToZero", true, true), (removed.CustomerId, removed.Rule, removed.IsActionable, removed.RequiresForce));
        Assert.Equal("Needs -Force: Fabrikam Legal has no line at all in this Pax8 bill, and it takes the units from 10 to zero.", removed.ForceReason);
        Assert.Contains(removed.ForceReason!, removed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_matched_to_a_vendor_sku_by_its_part_number_is_a_removal_candidate_too()
    {
        var teams = _tenant.AddService("CFQ7TTC0QW7F", "Teams Essentials", 4.80m, 4.00m, map: false);
        _tenant.AddUnits(_contoso, teams, 2);

        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0LFK0", 12, 3.60m, 3.00m, line: 3),
            VendorLines.Seat(Pax8, "other", "Other Customer", "CFQ7TTC0QW7F", 1),
        });

        var removed = result.Single(DifferenceKind.Removed);
        Assert.Equal(teams, removed.ServiceId);
        Assert.DoesNotContain(result.Differences, d => d.ServiceId == _helpdesk);
    }

    [Fact]
    public async Task A_one_time_line_becomes_one_charge_through_its_mapped_product()
    {
        var dock = _tenant.AddProduct("SURF-DOCK-2", "Surface Dock 2", 129.00m, 99.00m);

        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0LFK0", 12, 3.60m, 3.00m, line: 3),
            _contoso.OneTime("SURF-DOCK-2", 2, 129.00m, 99.00m, "PX8-0004"),
        });

        var charge = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.OneTimeCharge, charge.Kind);
        Assert.Equal(dock, charge.ProductId);
        Assert.Equal("PX8-0004", charge.TransactionId);
        Assert.Equal(Day(2026, 10, 14), charge.ChargeDate);
        Assert.Equal(258.00m, charge.OneTimeRevenueImpact);
        Assert.Equal(198.00m, charge.OneTimeCostImpact);
        Assert.Equal(0m, charge.MonthlyRevenueImpact);
        Assert.Equal((2m, 129.00m, 99.00m), (charge.ChargeQuantity, charge.TargetUnitPrice, charge.TargetUnitCost));
        Assert.Equal(ChargeType.OneTime, charge.ChargeType);
        Assert.True(charge.IsActionable);
    }

    [Fact]
    public async Task A_usage_line_of_a_mapped_sku_becomes_one_charge_per_transaction_through_the_material_billing_code()
    {
        _tenant.MapSku(new ServiceMapping(Pax8, "DZH318Z0BQ4L") { ServiceId = _basic });
        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0LFK0", 12, 3.60m, 3.00m, line: 3),
            _contoso.OneTime("DZH318Z0BQ4L", 1, 312.45m, 284.05m, "PX8-0013", ChargeType.Usage),
        });

        var charge = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.OneTimeCharge, charge.Kind);
        Assert.Equal(ChargeType.Usage, charge.ChargeType);
        Assert.Null(charge.ProductId);
        Assert.StartsWith("u-", charge.TransactionId, StringComparison.Ordinal);
        Assert.Equal("october.csv:40", charge.SourceLines);
        Assert.Equal(312.45m, charge.TargetUnitPrice);
        Assert.Contains("material billing code", charge.Reason);
    }

    [Fact]
    public async Task Usage_can_be_carried_as_a_quantity_one_service_instead()
    {
        var azure = _tenant.AddService("DZH318Z0BQ4L", "Azure plan", 0m, 0m);

        var result = await _tenant.CompareAsync(
            new[]
            {
                _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0LFK0", 12, 3.60m, 3.00m, line: 3),
                _contoso.OneTime("DZH318Z0BQ4L", 1, 300.00m, 280.00m, "PX8-0013", ChargeType.Usage),
                _contoso.OneTime("DZH318Z0BQ4L", 1, 12.45m, 4.05m, "PX8-0014", ChargeType.Usage),
            },
            new CompareOptions { AsOf = AsOf, UsageAsService = true });

        var service = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.NewService, service.Kind);
        Assert.Equal(azure, service.ServiceId);
        Assert.Equal(1m, service.VendorQuantity);
        Assert.Equal(312.45m, service.TargetUnitPrice);
        Assert.Equal(284.05m, service.TargetUnitCost);
        Assert.Equal("PX8-0013; PX8-0014", service.TransactionIds);
    }

    [Fact]
    public async Task An_unmapped_one_time_sku_is_an_unmapped_sku_with_a_suggested_product()
    {
        _tenant.AddProduct("SURF-DOCK-2", "Surface Dock 2", 129.00m, 99.00m, map: false);

        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0LFK0", 12, 3.60m, 3.00m, line: 3),
            _contoso.OneTime("SURF-DOCK-2", 2, 129.00m, 99.00m, "PX8-0004"),
        });

        var difference = result.Single(DifferenceKind.UnmappedSku);
        Assert.Equal("PX8-0004", difference.TransactionId);
        Assert.Contains("Surface Dock 2", difference.Suggestions);
    }

    public void Dispose() => _tenant.Dispose();
}
