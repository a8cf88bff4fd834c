using System.Reflection;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Tests.Reconciliation;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// How the objects a month's compare holds by the hundred thousand are stored (issue 15): a customer's seats share its
/// name and contact details, a seat's lines are one field, and rarely used Autotask fields take room only when set.
/// What each property shows is unchanged.
/// </summary>
public sealed class SeatStorageTests
{
    private static readonly DateTime AsOf = CompareTenant.Day(2026, 10, 31);

    [Fact]
    public void A_customers_seats_share_its_details_and_each_keeps_what_its_own_lines_say()
    {
        var contoso = new[] { "CFQ7TTC0LH18", "CFQ7TTC0LFK0", "CFQ7TTC0LCHC" }
            .Select((sku, i) => With(VendorLines.Seat("PartnerCenter", "contoso", "Contoso Pharmacy", sku, 5 + i, line: 2 + i), "+1 555 0100", "1 Main St"))
            .ToList();
        var tailspin = With(VendorLines.Seat("PartnerCenter", "tailspin", "Tailspin Toys", "CFQ7TTC0LH18", 3, line: 10), "+1 555 0199", "9 Side St");
        // Fabrikam's phone is on one SKU's lines only: that seat says so, and the other does not borrow it.
        var fabrikamBasic = With(VendorLines.Seat("PartnerCenter", "fabrikam", "Fabrikam", "CFQ7TTC0LH18", 2, line: 20), null, null);
        var fabrikamPremium = With(VendorLines.Seat("PartnerCenter", "fabrikam", "Fabrikam", "CFQ7TTC0LCHC", 2, line: 21), "+1 555 0142", null);

        var seats = TransactionSummarizer.Summarize(contoso.Append(tailspin).Append(fabrikamBasic).Append(fabrikamPremium), AsOf);

        var contosoSeats = seats.Where(s => s.CustomerId == "contoso").ToList();
        Assert.Equal(3, contosoSeats.Count);
        Assert.All(contosoSeats, s => Assert.Same(contosoSeats[0].Customer, s.Customer));
        Assert.All(contosoSeats, s => Assert.Equal(("Contoso Pharmacy", "+1 555 0100", "1 Main St", "Springfield"), (s.CustomerName, s.CustomerPhone, s.CustomerAddress, s.CustomerCity)));
        var tailspinSeat = Assert.Single(seats, s => s.CustomerId == "tailspin");
        Assert.NotSame(contosoSeats[0].Customer, tailspinSeat.Customer);
        Assert.Equal(("Tailspin Toys", "+1 555 0199", "9 Side St"), (tailspinSeat.CustomerName, tailspinSeat.CustomerPhone, tailspinSeat.CustomerAddress));
        Assert.Null(Assert.Single(seats, s => s.CustomerId == "fabrikam" && s.Sku == "CFQ7TTC0LH18").CustomerPhone);
        Assert.Equal("+1 555 0142", Assert.Single(seats, s => s.CustomerId == "fabrikam" && s.Sku == "CFQ7TTC0LCHC").CustomerPhone);
    }

    [Fact]
    public void Details_set_by_an_initializer_belong_to_that_seat_alone()
    {
        var first = new TransactionSummary { CustomerName = "Contoso", CustomerCity = "Springfield", CustomerDomain = "contoso.example" };
        var second = new TransactionSummary { CustomerCity = "Shelbyville", CustomerName = "Tailspin" };

        Assert.Equal(("Contoso", "Springfield", "contoso.example"), (first.CustomerName, first.CustomerCity, first.CustomerDomain));
        Assert.Equal(("Tailspin", "Shelbyville", null), (second.CustomerName, second.CustomerCity, second.CustomerDomain));
        Assert.Equal(string.Empty, new TransactionSummary().CustomerName);
        Assert.Null(new TransactionSummary().CustomerCity);
    }

