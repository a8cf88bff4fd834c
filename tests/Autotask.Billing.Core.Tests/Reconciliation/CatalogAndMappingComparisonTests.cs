using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class CatalogAndMappingComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly long _exchange;
    private readonly TenantCustomer _contoso;

    public CatalogAndMappingComparisonTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _exchange = _tenant.AddService("CFQ7TTC0LH16", "Exchange Online (Plan 1)", 4.80m, 4.00m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _tenant.AddUnits(_contoso, _basic, 10);
    }

    [Fact]
    public async Task A_sku_billed_but_not_on_the_contract_is_a_new_service_with_prices_set_as_it_is_added()
    {
        _tenant.Settings = _tenant.Settings with { DefaultPricingStrategy = PricingStrategy.NoneOnUpdate };

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0LH16", 3, 5.00m, 4.10m, line: 3) });

        var difference = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.NewService, difference.Kind);
        Assert.Equal(_exchange, difference.ServiceId);
        Assert.Null(difference.ContractServiceId);
        Assert.Equal(0m, difference.AutotaskQuantity);
        Assert.Equal(3m, difference.QuantityDelta);
        Assert.Equal(5.00m, difference.TargetUnitPrice);
        Assert.Equal(4.10m, difference.TargetUnitCost);
        Assert.Equal(15.00m, difference.MonthlyRevenueImpact);
        Assert.True(difference.IsActionable);
        Assert.Contains("is not on contract", difference.Reason);
    }

    [Fact]
    public async Task A_sku_the_mapping_says_to_create_is_a_missing_service_with_the_name_sync_gives_it()
    {
        _tenant.MapSku(new ServiceMapping(Pax8, "CFQ7TTC0RM8K") { Action = MappingAction.Create, NameTemplate = "PC_{Sku}" });

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0RM8K", 5, 9.60m, 8.00m, line: 3) });

        var difference = result.Single(DifferenceKind.MissingService);
        Assert.True(difference.IsActionable);
        Assert.Null(difference.ServiceId);
        Assert.Equal("PC_CFQ7TTC0RM8K", difference.ServiceName);
        Assert.Equal(9.60m, difference.TargetUnitPrice);
        Assert.Equal(48.00m, difference.MonthlyRevenueImpact);
    }

    [Fact]
    public async Task A_sku_mapped_to_a_service_autotask_no_longer_has_is_reported_not_actionable()
    {
        _tenant.MapSku(new ServiceMapping(Pax8, "GONE-SKU") { ServiceId = 99_999_999 });

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("GONE-SKU", 5, 1m, 1m, line: 3) });

        var difference = result.Single(DifferenceKind.MissingService);
        Assert.False(difference.IsActionable);
        Assert.Equal("MappedServiceNotFound", difference.Rule);
    }

    [Fact]
    public async Task An_unmapped_customer_comes_out_with_a_suggested_company()
    {
        var fabrikam = _tenant.AddCustomer("Fabrikam Logistics", map: false);

        var result = await _tenant.CompareAsync(new[] { fabrikam.Seat("CFQ7TTC0LH18", 6, 7.20m, 6.00m) });

        var difference = result.Single(DifferenceKind.UnmappedCustomer);
        Assert.False(difference.IsActionable);
        Assert.Equal(fabrikam.CompanyId, difference.SuggestedCompanyId);
        Assert.Contains("Fabrikam Logistics", difference.Suggestions);
        Assert.Contains("ExactName", difference.Suggestions);
        Assert.Equal(43.20m, difference.MonthlyRevenueImpact);
        Assert.Equal(1, result.Summary.UnmappedCustomers);
    }

    [Fact]
    public async Task An_unmapped_sku_comes_out_with_a_suggested_service()
    {
        var teams = _tenant.AddService("CFQ7TTC0QW7F", "Microsoft Teams Essentials", 4.80m, 4.00m, map: false);

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("CFQ7TTC0QW7F", 2, 4.80m, 4.00m, line: 3) });

        var difference = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.UnmappedSku, difference.Kind);
        Assert.Equal(teams, difference.SuggestedServiceId);
        Assert.Equal(_contoso.ContractId, difference.ContractId);
        Assert.Contains("Microsoft Teams Essentials", difference.Suggestions);
        Assert.Equal(1, result.Summary.UnmappedSkus);
    }

    [Fact]
    public async Task Every_company_is_read_in_one_bulk_read_only_when_a_customer_is_unmapped()
    {
        var mapped = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) }, prefetch: false);
        var companyReadsWhenMapped = _tenant.Server.RequestsTo("Companies");
        var unmapped = await _tenant.CompareAsync(new[] { VendorLines.Seat(Pax8, "unknown", "Unknown Co", "NEW-SKU", 1) }, prefetch: false);
        var companyReadsWhenUnmapped = _tenant.Server.RequestsTo("Companies") - companyReadsWhenMapped;
        await _tenant.CompareAsync(new[] { VendorLines.Seat(Pax8, "unknown", "Unknown Co", "NEW-SKU", 1) });

        Assert.Single(mapped.Differences);
        Assert.Equal(1, companyReadsWhenMapped);
        Assert.Equal(DifferenceKind.UnmappedCustomer, Assert.Single(unmapped.Differences, d => d.Kind != DifferenceKind.Removed).Kind);
        Assert.All(unmapped.Differences.Where(d => d.Kind == DifferenceKind.Removed), d => Assert.False(d.IsActionable, "an absent customer is reported only"));
        Assert.Equal(2, companyReadsWhenUnmapped);

        // Read ahead (as Compare-AtContract does), the mapped contracts' companies may have been asked for by id before
        // the lines showed an unmapped customer: that one read is the price of the overlap. Asked for once the load
        // knows it reads every company, they are not (PrefetchReleaseTests).
        Assert.InRange(
            _tenant.Server.RequestsTo("Companies"),
            companyReadsWhenMapped + companyReadsWhenUnmapped + companyReadsWhenUnmapped,
            companyReadsWhenMapped + companyReadsWhenUnmapped + companyReadsWhenUnmapped + 1);
        Assert.Equal(0, _tenant.Server.RequestsTo("Products"));
    }

    [Fact]
    public async Task A_customer_the_mapping_says_to_create_is_a_missing_company_carrying_what_sync_will_add()
    {
        _tenant.MapCustomer(new CustomerMapping(Pax8, "new-1") { CompanyAction = MappingAction.Create, ContractAction = MappingAction.Create });
        var existingCompany = _tenant.AddCustomer("Tailspin Toys", map: false);
        _tenant.MapCustomer(new CustomerMapping(Pax8, "new-2") { CompanyAction = MappingAction.Existing, CompanyId = existingCompany.CompanyId, ContractAction = MappingAction.Create });

        var result = await _tenant.CompareAsync(new[]
        {
            VendorLines.Seat(Pax8, "new-1", "Litware Inc", "CFQ7TTC0LH18", 6, 7.20m, 6.00m),
            VendorLines.Seat(Pax8, "new-2", "Tailspin Toys", "CFQ7TTC0LH16", 3, 4.80m, 4.00m, line: 3),
        });

        var company = result.Single(DifferenceKind.MissingCompany);
        Assert.True(company.CreateCompany);
        Assert.True(company.CreateContract);
        Assert.Equal("Cloud services, Litware Inc", company.ContractName);
        Assert.Equal(_basic, company.ServiceId);
        Assert.True(company.IsActionable);
        var contract = result.Single(DifferenceKind.MissingContract);
        Assert.False(contract.CreateCompany);
        Assert.Equal(existingCompany.CompanyId, contract.CompanyId);
        Assert.Equal("Tailspin Toys", contract.CompanyName);
    }

    [Fact]
    public async Task A_customer_mapped_to_a_contract_autotask_does_not_have_is_reported_not_actionable()
    {
        _tenant.MapCustomer(_contoso.Mapping() with { ContractId = 99_999_999 });

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) });

        var difference = result.Single(DifferenceKind.MissingContract);
        Assert.False(difference.IsActionable);
        Assert.Equal("MappedContractNotFound", difference.Rule);
    }

    [Fact]
    public async Task Excluded_skus_are_dropped_and_counted()
    {
        _tenant.MapSku(new ServiceMapping(Pax8, "TRIAL-SKU") { Excluded = true });

        var result = await _tenant.CompareAsync(new[] { _contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m), _contoso.Seat("TRIAL-SKU", 25, line: 3) });

        Assert.Empty(result.Differences);
        Assert.Equal(1, result.Summary.ExcludedSkuLines);
    }

    public void Dispose() => _tenant.Dispose();
}
