namespace Autotask.Billing.Tests.Billing;

public sealed class TransactionSummarizerTests
{
    private static Transaction Line(string id, decimal quantity, string start, string end, bool prorated = false, string subscription = "S1", ChargeType type = ChargeType.Recurring, decimal price = 10m) => new()
    {
        Source = "Intermedia",
        TransactionId = id,
        CustomerId = "A-77",
        CustomerName = "TestCompany",
        Sku = "EXO",
        ChargeType = type,
        Quantity = quantity,
        UnitPrice = price,
        UnitCost = price - 2,
        Currency = "USD",
        ServiceStart = DateTime.SpecifyKind(DateTime.Parse(start), DateTimeKind.Utc),
        ServiceEnd = DateTime.SpecifyKind(DateTime.Parse(end), DateTimeKind.Utc),
        SubscriptionId = subscription,
        IsProrated = prorated,
        SourceFile = "f.csv",
        SourceLine = int.Parse(id.Substring(1)),
    };

    [Fact]
    public void A_prorated_mid_period_add_does_not_count_seats_twice_but_dates_the_change()
    {
        var lines = new[]
        {
            Line("L1", 5, "2024-05-01", "2024-05-31"),
            Line("L2", 2, "2024-05-20", "2024-05-31", prorated: true, price: 3.55m),
            Line("L3", 7, "2024-06-01", "2024-06-30"),
        };

        var may = Assert.Single(TransactionSummarizer.Summarize(lines, new DateTime(2024, 5, 25)));
        var june = Assert.Single(TransactionSummarizer.Summarize(lines, new DateTime(2024, 6, 10)));

        Assert.Equal(5m, may.Quantity);
        Assert.Equal(10m, may.UnitPrice);
        Assert.Equal(7m, june.Quantity);
        Assert.Equal(new DateTime(2024, 5, 20, 0, 0, 0, DateTimeKind.Utc), june.ChangeDate);
        Assert.Equal(new[] { "L3" }, june.Provenance.Select(p => p.TransactionId));
    }

    [Fact]
    public void With_no_line_covering_the_date_the_latest_period_counts()
    {
        var lines = new[] { Line("L1", 5, "2024-04-01", "2024-04-30"), Line("L2", 6, "2024-05-01", "2024-05-31") };

        var summary = Assert.Single(TransactionSummarizer.Summarize(lines, new DateTime(2024, 6, 4)));

        Assert.Equal(6m, summary.Quantity);
        Assert.Equal(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), summary.ChangeDate);
        Assert.Equal(new DateTime(2024, 6, 4, 0, 0, 0, DateTimeKind.Utc), summary.AsOf);
    }

    [Fact]
    public void Per_user_subscriptions_add_up_and_one_time_lines_carry_no_seats()
    {
        var lines = new[]
        {
            Line("L1", 1, "2024-05-01", "2024-05-31", subscription: "alice"),
            Line("L2", 1, "2024-05-01", "2024-05-31", subscription: "bob"),
            Line("L3", 4, "2024-05-01", "2024-05-01", subscription: "bob", type: ChargeType.OneTime),
        };

        var summary = Assert.Single(TransactionSummarizer.Summarize(lines, new DateTime(2024, 5, 15)));

        Assert.Equal(2m, summary.Quantity);
        Assert.Equal(new[] { "alice", "bob" }, summary.SubscriptionIds);
    }
}
