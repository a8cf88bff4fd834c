using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class QuantityComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly TenantCustomer _contoso;

    public QuantityComparisonTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _tenant.AddUnits(_contoso, _basic, 10);
    }

    [Fact]
    public async Task A_seat_increase_is_one_quantity_change_with_the_delta_and_its_monthly_value()
    {
        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) });

        var difference = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.QuantityChange, difference.Kind);
        Assert.True(difference.IsActionable);
        Assert.Equal(12m, difference.VendorQuantity);
        Assert.Equal(10m, difference.AutotaskQuantity);
        Assert.Equal(2m, difference.QuantityDelta);
        Assert.Equal(14.40m, difference.MonthlyRevenueImpact);
        Assert.Equal(12.00m, difference.MonthlyCostImpact);
        Assert.Equal(_contoso.ContractId, difference.ContractId);
        Assert.Equal(_basic, difference.ServiceId);
        Assert.Equal("Cloud services, Contoso Dental", difference.ContractName);
        Assert.Equal("Contoso Dental", difference.CompanyName);
        Assert.NotNull(difference.ContractServiceId);
        Assert.False(difference.RequiresForce);
        Assert.Contains("adds 2 units", difference.Reason);
        Assert.Equal("october.csv:2", difference.SourceLines);
        Assert.Equal(Day(2026, 10, 1), difference.EffectiveDate);
        Assert.Equal(AsOf, difference.AsOf);
    }

    [Fact]
    public async Task A_seat_decrease_removes_the_difference_without_force_when_it_is_small()
    {
        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 8, 7.20m, 6.00m) });

        var difference = result.Single(DifferenceKind.QuantityChange);
        Assert.Equal(-2m, difference.QuantityDelta);
        Assert.Equal(-14.40m, difference.MonthlyRevenueImpact);
        Assert.False(difference.RequiresForce);
        Assert.Contains("removes 2 units", difference.Reason);
    }

    [Fact]
    public async Task A_drop_to_zero_needs_force()
    {
        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 0, 7.20m, 6.00m) });

        var difference = result.Single(DifferenceKind.QuantityChange);
        Assert.Equal(0m, difference.VendorQuantity);
        Assert.True(difference.RequiresForce);
        Assert.Contains("to zero", difference.ForceReason);
        Assert.Equal(1, result.Summary.RequiringForce);
    }

    [Theory]
    [InlineData(15, false)]
    [InlineData(16, true)]
    public async Task A_change_above_the_threshold_percentage_and_minimum_units_needs_force(int seats, bool needsForce)
    {
        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", seats, 7.20m, 6.00m) });

        Assert.Equal(needsForce, result.Single(DifferenceKind.QuantityChange).RequiresForce);
    }

    [Fact]
    public async Task The_threshold_can_be_overridden_by_the_run()
    {
        var options = new CompareOptions { AsOf = AsOf, QuantityChangeThresholdPercent = 10m, QuantityChangeMinimumUnits = 1m };

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) }, options);

        Assert.True(result.Single(DifferenceKind.QuantityChange).RequiresForce);
    }

    [Fact]
    public async Task Several_subscriptions_of_one_sku_for_one_customer_are_summed()
    {
        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 6, 7.20m, 6.00m, subscription: "sub-a", line: 2),
            _contoso.Seat("CFQ7TTC0LH18", 7, 7.20m, 6.00m, subscription: "sub-b", line: 3),
        });

        var difference = result.Single(DifferenceKind.QuantityChange);
        Assert.Equal(13m, difference.VendorQuantity);
        Assert.Equal("sub-a; sub-b", difference.SubscriptionIds);
        Assert.Equal("october.csv:2; october.csv:3", difference.SourceLines);
    }

    [Fact]
    public async Task A_customer_billed_by_two_sources_into_one_contract_is_summed_per_contract_service()
    {
        _tenant.MapCustomer(new CustomerMapping(PartnerCenter, "tenant-contoso")
        {
            CompanyAction = MappingAction.Existing, CompanyId = _contoso.CompanyId, ContractAction = MappingAction.Existing, ContractId = _contoso.ContractId,
        });
        _tenant.MapSku(new ServiceMapping(PartnerCenter, "CFQ7TTC0LH18:0001") { ServiceId = _basic });

        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 4, 7.20m, 6.00m),
            _contoso.Seat("CFQ7TTC0LH18:0001", 6, 7.20m, 6.00m, source: PartnerCenter, customerId: "tenant-contoso", line: 9),
        });

        Assert.Empty(result.Differences);
        var withMore = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 5, 7.20m, 6.00m),
            _contoso.Seat("CFQ7TTC0LH18:0001", 6, 7.20m, 6.00m, source: PartnerCenter, customerId: "tenant-contoso", line: 9),
        });
        var difference = withMore.Single(DifferenceKind.QuantityChange);
        Assert.Equal(11m, difference.VendorQuantity);
        Assert.Equal("PartnerCenter; Pax8", difference.Source);
    }

    [Fact]
    public async Task On_a_contract_of_many_services_seats_are_still_summed_per_service_and_in_step_ones_found_as_before()
    {
        // Past 64 services the seats are grouped through an index: the same demands, in the same order.
        var lines = new List<Transaction> { _contoso.Seat("CFQ7TTC0LH18", 4, 7.20m, 6.00m) };
        for (var i = 0; i < 70; i++)
        {
            var sku = $"SKU-{i:00}";
            var service = _tenant.AddService(sku, $"Service {i:00}", 2.00m, 1.00m);
            _tenant.AddUnits(_contoso, service, 3);
            lines.Add(_contoso.Seat(sku, i == 7 ? 5 : 3, 2.00m, 1.00m, line: 3 + i));
        }

        _tenant.MapSku(new ServiceMapping(Pax8, "cfq7ttc0lh18-addon") { ServiceId = _basic });
        _tenant.MapSku(new ServiceMapping(Pax8, "NEW-SKU") { Action = MappingAction.Create });
        _tenant.MapSku(new ServiceMapping(PartnerCenter, "new-sku") { Action = MappingAction.Create });
        _tenant.MapCustomer(new CustomerMapping(PartnerCenter, "tenant-contoso")
        {
            CompanyAction = MappingAction.Existing, CompanyId = _contoso.CompanyId, ContractAction = MappingAction.Existing, ContractId = _contoso.ContractId,
        });
        lines.Add(_contoso.Seat("cfq7ttc0lh18-addon", 6, 7.20m, 6.00m, line: 40));
        lines.Add(_contoso.Seat("NEW-SKU", 2, 1.00m, 0.50m, line: 41));
        lines.Add(_contoso.Seat("new-sku", 1, 1.00m, 0.50m, line: 42, source: PartnerCenter, customerId: "tenant-contoso"));

        var quiet = await _tenant.CompareAsync(lines);
        var asked = await _tenant.CompareAsync(lines, new CompareOptions { AsOf = AsOf, IncludeMatch = true });

        Assert.Equal(
            new[] { (DifferenceKind.MissingService, "new-sku"), (DifferenceKind.QuantityChange, "SKU-07") },
            quiet.Differences.Select(d => (d.Kind, d.Sku)).ToArray());
        Assert.Equal("october.csv:42; october.csv:41", quiet.Differences[0].SourceLines);
        Assert.Equal(3m, quiet.Differences[0].VendorQuantity);
        var basic = asked.Differences.Single(d => d.ServiceId == _basic);
        Assert.Equal(DifferenceKind.Match, basic.Kind);
        Assert.Equal(10m, basic.VendorQuantity);
        Assert.Equal(70, asked.Differences.Count(d => d.Kind == DifferenceKind.Match));
    }

    [Fact]
    public async Task Seats_in_step_are_emitted_as_match_only_when_asked()
    {
        var lines = new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m) };

        var quiet = await _tenant.CompareAsync(lines);
        var asked = await _tenant.CompareAsync(lines, new CompareOptions { AsOf = AsOf, IncludeMatch = true });

        Assert.Empty(quiet.Differences);
        var match = asked.Single(DifferenceKind.Match);
        Assert.False(match.IsActionable);
        Assert.Equal(0m, match.QuantityDelta);
    }

    [Fact]
    public async Task An_inactive_autotask_service_still_gets_quantity_differences_and_stays_inactive()
    {
        var legacy = _tenant.AddService("LEGACY-ARCHIVE", "Legacy Archive", 3.00m, 2.00m, isActive: false);
        _tenant.AddUnits(_contoso, legacy, 4);

        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("LEGACY-ARCHIVE", 6, 3.00m, 2.00m, line: 3),
        });

        var difference = result.Single(DifferenceKind.QuantityChange);
        Assert.Equal(legacy, difference.ServiceId);
        Assert.False(difference.ServiceIsActive);
        Assert.Contains("stays inactive", difference.Reason);
    }

    [Fact]
    public async Task An_adjustment_effective_after_the_as_of_date_is_not_yet_in_force()
    {
        _tenant.AddUnits(_contoso, _basic, 5, from: Day(2026, 10, 20));
        var options = new CompareOptions { AsOf = Day(2026, 10, 15) };

        var before = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m) }, options);
        var after = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m) });

        Assert.Empty(before.Differences);
        var change = after.Single(DifferenceKind.QuantityChange);
        Assert.Equal(15m, change.AutotaskQuantity);
        Assert.Equal(-5m, change.QuantityDelta);
    }

    [Fact]
    public async Task A_contract_that_ended_before_the_as_of_date_is_reported_as_expired_and_not_actionable()
    {
        var ended = _tenant.AddCustomer("Ended Ltd", contractEnd: Day(2026, 9, 30));
        _tenant.AddUnits(ended, _basic, 3, from: Day(2026, 9, 1));

        var result = await _tenant.CompareAsync(new[] { ended.Seat("CFQ7TTC0LH18", 5, 7.20m, 6.00m) });

        var difference = result.Single(DifferenceKind.ContractExpired);
        Assert.False(difference.IsActionable);
        Assert.Equal(ended.ContractId, difference.ContractId);
        Assert.Contains("ended on 2026-09-30", difference.Reason);
    }

    [Fact]
    public async Task A_line_in_another_currency_is_reported_and_never_converted()
    {
        var euro = VendorLines.Seat(Pax8, _contoso.CustomerId, _contoso.Name, "CFQ7TTC0LH18", 12, 6.60m, 5.50m, currency: "EUR");

        var result = await _tenant.CompareAsync(new[] { euro });

        var difference = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.CurrencyMismatch, difference.Kind);
        Assert.False(difference.IsActionable);
        Assert.Equal("EUR", difference.Currency);
        Assert.Null(difference.TargetUnitPrice);
        Assert.Equal(0m, difference.MonthlyRevenueImpact);
        Assert.Contains("never converted", difference.Reason);
    }

    [Fact]
    public async Task Lines_before_the_customers_sync_start_date_are_ignored_and_counted()
    {
        _tenant.MapCustomer(_contoso.Mapping() with { SyncStartDate = Day(2026, 11, 1) });

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) });

        Assert.DoesNotContain(result.Differences, d => d.Kind == DifferenceKind.QuantityChange);
        Assert.Equal(1, result.Summary.LinesBeforeSyncStart);
    }

    [Fact]
    public async Task A_customer_with_export_off_is_skipped_and_counted()
    {
        _tenant.MapCustomer(_contoso.Mapping() with { Export = false });

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m), _contoso.Seat("OTHER", 1, 1m, 1m, line: 3) });

        Assert.Empty(result.Differences);
        Assert.Equal(1, result.Summary.SkippedNotExported);
        Assert.Equal(2, result.Summary.SkippedNotExportedLines);
        Assert.Equal(0, result.Summary.Customers);
    }

    [Fact]
    public async Task Difference_ids_are_the_same_in_every_run()
    {
        var lines = new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) };

        var first = await _tenant.CompareAsync(lines);
        var second = await _tenant.CompareAsync(lines);

        Assert.Equal(first.Differences[0].DifferenceId, second.Differences[0].DifferenceId);
        Assert.StartsWith("D-", first.Differences[0].DifferenceId);
    }

    [Fact]
    public async Task A_run_hands_out_its_summary_only_after_the_last_difference_and_runs_only_once()
    {
        using var client = await _tenant.ConnectAsync();
        var run = new ContractComparer(client).Compare(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) }, _tenant.Mapping());

        Assert.Throws<InvalidOperationException>(() => run.Summary);
        var differences = new List<ContractDifference>();
        await foreach (var difference in run)
        {
            Assert.False(run.IsComplete);
            differences.Add(difference);
        }

        Assert.Single(differences);
        Assert.Equal(1, run.Summary.CountsByKind[DifferenceKind.QuantityChange]);
        Assert.Equal(14.40m, run.Summary.MonthlyRevenueImpact);
        Assert.Equal(AsOf, run.Summary.AsOf);
        Assert.Throws<InvalidOperationException>(() => run.GetAsyncEnumerator());
    }

    [Fact]
    public async Task The_callback_form_receives_each_difference_and_returns_the_summary()
    {
        using var client = await _tenant.ConnectAsync();
        var received = new List<ContractDifference>();

        var summary = await new ContractComparer(client).CompareAsync(
            new[] { _contoso.Seat("CFQ7TTC0LH18", 8, 7.20m, 6.00m) }, _tenant.Mapping(), null, received.Add);

        Assert.Equal(DifferenceKind.QuantityChange, Assert.Single(received).Kind);
        Assert.Equal(1, summary.Differences);
        Assert.Equal(1, summary.Actionable);
    }

    public void Dispose() => _tenant.Dispose();
}
