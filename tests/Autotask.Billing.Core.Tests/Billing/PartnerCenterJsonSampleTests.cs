namespace Autotask.Billing.Tests.Billing;

public sealed class PartnerCenterJsonSampleTests
{
    [Fact]
    public void Microsofts_billed_line_item_example_reads_four_lines_without_problems()
    {
        var (transactions, problems, reader) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));

        Assert.Empty(problems);
        Assert.Equal(4, transactions.Count);
        var summary = Assert.Single(reader.Summaries);
        Assert.Equal("PartnerCenter", summary.Format);
        Assert.Equal(4, summary.Read);
        Assert.Equal(4, summary.Emitted);
        Assert.All(transactions, t => Assert.Equal("PartnerCenter", t.Source));
    }

    [Fact]
    public void The_trial_line_is_a_recurring_zero_price_trial_keyed_by_tenant_and_product_sku()
    {
        var (transactions, _, _) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));

        var trial = transactions[0];
        Assert.Equal("c139c4bf-2e8b-4ab5-8bed-d9f50dcca7a2", trial.CustomerId);
        Assert.Equal("Test_Test_Office R2 Reduce Seats Validation", trial.CustomerName);
        Assert.Equal("testcustomerr2t2reduce.onmicrosoft.com", trial.CustomerDomain);
        Assert.Equal("CFQ7TTC0LH0R:0002", trial.Sku);
        Assert.Equal(ChargeType.Recurring, trial.ChargeType);
        Assert.Equal("new", trial.Category);
        Assert.Equal(25m, trial.Quantity);
        Assert.Null(trial.UnitPrice);
        Assert.Equal(0m, trial.UnitCost);
        Assert.True(trial.IsTrial);
        Assert.Equal(ChargeKind.Trial, trial.Kind);
        Assert.Equal("Trial", trial.BillingCycle);
        Assert.Equal("1 Month", trial.Term);
        Assert.Equal(new DateTime(2021, 5, 20, 0, 0, 0, DateTimeKind.Utc), trial.ServiceStart);
        Assert.Equal(new DateTime(2021, 6, 19, 0, 0, 0, DateTimeKind.Utc), trial.ServiceEnd);
        Assert.Equal(DateTimeKind.Utc, trial.ServiceStart!.Value.Kind);
        Assert.Equal("2021-05-20 18:30:06", trial.OrderDate!.Value.ToString("yyyy-MM-dd HH:mm:ss"));
        Assert.Equal(DateTimeKind.Utc, trial.OrderDate.Value.Kind);
    }

    [Fact]
    public void The_promotion_line_costs_the_effective_unit_price_and_keeps_the_list_price_for_the_customer()
    {
        var (transactions, _, _) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));

        var promo = transactions[1];
        Assert.Equal("835a59a7-3172-47b5-bdef-d9cc65f4d0e4", promo.CustomerId);
        Assert.Equal("CFQ7TTC0HL8W:0001", promo.Sku);
        Assert.Equal("Power BI Premium Per User", promo.ProductName);
        Assert.Null(promo.UnitPrice);
        Assert.Equal(14.4m, promo.UnitCost);
        Assert.Equal(16m, promo.ListUnitPrice);
        Assert.Equal(1m, promo.ExchangeRate);
        Assert.Equal(50m, promo.Quantity);
        Assert.Equal(720m, promo.Amount);
        Assert.Equal("Monthly", promo.BillingCycle);
        Assert.Equal("1 Year", promo.Term);
        Assert.False(promo.IsTrial);
    }

    [Fact]
    public void A_metered_marketplace_row_is_usage_with_its_billable_quantity_and_the_written_date()
    {
        var (transactions, _, _) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));

        var metered = transactions[2];
        Assert.Equal(ChargeType.Usage, metered.ChargeType);
        Assert.Equal(3.1618m, metered.Quantity);
        Assert.Equal(820m, metered.UnitCost);
        Assert.Equal(ChargeKind.Usage, metered.Kind);
        // "2019-02-04T09:22:40-08:00" keeps its written date; a UTC conversion would not move it here, but the
        // end date "2019-03-03T09:22:40-08:00" must not become 03-03 17:22 or any other day either.
        Assert.Equal(new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc), metered.ServiceStart);
        Assert.Equal(new DateTime(2019, 3, 3, 0, 0, 0, DateTimeKind.Utc), metered.ServiceEnd);
    }

    [Fact]
    public void An_org_prefixed_customer_id_becomes_the_bare_tenant_id()
    {
        var (transactions, _, _) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));

        Assert.Equal("9060d13d-c5ed-482e-b059-a15a38cbb28e", transactions[3].CustomerId);
        Assert.Equal("CFQ7TTC01234:0001", transactions[3].Sku);
        Assert.Equal(16m, transactions[3].UnitCost);
    }

    [Fact]
    public void The_published_bogus_attributes_slash_key_is_reported_as_an_unknown_column()
    {
        var (_, _, reader) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));

        Assert.Equal(new[] { "attributes/objectType" }, reader.Summaries[0].UnknownColumns);
    }

    [Fact]
    public void Billed_and_unbilled_copies_of_the_same_events_get_the_same_transaction_ids()
    {
        var (transactions, problems, _) = BillingTestFiles.ReadAll(
            null,
            BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"),
            BillingTestFiles.Sample("microsoft-pc-api-onetime-unbilled-lineitems.example.json"));

        // The fourth example differs between the two pages (another partner's customer); the first three are the same events.
        Assert.Equal(5, transactions.Count);
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal(BillingProblemReason.DuplicateTransactionId, p.Reason));
        Assert.All(problems, p => Assert.EndsWith("unbilled-lineitems.example.json", p.File));
    }

    [Fact]
    public void Each_line_names_the_json_line_where_its_object_starts()
    {
        var (transactions, _, _) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));

        var lines = File.ReadAllLines(BillingTestFiles.Sample("microsoft-pc-api-onetime-billed-lineitems.example.json"));
        Assert.All(transactions, t => Assert.Equal("{", lines[t.SourceLine - 1].Trim()));
        Assert.Equal(2, transactions[0].SourceLine);
    }
}
