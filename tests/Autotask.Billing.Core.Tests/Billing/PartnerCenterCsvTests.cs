namespace Autotask.Billing.Tests.Billing;

public sealed class PartnerCenterCsvTests
{
    private static readonly DateTime June11 = new(2024, 6, 11, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime June12 = new(2024, 6, 12, 0, 0, 0, DateTimeKind.Utc);

    // Microsoft's worked examples (FORMATS.md §1.1.2): unit price 4, 30-day cycle; Quantity is the absolute seat
    // count on each leg, the sign is in the amount.
    public static TheoryData<string, string[][], decimal, decimal, DateTime> WorkedExamples => new()
    {
        {
            "buy 1 on 11 Jun, add 1 later that day",
            new[]
            {
                new[] { "ChargeType=New", "Quantity=1", "Subtotal=4.00", "OrderDate=6/11/2024 9:00", "ReferenceId=r1" },
                new[] { "ChargeType=addQuantity", "Quantity=1", "Subtotal=-4.00", "OrderDate=6/11/2024 15:00", "ReferenceId=r2" },
                new[] { "ChargeType=addQuantity", "Quantity=2", "Subtotal=8.00", "OrderDate=6/11/2024 15:00", "ReferenceId=r2" },
            },
            2m, 2m, June11
        },
        {
            "buy 1 on 11 Jun, add 1 on 12 Jun",
            new[]
            {
                new[] { "ChargeType=New", "Quantity=1", "Subtotal=4.00", "OrderDate=6/11/2024 9:00", "ReferenceId=r1" },
                new[] { "ChargeType=addQuantity", "Quantity=1", "Subtotal=-3.87", "EffectiveUnitPrice=3.87", "ChargeStartDate=6/12/2024", "OrderDate=6/12/2024 9:00", "ReferenceId=r2" },
                new[] { "ChargeType=addQuantity", "Quantity=2", "Subtotal=7.74", "EffectiveUnitPrice=3.87", "ChargeStartDate=6/12/2024", "OrderDate=6/12/2024 9:00", "ReferenceId=r2" },
            },
            1m, 2m, June12
        },
        {
            "buy 2, remove 1 the same day",
            new[]
            {
                new[] { "ChargeType=New", "Quantity=2", "Subtotal=8.00", "OrderDate=6/11/2024 9:00", "ReferenceId=r1" },
                new[] { "ChargeType=removeQuantity", "Quantity=2", "Subtotal=-8.00", "OrderDate=6/11/2024 11:00", "ReferenceId=r2" },
                new[] { "ChargeType=removeQuantity", "Quantity=1", "Subtotal=4.00", "OrderDate=6/11/2024 11:00", "ReferenceId=r2" },
            },
            1m, 1m, June11
        },
        {
            "buy 2 on 11 Jun, remove 1 on 12 Jun",
            new[]
            {
                new[] { "ChargeType=New", "Quantity=2", "Subtotal=8.00", "OrderDate=6/11/2024 9:00", "ReferenceId=r1" },
                new[] { "ChargeType=removeQuantity", "Quantity=2", "Subtotal=-7.74", "EffectiveUnitPrice=3.87", "ChargeStartDate=6/12/2024", "OrderDate=6/12/2024 9:00", "ReferenceId=r2" },
                new[] { "ChargeType=removeQuantity", "Quantity=1", "Subtotal=3.87", "EffectiveUnitPrice=3.87", "ChargeStartDate=6/12/2024", "OrderDate=6/12/2024 9:00", "ReferenceId=r2" },
            },
            2m, 1m, June12
        },
    };

    [Theory]
    [MemberData(nameof(WorkedExamples))]
    public void Microsofts_worked_proration_examples_give_the_seats_in_force(
        string scenario, string[][] rows, decimal seatsOn11June, decimal seatsOn12June, DateTime changeDate)
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv();
        foreach (var row in rows)
        {
            csv.Row(row);
        }

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.Empty(problems);
        Assert.Equal(3, transactions.Count);
        Assert.True(transactions[1].IsReversal, scenario);
        Assert.False(transactions[2].IsReversal, scenario);
        Assert.Equal(seatsOn11June, Assert.Single(TransactionSummarizer.Summarize(transactions, June11)).Quantity);
        var on12 = Assert.Single(TransactionSummarizer.Summarize(transactions, June12));
        Assert.Equal(seatsOn12June, on12.Quantity);
        Assert.Equal(changeDate, on12.ChangeDate);
        Assert.Null(on12.UnitPrice);
        Assert.Equal(4m, on12.UnitCost);
        Assert.Equal(4m, on12.ListUnitPrice);
        Assert.Equal(3, on12.Provenance.Count);
    }

    [Fact]
    public void Legs_listed_charge_first_still_give_the_new_seat_count()
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv()
            .Row("ChargeType=New", "Quantity=1", "OrderDate=6/11/2024 9:00", "ReferenceId=r1")
            .Row("ChargeType=addQuantity", "Quantity=2", "Subtotal=7.74", "ChargeStartDate=6/12/2024", "OrderDate=6/12/2024 9:00", "ReferenceId=r2")
            .Row("ChargeType=addQuantity", "Quantity=1", "Subtotal=-3.87", "ChargeStartDate=6/12/2024", "OrderDate=6/12/2024 9:00", "ReferenceId=r2");

