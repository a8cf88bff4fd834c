using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>Customers held back by -AcceptPartialFile: the comparer neither yields nor counts their differences.</summary>
public sealed class HeldBackCustomerComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly long _defender;
    private readonly TenantCustomer _contoso;
    private readonly TenantCustomer _fabrikam;

    public HeldBackCustomerComparisonTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _defender = _tenant.AddService("CFQ7TTC0LFK0", "Microsoft Defender for Business", 3.60m, 3.00m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _fabrikam = _tenant.AddCustomer("Fabrikam Legal");
        _tenant.AddUnits(_contoso, _basic, 10);
        _tenant.AddUnits(_fabrikam, _basic, 10);
        _tenant.AddUnits(_fabrikam, _defender, 5);
    }

    [Fact]
    public async Task A_held_back_customers_differences_are_neither_emitted_nor_counted_in_the_summary()
    {
        var lines = new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m), _fabrikam.Seat("CFQ7TTC0LH18", 15, 7.20m, 6.00m, line: 3) };

        var all = await _tenant.CompareAsync(lines);
        var result = await _tenant.CompareAsync(lines, new CompareOptions { AsOf = AsOf, HeldBackCustomers = new[] { _fabrikam.CustomerId.ToUpperInvariant() } });

        Assert.Equal(3, all.Summary.Differences);
        var change = Assert.Single(result.Differences);
        Assert.Equal(_contoso.CustomerId, change.CustomerId);
        Assert.Equal(DifferenceKind.QuantityChange, change.Kind);
        Assert.Equal(1, result.Summary.Differences);
        Assert.Equal(1, result.Summary.Actionable);
        Assert.Equal(0, result.Summary.RequiringForce);
        Assert.Equal(14.40m, result.Summary.MonthlyRevenueImpact);
        Assert.Equal(12.00m, result.Summary.MonthlyCostImpact);
        Assert.Equal(1, Assert.Single(result.Summary.CountsByKind).Value);
        Assert.Equal(1, result.Summary.HeldBackCustomers);
        Assert.Equal(2, result.Summary.HeldBackDifferences);
        Assert.Contains("2 differences of 1 held-back customers not counted", result.Summary.ToString());
    }

    [Fact]
    public async Task A_contract_service_summing_a_held_back_customers_seats_with_anothers_is_held_back_whole()
    {
        _tenant.MapCustomer((_contoso with { CustomerId = "cust-branch" }).Mapping());
        var lines = new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 8, 7.20m, 6.00m),
            _contoso.Seat("CFQ7TTC0LH18", 4, 7.20m, 6.00m, line: 3, customerId: "cust-branch"),
            _fabrikam.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m, line: 4), _fabrikam.Seat("CFQ7TTC0LFK0", 4, 3.60m, 3.00m, line: 5),
        };

        var result = await _tenant.CompareAsync(lines, new CompareOptions { AsOf = AsOf, HeldBackCustomers = new[] { "cust-branch" } });

        var change = Assert.Single(result.Differences);
        Assert.Equal(_fabrikam.CustomerId, change.CustomerId);
        Assert.Equal((1, 1, 1, -3.60m), (result.Summary.Differences, result.Summary.HeldBackCustomers, result.Summary.HeldBackDifferences, result.Summary.MonthlyRevenueImpact));
    }

    [Theory]
    [InlineData("Contoso; East")] // contains the separator the joined CustomerId text uses
    [InlineData("-East")] // starts with a character the formula guard marks
    public async Task A_held_back_customer_whose_id_does_not_survive_joining_is_still_held_back_whole(string heldBack)
    {
        _tenant.MapCustomer((_contoso with { CustomerId = heldBack }).Mapping());
        var lines = new[]
        {
            _contoso.Seat("CFQ7TTC0LH18", 8, 7.20m, 6.00m),
            _contoso.Seat("CFQ7TTC0LH18", 4, 7.20m, 6.00m, line: 3, customerId: heldBack),
            _fabrikam.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m, line: 4), _fabrikam.Seat("CFQ7TTC0LFK0", 4, 3.60m, 3.00m, line: 5),
        };

        var all = await _tenant.CompareAsync(lines);
        var result = await _tenant.CompareAsync(lines, new CompareOptions { AsOf = AsOf, HeldBackCustomers = new[] { heldBack.ToUpperInvariant() } });

        // Without the hold-back, contoso's contract service sums both ids into one QuantityChange (10 → 12).
        Assert.Contains(all.Differences, d => d.Kind == DifferenceKind.QuantityChange && d.ContractId == _contoso.ContractId && d.VendorQuantity == 12m);
        var change = Assert.Single(result.Differences);
        Assert.Equal(_fabrikam.CustomerId, change.CustomerId);
        Assert.DoesNotContain(result.Differences, d => d.ContractId == _contoso.ContractId);
        Assert.Equal((1, 1, 0, 1, 1), (result.Summary.Differences, result.Summary.Actionable, result.Summary.RequiringForce, result.Summary.HeldBackCustomers, result.Summary.HeldBackDifferences));
        Assert.Equal((-3.60m, -3.00m), (result.Summary.MonthlyRevenueImpact, result.Summary.MonthlyCostImpact));
        Assert.Equal(1, Assert.Single(result.Summary.CountsByKind).Value);
    }

    [Fact]
    public async Task A_held_back_id_is_matched_whole_so_a_customer_named_by_a_piece_of_it_is_not_held_back()
    {
        _tenant.MapCustomer((_contoso with { CustomerId = "Contoso; East" }).Mapping());
        var lines = new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m, customerId: "Contoso; East") };

        var result = await _tenant.CompareAsync(lines, new CompareOptions { AsOf = AsOf, HeldBackCustomers = new[] { "East" } });

        var change = Assert.Single(result.Differences, d => d.ContractId == _contoso.ContractId);
        Assert.Equal((DifferenceKind.QuantityChange, "Contoso; East"), (change.Kind, change.CustomerId));
        Assert.Equal((result.Differences.Count, 0), (result.Summary.Differences, result.Summary.HeldBackDifferences));
    }

    public void Dispose() => _tenant.Dispose();
}
