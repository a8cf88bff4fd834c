using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// Picklists are tenant-configurable: a service whose period type is a tenant's own (here "Biennial") has a price the
/// compare cannot turn into months. It must say so, and never propose units, prices or money from a guess (issue 10:
/// "or a clear difference saying the service's period type does not fit"); it used to be read as monthly.
/// </summary>
public sealed class UnknownPeriodTypeComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _biennial;
    private readonly long _yearly;
    private readonly TenantCustomer _contoso;

    public UnknownPeriodTypeComparisonTests()
    {
        _tenant.Data.AddPicklistValue("Services", "periodType", 9, "Biennial");
        _biennial = _tenant.AddService("BACKUP-2Y", "Backup, two years", 240.00m, 180.00m, period: "Biennial");
        _yearly = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 86.40m, 72.00m, period: "Yearly");
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _tenant.AddUnits(_contoso, _biennial, 10);
        _tenant.AddUnits(_contoso, _yearly, 10);
    }

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task A_service_of_an_unknown_period_type_is_reported_and_never_actionable()
    {
        var result = await _tenant.CompareAsync(new[]
        {
            _contoso.Seat("BACKUP-2Y", 12, 10.00m, 7.50m, line: 2),
            _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m, line: 3),
        });

        var unknown = result.Single(DifferenceKind.UnknownPeriodType);
        Assert.False(unknown.IsActionable);
        Assert.Equal(_biennial, unknown.ServiceId);
        Assert.Equal((decimal?)10m, unknown.AutotaskQuantity);
        Assert.Equal((decimal?)12m, unknown.VendorQuantity);
        Assert.Equal((0m, 0m), (unknown.MonthlyRevenueImpact, unknown.MonthlyCostImpact));
        Assert.Null(unknown.TargetUnitPrice);
        Assert.Contains("'Biennial'", unknown.Reason, StringComparison.Ordinal);
        Assert.Contains("Nothing is synced", unknown.Reason, StringComparison.Ordinal);

        // A known period type beside it is compared as before: a yearly price is the monthly one × 12.
        var yearly = result.Single(DifferenceKind.QuantityChange);
        Assert.Equal(_yearly, yearly.ServiceId);
        Assert.True(yearly.IsActionable);
        Assert.Equal(14.40m, yearly.MonthlyRevenueImpact);
        Assert.Equal(1, result.Summary.CountsByKind[DifferenceKind.UnknownPeriodType]);
        Assert.Equal(14.40m, result.Summary.MonthlyRevenueImpact);
    }

    [Fact]
    public async Task A_service_of_an_unknown_period_type_no_longer_billed_is_reported_not_removed()
    {
        var result = await _tenant.CompareAsync(
            new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m) },
            new CompareOptions { AsOf = AsOf, RemovalPolicy = global::Autotask.Billing.Mapping.RemovalPolicy.AdjustToZero });

        var unknown = result.Single(DifferenceKind.UnknownPeriodType);
        Assert.False(unknown.IsActionable);
        Assert.Equal((decimal?)0m, unknown.VendorQuantity);
        Assert.Equal((decimal?)10m, unknown.AutotaskQuantity);
        Assert.DoesNotContain(result.Differences, d => d.Kind == DifferenceKind.Removed);
    }

    [Fact]
    public async Task Get_AtContractService_shows_no_monthly_money_for_an_unknown_period_type_and_the_four_known_ones_as_before()
    {
        var monthly = _tenant.AddService("MONTHLY", "Monthly service", 7.20m, 6.00m, period: "Monthly");
        var quarterly = _tenant.AddService("QUARTERLY", "Quarterly service", 30.00m, 18.00m, period: "Quarterly");
        var semiAnnual = _tenant.AddService("SEMIANNUAL", "Semi-annual service", 61.00m, 45.00m, period: "Semi-Annual");
        _tenant.AddUnits(_contoso, monthly, 10);
        _tenant.AddUnits(_contoso, quarterly, 3);
        _tenant.AddUnits(_contoso, semiAnnual, 7);
        using var client = await _tenant.ConnectAsync();
        var snapshot = await new ContractSnapshotLoader(client).LoadAsync(
            ContractSelection.ForContracts(new[] { _contoso.ContractId }), new ContractSnapshotOptions { AsOf = AsOf });

        var services = ContractReadModel.ContractServices(snapshot).ToDictionary(s => s.ServiceId!.Value);

        // Its price and units are shown; its money per month is unknown, not a two-year price read as monthly.
        var biennial = services[_biennial];
        Assert.Equal((10, (decimal?)240.00m, (decimal?)180.00m), (biennial.Units, biennial.UnitPrice, biennial.UnitCost));
        Assert.Null(biennial.MonthlyRevenue);
        Assert.Null(biennial.MonthlyCost);
        Assert.Equal(((decimal?)72.00m, (decimal?)60.00m), (services[monthly].MonthlyRevenue, services[monthly].MonthlyCost));
        Assert.Equal(((decimal?)30.00m, (decimal?)18.00m), (services[quarterly].MonthlyRevenue, services[quarterly].MonthlyCost));
        Assert.Equal(((decimal?)71.17m, (decimal?)52.50m), (services[semiAnnual].MonthlyRevenue, services[semiAnnual].MonthlyCost));
        Assert.Equal(((decimal?)72.00m, (decimal?)60.00m), (services[_yearly].MonthlyRevenue, services[_yearly].MonthlyCost));
    }

    [Theory]
    [InlineData("Monthly", 1)]
    [InlineData("quarterly", 3)]
    [InlineData("Semi-Annual", 6)]
    [InlineData("Semi Annually", 6)]
    [InlineData("Yearly", 12)]
    [InlineData("Annual", 12)]
    public void The_four_period_types_Autotask_ships_are_months(string label, int months)
    {
        Assert.True(PicklistLabels.TryMonthsOf(label, out var found));
        Assert.Equal(months, found);
    }

    [Theory]
    [InlineData("Biennial")]
    [InlineData("One-Time")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_period_labels_are_not(string? label) => Assert.False(PicklistLabels.TryMonthsOf(label, out _));
}
