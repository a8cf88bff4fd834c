using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class ContractSnapshotLoaderTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly long _basic;
    private readonly long _backup;
    private readonly long _unused;
    private readonly TenantCustomer _contoso;
    private readonly TenantCustomer _fabrikam;
    private readonly TenantCustomer _timeAndMaterials;

    public ContractSnapshotLoaderTests()
    {
        _basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _backup = _tenant.AddService("BACKUP-Q", "Backup (quarterly)", 30.00m, 18.00m, period: "Quarterly");
        _unused = _tenant.AddService("UNUSED", "Not on any contract", 1m, 1m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _fabrikam = _tenant.AddCustomer("Fabrikam Logistics");
        _timeAndMaterials = _tenant.AddCustomer("Hourly Client", contractType: "Time & Materials");
        _tenant.AddUnits(_contoso, _basic, 10);
        _tenant.AddUnits(_contoso, _backup, 3);
        _tenant.AddUnits(_contoso, _basic, 5, from: Day(2026, 11, 1));
        _tenant.AddUnits(_fabrikam, _basic, 4);
        _tenant.Data.Overwrite("Contracts", _fabrikam.ContractId, new Newtonsoft.Json.Linq.JObject
        {
            ["status"] = _tenant.Data.PicklistValue("Contracts", "status", "Inactive"),
        });
    }

    [Fact]
    public async Task Contracts_of_chosen_companies_come_with_their_services_units_in_force_and_only_the_services_they_use()
    {
        using var client = await _tenant.ConnectAsync();

        var snapshot = await new ContractSnapshotLoader(client).LoadAsync(
            ContractSelection.ForCompanies(new[] { _contoso.CompanyId }), new ContractSnapshotOptions { AsOf = AsOf });

        Assert.Equal(new[] { _contoso.ContractId }, snapshot.Contracts.Keys);
        Assert.Equal(2, snapshot.ServicesOn(_contoso.ContractId).Count);
        Assert.Equal(new[] { _backup, _basic }.OrderBy(id => id), snapshot.Services.Keys.OrderBy(id => id));
        Assert.DoesNotContain(_unused, snapshot.Services.Keys);
        Assert.Equal("Contoso Dental", snapshot.CompanyOf(_contoso.CompanyId)!.CompanyName);
        Assert.InRange(snapshot.Requests, snapshot.MinimumRequests, ContractSnapshot.RequestAllowance(snapshot.MinimumRequests));
    }

    [Fact]
    public async Task Active_only_and_recurring_only_narrow_the_contracts_by_label_and_type()
    {
        using var client = await _tenant.ConnectAsync();
        var loader = new ContractSnapshotLoader(client);
        var options = new ContractSnapshotOptions { AsOf = AsOf, IncludeContractServices = false };

        var active = await loader.LoadAsync(new ContractSelection { ActiveOnly = true }, options);
        var recurring = await loader.LoadAsync(new ContractSelection { RecurringOnly = true }, options);
        var everything = await loader.LoadAsync(ContractSelection.All, options);

        Assert.Equal(new[] { _contoso.ContractId, _timeAndMaterials.ContractId }, active.Contracts.Keys.OrderBy(id => id));
        Assert.Equal(new[] { _contoso.ContractId, _fabrikam.ContractId }, recurring.Contracts.Keys.OrderBy(id => id));
        Assert.Equal(3, everything.Contracts.Count);
        Assert.Empty(everything.ContractServicesByContract.Values.SelectMany(s => s));
    }

    [Fact]
    public async Task Read_models_show_labels_units_in_force_current_prices_and_monthly_money()
    {
        using var client = await _tenant.ConnectAsync();
        var snapshot = await new ContractSnapshotLoader(client).LoadAsync(
            ContractSelection.ForContracts(new[] { _contoso.ContractId, _fabrikam.ContractId }), new ContractSnapshotOptions { AsOf = AsOf });

        var contracts = ContractReadModel.Contracts(snapshot).ToList();
        var services = ContractReadModel.ContractServices(snapshot).ToList();

        var contoso = contracts.Single(c => c.ContractId == _contoso.ContractId);
        Assert.Equal(("Active", true, "Recurring Service", "Monthly"), (contoso.Status, contoso.IsActive, contoso.ContractType, contoso.PeriodType));
        Assert.False(contracts.Single(c => c.ContractId == _fabrikam.ContractId).IsActive);
        Assert.Equal(Day(2026, 1, 1), contoso.StartDate);
        var basic = services.Single(s => s.ContractId == _contoso.ContractId && s.ServiceId == _basic);
        Assert.Equal(10, basic.Units);
        Assert.Equal((7.20m, 6.00m, 72.00m, 60.00m), (basic.UnitPrice!.Value, basic.UnitCost!.Value, basic.MonthlyRevenue!.Value, basic.MonthlyCost!.Value));
        Assert.Equal("CFQ7TTC0LH18", basic.Sku);
        Assert.Equal(Day(2026, 10, 1), basic.UnitsPeriodStart);
        Assert.Equal("Contoso Dental", basic.CompanyName);
        var backup = services.Single(s => s.ServiceId == _backup);
        Assert.Equal((decimal?)30.00m, backup.MonthlyRevenue);
        Assert.Equal(AsOf, backup.AsOf);
    }

    [Fact]
    public async Task A_later_as_of_date_reads_the_units_in_force_then()
    {
        using var client = await _tenant.ConnectAsync();

        var snapshot = await new ContractSnapshotLoader(client).LoadAsync(
            ContractSelection.ForContracts(new[] { _contoso.ContractId }), new ContractSnapshotOptions { AsOf = Day(2026, 11, 15) });

        var basic = ContractReadModel.ContractServices(snapshot).Single(s => s.ServiceId == _basic);
        Assert.Equal(15, basic.Units);
    }

    public void Dispose() => _tenant.Dispose();
}
