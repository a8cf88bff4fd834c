namespace Autotask.Billing.Tests.Billing;

public sealed class DailyRatedUsageTests
{
    [Fact]
    public void Billed_daily_rows_become_one_monthly_usage_line_per_entitlement()
    {
        var (transactions, problems, reader) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-dailyrated-billed-lineitems.example.json"));

        Assert.Empty(problems);
        Assert.Equal(2, transactions.Count);
        var summary = reader.Summaries[0];
        Assert.Equal("PartnerCenterDailyUsage", summary.Format);
        Assert.Equal(2, summary.Read);
        Assert.Equal(2, summary.Aggregated);
        Assert.All(transactions, t =>
        {
            Assert.Equal(ChargeType.Usage, t.ChargeType);
            Assert.Equal("AzurePlanUsage", t.Sku);
            Assert.Equal(1m, t.Quantity);
            Assert.Equal(new DateTime(2018, 11, 1, 0, 0, 0, DateTimeKind.Utc), t.ServiceStart);
            Assert.Equal(new DateTime(2018, 11, 30, 0, 0, 0, DateTimeKind.Utc), t.ServiceEnd);
            Assert.Equal("2b8940db-5089-539c-e757-520ed1d1bc88", t.CustomerId);
        });
        Assert.Equal(0.49m, transactions[0].UnitCost);
        Assert.Equal("66bada28-271e-4b7a-aaf5-c0ead6312345", transactions[1].SubscriptionId);
    }

    [Fact]
    public void Unbilled_rows_of_one_entitlement_are_summed_over_the_month()
    {
        var (transactions, problems, _) = BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-dailyrated-unbilled-lineitems.example.json"));

        Assert.Empty(problems);
        Assert.Equal(2, transactions.Count);
        Assert.Equal("MTBC", transactions[0].CustomerName);
        Assert.Equal(30.72m, transactions[0].Amount);
    }

    [Fact]
    public void The_csv_form_sums_days_per_customer_and_entitlement()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("daily.csv",
            "PartnerId,CustomerId,CustomerName,SubscriptionId,UsageDate,MeterId,BillingPreTaxTotal,BillingCurrency,EntitlementId,EntitlementDescription\r\n" +
            "p1,T1,Tenant One,azplan1,2024-05-01,m1,1.005,EUR,ent-a,Prod\r\n" +
            "p1,T1,Tenant One,azplan1,2024-05-02,m1,2.000,EUR,ent-a,Prod\r\n" +
            "p1,T1,Tenant One,azplan1,2024-05-02,m2,5,EUR,ent-b,Dev\r\n" +
            "p1,T1,Tenant One,azplan1,2024-06-01,m1,7,EUR,ent-a,Prod\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.Equal(
            new[] { ("ent-a", "2024-05", 3.01m), ("ent-b", "2024-05", 5m), ("ent-a", "2024-06", 7m) },
            transactions.Select(t => (t.SubscriptionId, t.ServiceStart!.Value.ToString("yyyy-MM"), t.UnitCost!.Value)));
        Assert.All(transactions, t => Assert.Equal("EUR", t.Currency));
        Assert.All(transactions, t => Assert.Equal("t1", t.CustomerId));
    }
}
