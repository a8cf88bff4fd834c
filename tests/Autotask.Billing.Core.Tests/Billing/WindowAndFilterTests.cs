namespace Autotask.Billing.Tests.Billing;

public sealed class WindowAndFilterTests
{
    private const string Csv =
        "TransactionId,CustomerId,Sku,ChargeType,Category,Quantity,UnitPrice,UnitCost,ServiceStart,ServiceEnd\r\n" +
        "T1,C1,EXO,Recurring,MR,5,4,3,2024-05-01,2024-05-31\r\n" +
        "T2,C1,EXO,Recurring,MR,5,4,3,2024-03-01,2024-03-31\r\n" +
        "T3,C2,TEAMS,OneTime,AL,1,0,0,2024-05-10,2024-05-10\r\n" +
        "T4,C2,FREE,Recurring,XX,1,0,0,2024-05-10,2024-05-31\r\n" +
        "T5,C3,EXO,Usage,MR,2,1,1,2024-04-20,2024-05-02\r\n";

    private static (List<string> Ids, BillingReadSummary Summary) Read(BillingReadOptions options)
    {
        using var files = new BillingTestFiles();
        var path = files.Write("lines.csv", Csv);
        var (transactions, _, reader) = BillingTestFiles.ReadAll(options, path);
        return (transactions.Select(t => t.TransactionId).ToList(), reader.Summaries[0]);
    }

    [Fact]
    public void By_default_the_window_is_the_30_days_before_today_by_service_date_overlap()
    {
        var (ids, summary) = Read(new BillingReadOptions { Today = new DateTime(2024, 5, 25) });

        Assert.Equal(new[] { "T1", "T3", "T4", "T5" }, ids);
        Assert.Equal(1, summary.SkippedByRule[BillingSkipRule.OutsideWindow]);
    }

    [Fact]
    public void A_month_window_keeps_lines_whose_period_touches_the_month()
    {
        var (ids, _) = Read(new BillingReadOptions { Window = BillingWindow.ForMonth("2024-04") });

        Assert.Equal(new[] { "T5" }, ids);
    }

    [Fact]
    public void Since_and_until_bound_the_window_inclusively()
    {
        var (ids, _) = Read(new BillingReadOptions { Window = BillingWindow.Between(new DateTime(2024, 3, 31), new DateTime(2024, 4, 20)) });

        Assert.Equal(new[] { "T2", "T5" }, ids);
    }

    [Fact]
    public void Every_filter_counts_what_it_dropped_under_its_own_rule()
    {
        var (ids, summary) = Read(new BillingReadOptions
        {
            Window = BillingWindow.Unbounded,
            Categories = new[] { "MR", "AL" },
            ChargeTypes = new[] { ChargeType.Recurring, ChargeType.OneTime },
            CustomerIds = new[] { "c1", "C2" },
            ExcludedSkus = new[] { "TEAMS" },
            DropZeroAmount = true,
        });

        Assert.Equal(new[] { "T1", "T2" }, ids);
        Assert.Equal(1, summary.SkippedByRule[BillingSkipRule.ExcludedSku]);
        Assert.Equal(1, summary.SkippedByRule[BillingSkipRule.CategoryFilter]);
        Assert.Equal(1, summary.SkippedByRule[BillingSkipRule.ChargeTypeFilter]);
        Assert.Equal(5, summary.Emitted + summary.Skipped + summary.Rejected);
    }

    [Fact]
    public void Zero_amount_lines_and_sku_filters_are_their_own_rules()
    {
        var (ids, summary) = Read(new BillingReadOptions { Window = BillingWindow.Unbounded, Skus = new[] { "EXO", "FREE" }, DropZeroAmount = true });

        Assert.Equal(new[] { "T1", "T2", "T5" }, ids);
        Assert.Equal(1, summary.SkippedByRule[BillingSkipRule.SkuFilter]);
        Assert.Equal(1, summary.SkippedByRule[BillingSkipRule.ZeroAmount]);
    }

    [Fact]
    public void A_month_that_is_not_yyyy_mm_is_refused()
    {
        Assert.Throws<ArgumentException>(() => BillingWindow.ForMonth("May 2024"));
    }
}
