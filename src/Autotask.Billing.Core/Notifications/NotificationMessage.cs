using System.Text;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Notifications;

/// <summary>
/// A short summary of a compare or sync run for chat and mail: a subject, a headline, a few facts and short lists
/// (failures, price changes, items to review), rendered as plain text, Markdown and Slack mrkdwn with every value
/// escaped for its markup. Build it with <see cref="Compose"/>.
/// </summary>
public sealed class NotificationMessage
{
    public const int DefaultListLength = 10;

    private const string SubjectPrefix = "Autotask billing: ";

    private NotificationMessage(NotificationSeverity severity, string headline, IReadOnlyList<KeyValuePair<string, string>> facts, IReadOnlyList<NotificationList> lists)
    {
        Severity = severity;
        Headline = NotificationText.OneLine(headline);
        Facts = facts;
        Lists = lists;
        Subject = SubjectPrefix + Headline;
        PlainText = Render(Headline, l => l, f => $"{f.Key}: {f.Value}", "- ");
        Markdown = Render("**" + NotificationText.Markdown(Headline) + "**", l => "**" + NotificationText.Markdown(l) + "**", f => $"- **{NotificationText.Markdown(f.Key)}:** {NotificationText.Markdown(f.Value)}", "- ", NotificationText.Markdown);
        SlackText = Render("*" + NotificationText.Slack(Headline) + "*", l => "*" + NotificationText.Slack(l) + "*", f => $"• *{NotificationText.Slack(f.Key)}:* {NotificationText.Slack(f.Value)}", "• ", NotificationText.Slack);
    }

    public NotificationSeverity Severity { get; }

    /// <summary>"Autotask billing: " and the headline; one line.</summary>
    public string Subject { get; }

    public string Headline { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; }

    public IReadOnlyList<NotificationList> Lists { get; }

    /// <summary>For mail.</summary>
    public string PlainText { get; }

    /// <summary>For Teams and generic webhooks.</summary>
    public string Markdown { get; }

    /// <summary>For Slack.</summary>
    public string SlackText { get; }

    public override string ToString() => Subject;

    /// <summary>Summarises what a report holds: sync outcomes first, then monthly impact, then what needs review.</summary>
    public static NotificationMessage Compose(BillingReport report, int listLength = DefaultListLength)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var facts = new List<KeyValuePair<string, string>>();
        var lists = new List<NotificationList>();
        var sync = report.SyncTotals;

        if (sync is not null)
        {
            facts.Add(Fact("Sync", $"{sync.Applied} applied, {sync.Skipped} skipped ({sync.NeedsAttention} need attention), {sync.Failed} failed, {sync.NotRun} not run"));
        }

        foreach (var run in report.RunSummaries)
        {
            var stopped = run.Cancelled ? " · cancelled" : run.BudgetExhausted ? " · API budget ran out" : string.Empty;
            facts.Add(Fact($"Run {run.RunId}", $"exit code {run.ExitCode} · {ReportText.Count(run.RequestsUsed)} Autotask requests · {ReportText.Duration(run.Duration)}{stopped}"));
        }

        foreach (var total in report.Totals.Where(t => t.Differences > 0 || t.MonthlyRevenueImpact != 0m || t.MonthlyCostImpact != 0m || t.OneTimeRevenueImpact != 0m))
        {
            var label = total.Currency.Length == 0 ? "Monthly impact" : $"Monthly impact ({total.Currency})";
            facts.Add(Fact(label, $"revenue {ReportText.Change(total.MonthlyRevenueImpact, total.Currency)}, cost {ReportText.Change(total.MonthlyCostImpact, total.Currency)}, margin {ReportText.Change(total.MonthlyMarginImpact, total.Currency)}"));
            if (total.OneTimeRevenueImpact != 0m || total.OneTimeCostImpact != 0m)
            {
                // One-time, usage, credit and refund charges are billed once: never part of the monthly figures.
                facts.Add(Fact(
                    total.Currency.Length == 0 ? "One-time charges" : $"One-time charges ({total.Currency})",
                    $"revenue {ReportText.Change(total.OneTimeRevenueImpact, total.Currency)}, cost {ReportText.Change(total.OneTimeCostImpact, total.Currency)}"));
            }
        }

        var differences = report.CountsByKind.Where(c => c.Kind != DifferenceKind.Match).ToList();
        if (differences.Count > 0)
        {
            facts.Add(Fact("Differences", string.Join(", ", differences.Select(c => $"{c.Count} {c.Kind}"))));
        }

        if (report.NeedingReview > 0)
        {
            facts.Add(Fact("Needs review", $"{report.NeedingReview} ({report.UnmappedCustomers} unmapped customers, {report.UnmappedSkus} unmapped SKUs)"));
        }

        AddList(lists, "Failed or not applied", report.Failures, FailureLine, listLength);
        AddList(lists, "Price and cost changes", report.PriceChanges, PriceLine, listLength);
        AddList(lists, "To review", report.Differences.Where(d => d.NeedsReview && !d.IsPriceChange).ToList(), ReviewLine, listLength);

