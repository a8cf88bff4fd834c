using Autotask.Billing.Notifications;
using Autotask.Billing.Reporting;
using Autotask.Billing.Tests.Reporting;

namespace Autotask.Billing.Tests.Notifications;

public sealed class NotificationMessageTests
{
    [Fact]
    public void A_sync_run_with_failures_is_an_error_that_lists_what_failed_and_why()
    {
        var message = NotificationMessage.Compose(ReportSamples.Build(ReportSamples.MixedRun()));

        Assert.Equal(NotificationSeverity.Error, message.Severity);
        Assert.Equal("Autotask billing: Sync run run-1: 1 failed or not run, 1 applied; 1 skipped need attention; 1 price change; 1 item to review", message.Subject);
        Assert.Contains("Sync: 1 applied, 2 skipped (1 need attention), 1 failed, 0 not run", message.PlainText);
        Assert.Contains("Run run-1: exit code 1 · 57 Autotask requests · 00:31:05", message.PlainText);
        Assert.Contains("Monthly impact (EUR): revenue +1,184.50 EUR, cost +950.00 EUR, margin +234.50 EUR", message.PlainText);
        Assert.Contains($"- {ReportSamples.EscapedCustomer} — M365_BP: AdjustUnits Failed: Autotask refused the adjustment: the contract is inactive.", message.PlainText);
        Assert.Contains("- Contoso Ltd — M365_BP: AdjustUnits Skipped: Declined at the prompt.", message.PlainText);
        Assert.DoesNotContain("already shows 15 units", message.PlainText);
        Assert.Equal(new[] { "Failed or not applied", "Price and cost changes", "To review" }, message.Lists.Select(l => l.Title));
    }

    [Fact]
    public void Price_changes_show_the_price_before_and_after_and_the_monthly_impact()
    {
        var message = NotificationMessage.Compose(ReportSamples.Build(ReportSamples.MixedRun()));

        Assert.Contains("- Contoso Ltd — EXO_P1: unit price 4.00 EUR → 4.50 EUR (+10.00 EUR per month)", message.PlainText);
    }

    [Fact]
    public void Values_cannot_format_link_or_mention_in_markdown_or_slack()
    {
        var hostile = ReportSamples.PriceChange("X", "*Evil* <!channel> [click](x) _co_", "S1", 1m, 2m, 1m);

        var message = NotificationMessage.Compose(ReportSamples.Build(new[] { ReportSamples.Properties(hostile) }));

        Assert.Contains("\\*Evil\\* \\<!channel\\> \\[click\\](x) \\_co\\_", message.Markdown);
        Assert.Contains("*Evil* &lt;!channel&gt; [click](x) _co_", message.SlackText);
        Assert.DoesNotContain("<!channel>", message.SlackText);
        Assert.Contains("*Evil* <!channel> [click](x) _co_", message.PlainText);
    }

    [Fact]
    public void Long_lists_are_cut_short_with_a_count_of_the_rest()
    {
        var changes = Enumerable.Range(1, 15).Select(i => ReportSamples.Properties(ReportSamples.PriceChange("C" + i, "Customer " + i, "S1", 1m, 2m, 1m)));

        var message = NotificationMessage.Compose(ReportSamples.Build(changes), listLength: 10);

        var list = Assert.Single(message.Lists);
        Assert.Equal((10, 5), (list.Items.Count, list.More));
        Assert.EndsWith("- … and 5 more", message.PlainText);
        Assert.Equal(NotificationSeverity.Warning, message.Severity);
    }

    [Fact]
    public void A_quiet_run_says_nothing_needs_attention()
    {
        var report = ReportSamples.Build(new[]
        {
            ReportSamples.SyncResult("op-1", "Applied", "C1", "Contoso", "Units set."),
            ReportSamples.RunSummary(1, 0, 0, 0, 0),
        });

        var message = NotificationMessage.Compose(report);

        Assert.Equal(NotificationSeverity.Information, message.Severity);
        Assert.Equal("Autotask billing: Sync run run-1: 1 applied", message.Subject);
        Assert.Empty(message.Lists);
    }

    [Theory]
    [InlineData("quiet", NotificationTrigger.NeedsAttention, false)]
    [InlineData("quiet", NotificationTrigger.Failures, false)]
    [InlineData("quiet", NotificationTrigger.PriceChanges, false)]
    [InlineData("quiet", NotificationTrigger.Always, true)]
    [InlineData("failed", NotificationTrigger.NeedsAttention, true)]
    [InlineData("failed", NotificationTrigger.Failures, true)]
    [InlineData("failed", NotificationTrigger.PriceChanges, false)]
    [InlineData("price", NotificationTrigger.NeedsAttention, true)]
    [InlineData("price", NotificationTrigger.Failures, false)]
    [InlineData("price", NotificationTrigger.PriceChanges, true)]
    [InlineData("unmapped", NotificationTrigger.NeedsAttention, true)]
    [InlineData("unmapped", NotificationTrigger.PriceChanges, false)]
    [InlineData("declined", NotificationTrigger.NeedsAttention, true)]
    [InlineData("declined", NotificationTrigger.Failures, false)]
    [InlineData("summaryOnly", NotificationTrigger.PriceChanges, true)]
    public void The_trigger_decides_whether_a_run_is_worth_a_notification(string run, NotificationTrigger trigger, bool expected)
    {
        IReadOnlyDictionary<string, object?>[] items = run switch
        {
            "quiet" => new[] { ReportSamples.SyncResult("op-1", "Applied", "C1", "Contoso", "Units set."), ReportSamples.RunSummary(1, 0, 0, 0, 0) },
            "failed" => new[] { ReportSamples.SyncResult("op-1", "Failed", "C1", "Contoso", "Refused.", "AutotaskError") },
            "price" => new[] { ReportSamples.Properties(ReportSamples.PriceChange("C1", "Contoso", "S1", 1m, 2m, 1m)) },
            "unmapped" => new[] { ReportSamples.Properties(ReportSamples.Unmapped("C1", "Contoso")) },
            "declined" => new[] { ReportSamples.SyncResult("op-1", "Skipped", "C1", "Contoso", "Declined.", "Declined") },
            _ => new IReadOnlyDictionary<string, object?>[]
            {
                new Dictionary<string, object?>
                {
                    ["Currency"] = "EUR",
                    ["CountsByKind"] = new Dictionary<DifferenceKind, int> { [DifferenceKind.PriceChange] = 1 },
                    ["Actionable"] = 1,
                    ["MonthlyRevenueImpact"] = 5m,
                    ["MonthlyCostImpact"] = 0m,
                },
            },
        };

        Assert.Equal(expected, NotificationRules.IsDue(ReportSamples.Build(items), trigger));
    }
}
