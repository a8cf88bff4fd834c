using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Newtonsoft.Json.Linq;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>What Compare takes from the store besides the mappings, and lines sync has already charged.</summary>
public sealed class SettingsAndChargedLineComparisonTests : IDisposable
{
    private readonly CompareTenant _tenant = new();

    [Fact]
    public async Task A_company_to_create_gets_the_mappings_phone_and_address_whole_else_the_lines()
    {
        _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _tenant.MapCustomer(new CustomerMapping(Pax8, "new-1") { CompanyAction = MappingAction.Create, ContractAction = MappingAction.Create, Phone = "+1 425 555 0187", City = "Redmond", WebAddress = "https://litware.example" });
        _tenant.MapCustomer(new CustomerMapping(Pax8, "new-2") { CompanyAction = MappingAction.Create, ContractAction = MappingAction.Create });
        var fromVendor = new Transaction
        {
            Source = Pax8, TransactionId = "T-1", CustomerName = "Litware Inc", Sku = "CFQ7TTC0LH18", ChargeType = ChargeType.Recurring, Quantity = 6, Currency = "USD",
            ServiceStart = Day(2026, 10, 1), ServiceEnd = Day(2026, 10, 31), SourceFile = VendorLines.File, SourceLine = 2,
            CustomerPhone = "555-0000", CustomerAddress = "1 Main St", CustomerCity = "Seattle", CustomerState = "WA", CustomerPostalCode = "98101",
        };

        var result = await _tenant.CompareAsync(new[] { Copy(fromVendor, "new-1"), Copy(fromVendor, "new-2") });

        var mapped = Assert.Single(result.Differences, d => d.CustomerId == "new-1");
        Assert.Equal(DifferenceKind.MissingCompany, mapped.Kind);
        // The phone is spreadsheet-guarded in the difference ("+1 ..." would run as a formula) and restored for the sync.
        Assert.Equal(("'+1 425 555 0187", null, "Redmond", null, null, "https://litware.example"),
            (mapped.CustomerPhone, mapped.CustomerAddress, mapped.CustomerCity, mapped.CustomerState, mapped.CustomerPostalCode, mapped.CustomerWebAddress));
        Assert.Equal("+1 425 555 0187", ContractDifferenceReader.Restored(mapped).CustomerPhone);
        var vendor = Assert.Single(result.Differences, d => d.CustomerId == "new-2");
        Assert.Equal(("555-0000", "1 Main St", "Seattle", "WA", "98101", null),
            (vendor.CustomerPhone, vendor.CustomerAddress, vendor.CustomerCity, vendor.CustomerState, vendor.CustomerPostalCode, vendor.CustomerWebAddress));
    }

    [Fact]
    public async Task Without_a_run_currency_the_stores_currency_decides_which_lines_are_foreign()
    {
        var customer = _tenant.AddCustomer("Contoso");
        var service = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _tenant.AddUnits(customer, service, 10, price: 7.20m, cost: 6.00m);
        _tenant.Settings = _tenant.Settings with { Currency = "EUR" };
        var inEuro = VendorLines.Seat(Pax8, customer.CustomerId, customer.Name, "CFQ7TTC0LH18", 12, 7.20m, 6.00m, currency: "EUR");
        var inDollars = VendorLines.Seat(Pax8, customer.CustomerId, customer.Name, "CFQ7TTC0LH18", 12, 7.20m, 6.00m, currency: "USD");

        var euro = await _tenant.CompareAsync(new[] { inEuro });
        var dollars = await _tenant.CompareAsync(new[] { inDollars });
        var dollarRun = await _tenant.CompareAsync(new[] { inDollars }, new CompareOptions { AsOf = AsOf, Currency = "usd" });

        Assert.Equal(DifferenceKind.QuantityChange, Assert.Single(euro.Differences).Kind);
        Assert.Equal("EUR", euro.Summary.Currency);
        Assert.Equal(DifferenceKind.CurrencyMismatch, Assert.Single(dollars.Differences).Kind);
        Assert.Equal(DifferenceKind.QuantityChange, Assert.Single(dollarRun.Differences).Kind);
    }

