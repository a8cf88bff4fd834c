namespace Autotask.Billing.Tests.Billing;

/// <summary>Transaction stores its optional values compactly (issue 15); every value set reads back as it was.</summary>
public sealed class TransactionStorageTests
{
    [Fact]
    public void Every_optional_value_reads_back_as_set_and_unset_ones_stay_null()
    {
        var start = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var local = new DateTime(2024, 5, 2, 13, 45, 6, DateTimeKind.Local);
        var full = new Transaction
        {
            UnitPrice = 0m,
            UnitCost = -1.50m,
            ListUnitPrice = 79228162514264337593543950335m,
            Amount = 12.3400m,
            ExchangeRate = 1m,
            ServiceStart = start,
            ServiceEnd = DateTime.MinValue,
            OrderDate = local,
            SubscriptionStart = DateTime.MaxValue,
            Kind = ChargeKind.Recurring,
            CustomerPhone = "+1 555 0100",
            CustomerAddress = "1 Main St",
            CustomerCity = "Leeds",
            CustomerState = "WA",
            CustomerPostalCode = "98052",
        };

        Assert.Equal(
            (0m, -1.50m, 79228162514264337593543950335m, 12.3400m, 1m),
            (full.UnitPrice, full.UnitCost, full.ListUnitPrice, full.Amount, full.ExchangeRate));
        Assert.Equal("12.3400", full.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((start, DateTime.MinValue, local, DateTime.MaxValue), (full.ServiceStart, full.ServiceEnd, full.OrderDate, full.SubscriptionStart));
        Assert.Equal(DateTimeKind.Local, full.OrderDate!.Value.Kind);
        Assert.Equal(ChargeKind.Recurring, full.Kind);
        Assert.Equal(("+1 555 0100", "1 Main St", "Leeds", "WA", "98052"), (full.CustomerPhone, full.CustomerAddress, full.CustomerCity, full.CustomerState, full.CustomerPostalCode));

        var empty = new Transaction { CustomerPhone = null, UnitPrice = null, ServiceStart = null, CustomerCity = "Leeds" };
        Assert.Null(empty.UnitPrice);
        Assert.Null(empty.UnitCost);
        Assert.Null(empty.ListUnitPrice);
        Assert.Null(empty.Amount);
        Assert.Null(empty.ExchangeRate);
        Assert.Null(empty.ServiceStart);
        Assert.Null(empty.ServiceEnd);
        Assert.Null(empty.OrderDate);
        Assert.Null(empty.SubscriptionStart);
        Assert.Null(empty.CustomerPhone);
        Assert.Equal("Leeds", empty.CustomerCity);
        Assert.Null(empty.CustomerAddress);
    }

    [Fact]
    public void Values_cleared_after_being_set_read_null_and_kind_is_derived_unless_given()
    {
        var set = new Transaction { Amount = 5m, ServiceEnd = DateTime.UtcNow, CustomerState = "WA", CustomerCity = "Leeds" };
        var cleared = new Transaction
        {
            Amount = set.Amount, ServiceEnd = set.ServiceEnd, CustomerState = set.CustomerState, CustomerCity = set.CustomerCity,
        };
        typeof(Transaction).GetProperty(nameof(Transaction.ServiceEnd))!.SetValue(cleared, null);
        typeof(Transaction).GetProperty(nameof(Transaction.CustomerState))!.SetValue(cleared, null);
        Assert.Equal(5m, cleared.Amount);
        Assert.Null(cleared.ServiceEnd);
        Assert.Null(cleared.CustomerState);
        Assert.Equal("Leeds", cleared.CustomerCity);

        // Derived: a one-time line with a negative amount is a refund; an explicit kind wins, also when it is the default value.
        Assert.Equal(ChargeKind.Refund, new Transaction { ChargeType = ChargeType.OneTime, Amount = -3m }.Kind);
        Assert.Equal(ChargeKind.OneTime, new Transaction { ChargeType = ChargeType.OneTime, Amount = 3m }.Kind);
        Assert.Equal(default(ChargeKind), new Transaction { ChargeType = ChargeType.OneTime, Amount = -3m, Kind = default }.Kind);
        Assert.Equal(ChargeKind.Trial, new Transaction { ChargeType = ChargeType.Credit, IsTrial = true }.Kind);
    }
}