        var priceChanges = report.PriceChanges.Count > 0 ? report.PriceChanges.Count : report.CountsByKind.Where(c => c.Kind is DifferenceKind.PriceChange or DifferenceKind.CostChange).Sum(c => c.Count);
        var failed = (sync?.Failed ?? 0) + (sync?.NotRun ?? 0);
        var attention = sync?.NeedsAttention ?? 0;
        var severity = failed > 0 ? NotificationSeverity.Error
            : attention > 0 || report.NeedingReview > 0 || priceChanges > 0 ? NotificationSeverity.Warning
            : NotificationSeverity.Information;
        return new NotificationMessage(severity, HeadlineFor(report, failed, attention, priceChanges), facts, lists);
    }

    private static string HeadlineFor(BillingReport report, int failed, int attention, int priceChanges)
    {
        var parts = new List<string>();
        if (report.SyncTotals is { } sync)
        {
            var run = report.RunSummaries.Count == 1 ? $"sync run {report.RunSummaries[0].RunId}" : "sync";
            parts.Add(failed > 0 ? $"{run}: {failed} failed or not run, {sync.Applied} applied" : $"{run}: {sync.Applied} applied");
            if (attention > 0)
            {
                parts.Add($"{attention} skipped need attention");
            }
        }

        if (priceChanges > 0)
        {
            parts.Add(priceChanges == 1 ? "1 price change" : $"{priceChanges} price changes");
        }

        if (report.NeedingReview > 0)
        {
            parts.Add(report.NeedingReview == 1 ? "1 item to review" : $"{report.NeedingReview} items to review");
        }

        if (parts.Count == 0)
        {
            var actionable = report.Totals.Sum(t => t.Actionable);
            parts.Add(report.SyncTotals is null && actionable > 0 ? $"{actionable} changes to sync" : "nothing needs attention");
        }

        var headline = string.Join("; ", parts);
        return char.ToUpperInvariant(headline[0]) + headline.Substring(1);
    }

    private static string FailureLine(ReportSyncResult result) =>
        $"{Customer(result.CustomerName ?? result.CustomerId, result.Sku)}{result.OperationKind ?? result.OperationId} {result.Status}: {result.Reason}";

    private static string PriceLine(ReportDifference change)
    {
        var before = change.Kind == DifferenceKind.CostChange ? change.AutotaskUnitCost : change.AutotaskUnitPrice;
        var after = change.Kind == DifferenceKind.CostChange ? change.TargetUnitCost ?? change.VendorUnitCost : change.TargetUnitPrice ?? change.VendorUnitPrice;
        var what = change.Kind == DifferenceKind.CostChange ? "unit cost" : "unit price";
        var impact = change.Kind == DifferenceKind.CostChange ? change.MonthlyCostImpact : change.MonthlyRevenueImpact;
        return $"{Customer(change.CustomerName, change.Item)}{what} {ReportText.UnitPrice(before, change.Currency)} → {ReportText.UnitPrice(after, change.Currency)} ({ReportText.Change(impact, change.Currency)} per month)";
    }

    private static string ReviewLine(ReportDifference difference) =>
        $"{Customer(difference.CustomerName, difference.Sku)}{difference.Kind}{(difference.RequiresForce ? " (needs -Force)" : string.Empty)}: {difference.Reason}";

    private static string Customer(string? customer, string? item) =>
        (customer, item) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{customer} — {item}: ",
            ({ Length: > 0 }, _) => $"{customer}: ",
            (_, { Length: > 0 }) => $"{item}: ",
            _ => string.Empty,
        };

    private static void AddList<T>(List<NotificationList> lists, string title, IReadOnlyList<T> items, Func<T, string> line, int listLength)
    {
        if (items.Count > 0)
        {
            var shown = items.Take(Math.Max(0, listLength)).Select(i => NotificationText.OneLine(line(i))).ToList();
            lists.Add(new NotificationList(title, shown, items.Count - shown.Count));
        }
    }

    private static KeyValuePair<string, string> Fact(string label, string value) => new(label, value);

    private string Render(string headline, Func<string, string> title, Func<KeyValuePair<string, string>, string> fact, string bullet, Func<string, string>? escape = null)
    {
        escape ??= text => text;
        var text = new StringBuilder(headline).Append('\n');
        if (Facts.Count > 0)
        {
            text.Append('\n');
            foreach (var item in Facts)
            {
                text.Append(fact(item)).Append('\n');
            }
        }

        foreach (var list in Lists)
        {
            text.Append('\n').Append(title(list.Title)).Append('\n');
            foreach (var item in list.Items)
            {
                text.Append(bullet).Append(escape(item)).Append('\n');
            }

            if (list.More > 0)
            {
                text.Append(bullet).Append(escape($"… and {list.More} more")).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }
}