    [Fact]
    public async Task Usage_is_carried_as_a_service_when_the_store_says_so_unless_the_run_says_otherwise()
    {
        var customer = _tenant.AddCustomer("Contoso");
        _tenant.AddService("DZH318Z0BQ4L", "Azure plan", 0m, 0m);
        _tenant.Settings = _tenant.Settings with { UsageAsService = true };
        var usage = customer.OneTime("DZH318Z0BQ4L", 1, 312.45m, 284.05m, "PX8-0013", ChargeType.Usage);

        var asService = await _tenant.CompareAsync(new[] { usage });
        var asCharge = await _tenant.CompareAsync(new[] { usage }, new CompareOptions { AsOf = AsOf, UsageAsService = false });

        Assert.Equal(DifferenceKind.NewService, Assert.Single(asService.Differences).Kind);
        Assert.Equal(DifferenceKind.OneTimeCharge, Assert.Single(asCharge.Differences).Kind);
    }

    [Fact]
    public async Task A_line_whose_charge_sync_already_made_is_in_step_and_costs_one_more_read()
    {
        var customer = _tenant.AddCustomer("Contoso");
        var product = _tenant.AddProduct("SURF-DOCK-2", "Surface Dock 2", 129.00m, 99.00m);
        _tenant.Data.Insert("ContractCharges", new JObject
        {
            ["contractID"] = customer.ContractId, ["name"] = "Surface Dock 2", ["chargeType"] = _tenant.Data.PicklistValue("ContractCharges", "chargeType", "Operational"),
            ["datePurchased"] = "2026-10-14T00:00:00.000", ["unitQuantity"] = 2, ["unitPrice"] = 129.00m, ["unitCost"] = 99.00m, ["productID"] = product,
            ["internalPurchaseOrderNumber"] = "PX8-0004", ["isBillableToCompany"] = true,
        });
        var charged = customer.OneTime("SURF-DOCK-2", 2, 129.00m, 99.00m, "PX8-0004");
        var notYet = customer.OneTime("SURF-DOCK-2", 1, 129.00m, 99.00m, "PX8-0099");

        var result = await _tenant.CompareAsync(new[] { charged, notYet });
        var chargeReads = _tenant.Server.RequestsMatching("ContractCharges");
        var withMatch = await _tenant.CompareAsync(new[] { charged, notYet }, new CompareOptions { AsOf = AsOf, IncludeMatch = true });

        Assert.Equal("PX8-0099", Assert.Single(result.Differences).TransactionId);
        Assert.Equal(DifferenceKind.OneTimeCharge, result.Differences[0].Kind);
        var match = withMatch.Single(DifferenceKind.Match);
        Assert.Equal("PX8-0004", match.TransactionId);
        Assert.False(match.IsActionable);
        Assert.Equal(1, chargeReads);
        Assert.InRange(result.Summary.AutotaskRequests, result.Summary.MinimumRequests, result.Summary.RequestAllowance);
    }

    [Fact]
    public async Task Contracts_without_one_time_lines_have_no_charges_read()
    {
        var customer = _tenant.AddCustomer("Contoso");
        var service = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _tenant.AddUnits(customer, service, 10, price: 7.20m, cost: 6.00m);

        await _tenant.CompareAsync(new[] { customer.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) });

        Assert.Equal(0, _tenant.Server.RequestsMatching("ContractCharges"));
    }

    public void Dispose() => _tenant.Dispose();

    private static Transaction Copy(Transaction line, string customerId) => new()
    {
        Source = line.Source, TransactionId = line.TransactionId + customerId, CustomerId = customerId, CustomerName = line.CustomerName, Sku = line.Sku,
        ChargeType = line.ChargeType, Quantity = line.Quantity, Currency = line.Currency, ServiceStart = line.ServiceStart, ServiceEnd = line.ServiceEnd,
        SourceFile = line.SourceFile, SourceLine = line.SourceLine, CustomerPhone = line.CustomerPhone, CustomerAddress = line.CustomerAddress,
        CustomerCity = line.CustomerCity, CustomerState = line.CustomerState, CustomerPostalCode = line.CustomerPostalCode,
    };
}