        var (transactions, _, _) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.Equal(2m, Assert.Single(TransactionSummarizer.Summarize(transactions, June12)).Quantity);
    }

    [Fact]
    public void A_cancellation_leaves_no_seats_after_it()
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv()
            .Row("ChargeType=New", "Quantity=5", "Subtotal=20", "OrderDate=6/11/2024 9:00")
            .Row("ChargeType=cancelImmediate", "Quantity=5", "Subtotal=-19.33", "ChargeStartDate=6/12/2024", "OrderDate=6/12/2024 9:00");

        var (transactions, _, _) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.Equal(5m, Assert.Single(TransactionSummarizer.Summarize(transactions, June11)).Quantity);
        Assert.Equal(0m, Assert.Single(TransactionSummarizer.Summarize(transactions, June12)).Quantity);
        Assert.Equal(0m, Assert.Single(TransactionSummarizer.Summarize(transactions, new DateTime(2024, 8, 1))).Quantity);
    }

    [Fact]
    public void Seats_are_summed_over_a_customers_monthly_and_annual_subscriptions_of_one_sku()
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv()
            .Row("ChargeType=cycleCharge", "Quantity=3", "SubscriptionId=sub-monthly")
            .Row("ChargeType=new", "Quantity=10", "SubscriptionId=sub-annual", "ChargeEndDate=6/10/2025", "BillingFrequency=Annual", "TermAndBillingCycle=One-Year commitment for yearly billing");

        var (transactions, _, _) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));
        var summary = Assert.Single(TransactionSummarizer.Summarize(transactions, June12));

        Assert.Equal(13m, summary.Quantity);
        Assert.Equal(new[] { "sub-annual", "sub-monthly" }, summary.SubscriptionIds);
    }

    [Fact]
    public void Credits_are_credits_and_azure_plan_rows_are_usage()
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv()
            .Row("ChargeType=customerCredit", "Subtotal=-50", "CreditReasonCode=Azure Credit Offer", "ProductId=DZH318Z0BPS6", "SubscriptionDescription=Azure plan")
            .Row("ChargeType=new", "ProductId=DZH318Z0BPS6", "SubscriptionDescription=Azure plan", "Quantity=1", "BillableQuantity=12.5", "EffectiveUnitPrice=0.2", "Subtotal=2.5", "MeterDescription=Storage - LRS", "UnitType=1 GB/Month", "TermAndBillingCycle=Data Stored (GB/Month)");

        var (transactions, _, _) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.Equal(ChargeType.Credit, transactions[0].ChargeType);
        Assert.Equal(-50m, transactions[0].Amount);
        Assert.Equal(ChargeType.Usage, transactions[1].ChargeType);
        Assert.Equal(12.5m, transactions[1].Quantity);
        Assert.Equal("Storage - LRS", transactions[1].Description);
        Assert.Empty(TransactionSummarizer.Summarize(transactions, June12));
    }

    [Fact]
    public void Columns_bind_by_name_with_aliases_in_any_order_and_unknown_ones_are_reported()
    {
        using var files = new BillingTestFiles();
        var header = PartnerCenterCsv.Header.Reverse()
            .Select(h => h switch { "Tier2MpnId" => "ResellerMPNID", "ReferenceId" => "ReferenceID", "Total" => "TotalForCustomer", _ => h })
            .Append("SomethingNew")
            .ToArray();
        var csv = new PartnerCenterCsv(header).Row("Quantity=7", "SomethingNew=x");

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.Empty(problems);
        Assert.Equal(7m, Assert.Single(transactions).Quantity);
        Assert.Equal(new[] { "SomethingNew" }, reader.Summaries[0].UnknownColumns);
    }

    [Fact]
    public void Unknown_charge_types_are_read_and_counted_as_warnings()
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv().Row("ChargeType=somethingMicrosoftAdded");

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.Empty(problems);
        Assert.Equal(ChargeType.Recurring, Assert.Single(transactions).ChargeType);
        Assert.Equal(1, reader.Summaries[0].Warnings["UnknownChargeType:somethingMicrosoftAdded"]);
    }

    [Fact]
    public void Ids_stay_text_and_leading_apostrophes_on_numbers_are_dropped()
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv().Row("SkuId=0002", "OrderId=569142413664018751", "Quantity='12", "EffectiveUnitPrice='12.30");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.Empty(problems);
        var line = Assert.Single(transactions);
        Assert.Equal("CFQ7TTC0LH18:0002", line.Sku);
        Assert.Equal(12m, line.Quantity);
        Assert.Equal(12.30m, line.UnitCost);
    }

    [Fact]
    public void Concatenated_exports_skip_their_repeated_header_rows()
    {
        using var files = new BillingTestFiles();
        var first = new PartnerCenterCsv().Row("Quantity=1", "SubscriptionId=a").ToString();
        var second = new PartnerCenterCsv().Row("Quantity=2", "SubscriptionId=b").ToString();

        var (transactions, _, reader) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", first + second));

        Assert.Equal(2, transactions.Count);
        Assert.Equal(1, reader.Summaries[0].SkippedByRule[BillingSkipRule.RepeatedHeader]);
        Assert.Equal(4, transactions[1].SourceLine);
    }
}
