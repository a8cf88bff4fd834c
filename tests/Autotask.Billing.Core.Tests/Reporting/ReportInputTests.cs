using System.Globalization;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Tests.Reporting;

public sealed class ReportInputTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public async Task Re_imported_csv_objects_give_the_same_report_as_the_live_ones(string exportCulture)
    {
        using (new CultureScope(exportCulture))
        {
            var live = ReportSamples.Build(ReportSamples.MixedRun());
            var reimported = ReportSamples.Build(ReportSamples.MixedRun().Select(item => ReportSamples.AsCsvText(item, CultureInfo.CurrentCulture)));

            Assert.Equal(await HtmlReportTests.HtmlOf(live), await HtmlReportTests.HtmlOf(reimported));
            Assert.Equal(await CsvAndJsonReportTests.CsvOf(live), await CsvAndJsonReportTests.CsvOf(reimported));
            Assert.Equal(await CsvAndJsonReportTests.JsonOf(live), await CsvAndJsonReportTests.JsonOf(reimported));
        }
    }

    [Fact]
    public void Objects_are_recognised_by_their_property_names()
    {
        var builder = new BillingReportBuilder();

        var kinds = ReportSamples.MixedRun().Select(builder.Add).ToList();

        Assert.Equal(4, kinds.Count(k => k == ReportItemKind.Difference));
        Assert.Equal(4, kinds.Count(k => k == ReportItemKind.SyncResult));
        Assert.Equal(ReportItemKind.SyncRunSummary, kinds.Last());
    }

    [Fact]
    public void The_live_sync_and_compare_objects_are_read_by_their_property_names()
    {
        var finished = new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc);
        var failed = new SyncResult("run-7", "op-9", SyncOperationKind.UpdatePriceAndCost, SyncStatus.Failed, SyncReasonCode.AutotaskError, "Refused.", "ContractServices", null, "Contoso / Cloud", "Set price 4 → 4.5", new[] { "d-1", "d-2" }, "C1", "Contoso", "EXO_P1", 200, finished);
        var declined = new SyncResult("run-7", "op-10", SyncOperationKind.AdjustUnits, SyncStatus.Skipped, SyncReasonCode.Declined, "Declined.", "ContractServiceAdjustments", null, "Contoso / Cloud", "Set units", new[] { "d-3" }, "C1", "Contoso", "M365_BP", 200, finished);
        var run = new SyncRunSummary("run-7", finished.AddMinutes(-5), finished, 0, 1, 1, 0, 1, 12, null, budgetExhausted: false, cancelled: false);
        var comparison = new ComparisonSummary(new Dictionary<DifferenceKind, int> { [DifferenceKind.PriceChange] = 1 }) { Currency = "EUR", Differences = 1, Actionable = 1, MonthlyRevenueImpact = 10m };

        var report = ReportSamples.Build(new object[] { failed, declined, run, comparison }.Select(ReportSamples.Properties));

        Assert.Equal(new[] { ("op-9", "Failed", "UpdatePriceAndCost", "AutotaskError", "d-1"), ("op-10", "Skipped", "AdjustUnits", "Declined", "d-3") },
            report.SyncResults.Select(r => (r.OperationId, r.Status, r.OperationKind!, r.ReasonCode!, r.DifferenceId!)));
        Assert.Equal((1, 1, 1), (report.SyncTotals!.Failed, report.SyncTotals.NeedsAttention, report.RunSummaries.Single().ExitCode));
        Assert.Equal((10m, DifferenceKind.PriceChange), (report.Totals.Single().MonthlyRevenueImpact, report.CountsByKind.Single().Kind));
    }

    [Fact]
    public void Every_status_a_sync_writes_is_reported_and_a_write_Autotask_ignored_needs_attention()
    {
        var finished = new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc);
        var results = Enum.GetValues(typeof(SyncStatus)).Cast<SyncStatus>().Select((status, i) => new SyncResult(
            "run-8", "op-" + i, SyncOperationKind.AdjustUnits, status, SyncReasonCode.IgnoredByAutotask, "Autotask still bills 10.", "ContractServiceAdjustments",
            null, "Contoso / Cloud", "Set units", new[] { "d-" + i }, "C1", "Contoso", "M365_BP", 200, finished)).ToList();

        var report = ReportSamples.Build(results.Select(ReportSamples.Properties));

        Assert.Equal(Enum.GetNames(typeof(SyncStatus)), report.SyncResults.Select(r => r.Status));
        Assert.True(report.SyncResults.Single(r => r.Status == "NotApplied").NeedsAttention);
        Assert.False(report.SyncResults.Single(r => r.Status == "Applied").NeedsAttention);
    }

    [Fact]
    public void An_object_of_another_kind_is_refused_with_the_properties_it_has()
    {
        var builder = new BillingReportBuilder();

        var failure = Assert.Throws<ReportInputException>(() => builder.Add(new Dictionary<string, object?> { ["TransactionId"] = "T1", ["Quantity"] = 3 }));

        Assert.Contains("not a contract difference", failure.Message);
        Assert.Contains("TransactionId, Quantity", failure.Message);
        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void A_value_that_does_not_parse_names_the_property_and_the_value()
    {
        var difference = ReportSamples.Properties(ReportSamples.QuantityChange("C1", "Contoso", "S1", 1m, 2m, 3m, 1m));
        difference["MonthlyRevenueImpact"] = "lots";

        var failure = Assert.Throws<ReportInputException>(() => new BillingReportBuilder().Add(difference));

        Assert.Equal("The difference's MonthlyRevenueImpact 'lots' is not a number.", failure.Message);
    }

    [Fact]
    public void The_same_difference_piped_twice_counts_once()
    {
        var difference = ReportSamples.Properties(ReportSamples.QuantityChange("C1", "Contoso", "S1", 1m, 2m, 3m, 1m));

        var report = ReportSamples.Build(new[] { difference, ReportSamples.AsCsvText(difference, CultureInfo.InvariantCulture) });

        Assert.Single(report.Differences);
        Assert.Equal(3m, report.Totals.Single().MonthlyRevenueImpact);
    }

    [Fact]
    public void Totals_count_only_actionable_differences_and_never_add_currencies()
    {
        var report = ReportSamples.Build(new[]
        {
            ReportSamples.Properties(ReportSamples.QuantityChange("C1", "Contoso", "S1", 1m, 2m, 3m, 1m)),
            ReportSamples.Properties(ReportSamples.QuantityChange("C2", "Northwind", "S1", 1m, 3m, 5m, 1m, "USD")),
            ReportSamples.Properties(ReportSamples.Unmapped("C3", "Fabrikam")),
        });

        Assert.Equal(new[] { ("EUR", 3m, 2, 1), ("USD", 10m, 1, 1) }, report.Totals.Select(t => (t.Currency, t.MonthlyRevenueImpact, t.Differences, t.Actionable)));
        Assert.Equal(new[] { "EUR", "USD" }, report.Charts.Select(c => c.Currency));
    }

    [Fact]
    public void A_comparison_summary_alone_gives_the_totals_and_counts()
    {
        var summary = new Dictionary<string, object?>
        {
            ["AsOf"] = ReportSamples.AsOf,
            ["Currency"] = "EUR",
            ["CountsByKind"] = new Dictionary<DifferenceKind, int> { [DifferenceKind.PriceChange] = 2, [DifferenceKind.QuantityChange] = 5 },
            ["Differences"] = 9,
            ["Actionable"] = 7,
            ["RequiringForce"] = 1,
            ["MonthlyRevenueImpact"] = 120.5m,
            ["MonthlyCostImpact"] = 100m,
            ["UnmappedCustomers"] = 1,
            ["UnmappedSkus"] = 1,
            ["AutotaskRequests"] = 12L,
            ["Duration"] = TimeSpan.FromSeconds(3),
        };

        var report = ReportSamples.Build(new[] { summary });

        var total = Assert.Single(report.Totals);
        Assert.Equal(("EUR", 120.5m, 20.5m, 9, 7), (total.Currency, total.MonthlyRevenueImpact, total.MonthlyMarginImpact, total.Differences, total.Actionable));
        Assert.Equal(new[] { (DifferenceKind.QuantityChange, 5), (DifferenceKind.PriceChange, 2) }, report.CountsByKind.Select(c => (c.Kind, c.Count)));
        Assert.Equal((1, 1, 3), (report.UnmappedCustomers, report.UnmappedSkus, report.NeedingReview));
    }

    [Fact]
    public void A_service_of_an_unknown_period_type_needs_review()
    {
        var unknown = ReportSamples.Properties(ReportSamples.QuantityChange("C1", "Contoso Ltd", "BACKUP-2Y", 10m, 12m, 0m, 0m));
        unknown["Kind"] = DifferenceKind.UnknownPeriodType;
        unknown["IsActionable"] = false;

        var report = ReportSamples.Build(new IReadOnlyDictionary<string, object?>[] { unknown });

        Assert.Equal(1, report.NeedingReview);
        Assert.True(Assert.Single(report.Differences).NeedsReview);
    }
}