    [Fact]
    public void Subscription_ids_and_provenance_given_as_lists_are_kept_whichever_comes_first()
    {
        var reference = new TransactionReference("T-1", "file.csv", 2);
        var idsFirst = new TransactionSummary { SubscriptionIds = new[] { "sub-1" }, Provenance = new[] { reference } };
        var provenanceFirst = new TransactionSummary { Provenance = new[] { reference }, SubscriptionIds = new[] { "sub-1" } };

        Assert.Equal(new[] { "sub-1" }, idsFirst.SubscriptionIds);
        Assert.Equal(new[] { reference }, idsFirst.Provenance);
        Assert.Equal(new[] { "sub-1" }, provenanceFirst.SubscriptionIds);
        Assert.Equal(new[] { reference }, provenanceFirst.Provenance);
        Assert.Empty(new TransactionSummary().SubscriptionIds);
        Assert.Empty(new TransactionSummary().Provenance);
    }

    [Fact]
    public void A_seat_summed_from_a_buffer_reads_its_lines_from_it()
    {
        var lines = new[] { VendorLines.Seat("PartnerCenter", "contoso", "Contoso", "CFQ7TTC0LH18", 5, subscription: "sub-a", line: 2), VendorLines.Seat("PartnerCenter", "contoso", "Contoso", "CFQ7TTC0LH18", 2, subscription: "sub-b", line: 3) };
        using var taken = new ComparisonLines(new MappingDocument(BillingSettings.Default, Array.Empty<CustomerMapping>(), Array.Empty<ServiceMapping>()), new CompareOptions { AsOf = AsOf, Currency = "USD" });
        foreach (var line in lines)
        {
            taken.Add(line);
        }

        var seat = Assert.Single(taken.Input(AsOf).Seats);
        Assert.Equal(new[] { "sub-a", "sub-b" }, seat.SubscriptionIds);
        Assert.Equal(lines.Select(l => (l.TransactionId, l.SourceLine)), seat.Provenance.Select(p => (p.TransactionId, p.SourceLine)));
    }

    [Theory]
    [InlineData(typeof(ContractService), "QuoteItemID")]
    [InlineData(typeof(ContractService), "InternalCurrencyUnitPrice")]
    [InlineData(typeof(ContractServiceUnit), "VendorCompanyID")]
    [InlineData(typeof(ContractServiceUnit), "InternalCurrencyPrice")]
    public void A_row_takes_room_for_a_rarely_used_field_only_when_it_has_one(Type type, string rarelyUsed)
    {
        var rare = type.GetField("_rare", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var row = Activator.CreateInstance(type)!;

        // What a page sets for a row: every field it names, null or not. The fields a compare reads take no extra room.
        foreach (var optional in type.GetProperties().Where(p => Nullable.GetUnderlyingType(p.PropertyType) is not null))
        {
            optional.SetValue(row, null);
        }

        type.GetProperty("UnitPrice")?.SetValue(row, 7.20m);
        type.GetProperty("Price")?.SetValue(row, 7.20m);
        Assert.Null(rare.GetValue(row));

        var property = type.GetProperty(rarelyUsed)!;
        var value = Convert.ChangeType(7, Nullable.GetUnderlyingType(property.PropertyType)!, System.Globalization.CultureInfo.InvariantCulture);
        property.SetValue(row, value);
        Assert.NotNull(rare.GetValue(row));
        Assert.Equal(value, property.GetValue(row));
    }

    private static Transaction With(Transaction line, string? phone, string? address) => new()
    {
        Source = line.Source,
        TransactionId = line.TransactionId,
        CustomerId = line.CustomerId,
        CustomerName = line.CustomerName,
        CustomerPhone = phone,
        CustomerAddress = address,
        CustomerCity = address is null ? null : "Springfield",
        Sku = line.Sku,
        ProductName = line.ProductName,
        ChargeType = line.ChargeType,
        Quantity = line.Quantity,
        Currency = line.Currency,
        ServiceStart = line.ServiceStart,
        ServiceEnd = line.ServiceEnd,
        SubscriptionId = line.SubscriptionId,
        BillingCycle = line.BillingCycle,
        SourceFile = line.SourceFile,
        SourceLine = line.SourceLine,
    };
}
