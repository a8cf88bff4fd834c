using System.Net;
using System.Text;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Reporting;

/// <summary>
/// One self-contained HTML page an accountant can open or mail on: totals first, a bar chart of monthly impact by
/// customer, then each customer's changes (before → after, with the reason), unmapped items and sync failures.
/// Inline CSS and SVG only — no scripts, no external references; every value is HTML-escaped; numbers and dates are
/// invariant whatever the machine's culture.
/// </summary>
public sealed class HtmlReportWriter
{
    private const string Style = @"
body{font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;margin:2em auto;max-width:1200px;padding:0 1em;line-height:1.4}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:2em}h3{margin-bottom:.3em}
.meta{color:#59636e}.empty{color:#59636e;font-style:italic}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.92em}th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}.increase{fill:#1a7f37}.decrease{fill:#cf222e}
.chart .axis{stroke:#59636e}.chart text{font-size:11px;fill:#1f2328}
.status-Failed,.status-NotRun,.status-NotApplied,.status-Unconfirmed{color:#cf222e;font-weight:600}.status-Skipped{color:#9a6700}
@media print{h2{page-break-after:avoid}.customer{page-break-inside:avoid}}";

    public async Task WriteAsync(BillingReport report, TextWriter writer, CancellationToken cancellationToken)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(report.Title)).Append("</title>\n<style>").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        AppendHeader(html, report);
        AppendTotals(html, report);
        AppendCharts(html, report);
        await writer.WriteAsync(html.ToString()).ConfigureAwait(false);

        html.Clear().Append("<section id=\"customers\">\n<h2>Changes by customer</h2>\n");
        if (report.Customers.Count == 0)
        {
            html.Append("<p class=\"empty\">No changes.</p>\n");
        }

        for (var i = 0; i < report.Customers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AppendCustomer(html, report.Customers[i], i + 1);
            await writer.WriteAsync(html.ToString()).ConfigureAwait(false);
            html.Clear();
        }

        html.Append("</section>\n");
        AppendUnmapped(html, report);
        AppendFailures(html, report);
        html.Append("<footer class=\"meta\"><p>Totals count the actionable differences: what Sync-AtContract would apply. Amounts are per month.</p></footer>\n</body>\n</html>\n");
        await writer.WriteAsync(html.ToString()).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static void AppendHeader(StringBuilder html, BillingReport report)
    {
        html.Append("<header>\n<h1>").Append(Encode(report.Title)).Append("</h1>\n<p class=\"meta\">Generated ")
            .Append(Encode(ReportText.Timestamp(report.GeneratedUtc)));
        var asOf = report.Differences.Select(d => d.AsOf).Concat(report.ComparisonSummaries.Select(s => s.AsOf))
            .Where(d => d is not null).Distinct().OrderBy(d => d).Select(ReportText.Date).ToList();
        if (asOf.Count > 0)
        {
            html.Append(" · Quantities as of ").Append(Encode(string.Join(", ", asOf)));
        }

        if (report.RunSummaries.Count > 0)
        {
            html.Append(" · Sync run ").Append(Encode(string.Join(", ", report.RunSummaries.Select(r => r.RunId))));
        }

        html.Append("</p>\n</header>\n");
    }

    private static void AppendTotals(StringBuilder html, BillingReport report)
    {
        html.Append("<section id=\"totals\">\n<h2>Totals</h2>\n");
        if (report.Totals.Count == 0)
        {
            html.Append("<p class=\"empty\">No differences.</p>\n");
        }
        else
        {
            html.Append("<table class=\"totals\">\n<tr><th>Currency</th><th>Monthly revenue impact</th><th>Monthly cost impact</th><th>Monthly margin impact</th><th>One-time revenue</th><th>One-time cost</th><th>Differences</th><th>Actionable</th></tr>\n");
            foreach (var total in report.Totals)
            {
                html.Append("<tr>").Cell(total.Currency)
                    .Number(ReportText.Change(total.MonthlyRevenueImpact, total.Currency))
                    .Number(ReportText.Change(total.MonthlyCostImpact, total.Currency))
                    .Number(ReportText.Change(total.MonthlyMarginImpact, total.Currency))
                    .Number(ReportText.Change(total.OneTimeRevenueImpact, total.Currency))
                    .Number(ReportText.Change(total.OneTimeCostImpact, total.Currency))
                    .Number(ReportText.Count(total.Differences))
                    .Number(ReportText.Count(total.Actionable))
                    .Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        if (report.CountsByKind.Count > 0)
        {
            html.Append("<table class=\"kinds\">\n<tr><th>Kind</th><th>Count</th></tr>\n");
            foreach (var count in report.CountsByKind)
            {
                html.Append("<tr>").Cell(Words(count.Kind.ToString())).Number(ReportText.Count(count.Count)).Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<p>Unmapped customers: ").Append(ReportText.Count(report.UnmappedCustomers))
            .Append(" · Unmapped SKUs: ").Append(ReportText.Count(report.UnmappedSkus))
            .Append(" · Needing review: ").Append(ReportText.Count(report.NeedingReview)).Append("</p>\n");

        if (report.SyncTotals is { } sync)
        {
            html.Append("<table class=\"sync\">\n<tr><th>Applied</th><th>Skipped</th><th>Failed</th><th>Not run</th><th>Needs attention</th></tr>\n<tr>")
                .Number(ReportText.Count(sync.Applied)).Number(ReportText.Count(sync.Skipped)).Number(ReportText.Count(sync.Failed))
                .Number(ReportText.Count(sync.NotRun)).Number(ReportText.Count(sync.NeedsAttention)).Append("</tr>\n</table>\n");
        }

        if (report.RunSummaries.Count > 0)
        {
            html.Append("<table class=\"runs\">\n<tr><th>Sync run</th><th>Started</th><th>Finished</th><th>Duration</th><th>Autotask requests</th><th>Exit code</th></tr>\n");
            foreach (var run in report.RunSummaries)
            {
                html.Append("<tr>").Cell(run.RunId).Cell(ReportText.Timestamp(run.StartedUtc)).Cell(ReportText.Timestamp(run.FinishedUtc))
                    .Cell(ReportText.Duration(run.Duration)).Number(ReportText.Count(run.RequestsUsed)).Number(ReportText.Count(run.ExitCode)).Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendCharts(StringBuilder html, BillingReport report)
    {
        html.Append("<section id=\"chart\">\n<h2>Monthly revenue impact by customer</h2>\n");
        if (report.Charts.Count == 0)
        {
            html.Append("<p class=\"empty\">No actionable changes.</p>\n");
        }

        foreach (var chart in report.Charts)
        {
            html.Append("<h3>").Append(Encode(chart.Currency.Length == 0 ? "No currency" : chart.Currency)).Append("</h3>\n");
            if (chart.Bars.Count > SvgBarChart.MaxBars)
            {
                html.Append("<p class=\"meta\">The ").Append(SvgBarChart.MaxBars).Append(" customers with the largest impact of ")
                    .Append(ReportText.Count(chart.Bars.Count)).Append(".</p>\n");
            }

            html.Append(SvgBarChart.Render(chart)).Append('\n');
        }

        html.Append("</section>\n");
    }

    private static void AppendCustomer(StringBuilder html, CustomerSection customer, int number)
    {
        html.Append("<section class=\"customer\" id=\"customer-").Append(number).Append("\">\n<h3>").Append(Encode(customer.CustomerName.Length == 0 ? "(no customer)" : customer.CustomerName)).Append("</h3>\n");
        foreach (var total in customer.Totals.Where(t => t.Actionable > 0))
        {
            html.Append("<p>Monthly impact: revenue ").Append(Encode(ReportText.Change(total.MonthlyRevenueImpact, total.Currency)))
                .Append(", cost ").Append(Encode(ReportText.Change(total.MonthlyCostImpact, total.Currency)))
                .Append(", margin ").Append(Encode(ReportText.Change(total.MonthlyMarginImpact, total.Currency)))
                .Append("; one-time: revenue ").Append(Encode(ReportText.Change(total.OneTimeRevenueImpact, total.Currency)))
                .Append(", cost ").Append(Encode(ReportText.Change(total.OneTimeCostImpact, total.Currency))).Append("</p>\n");
        }

        if (customer.Changes.Count > 0)
        {
            html.Append("<table class=\"changes\">\n<tr><th>Kind</th><th>Item</th><th>SKU</th><th>Units</th><th>Unit price</th><th>Unit cost</th><th>Revenue / month</th><th>Cost / month</th><th>One-time revenue</th><th>One-time cost</th><th>Effective</th><th>Reason</th></tr>\n");
            foreach (var change in customer.Changes)
            {
                html.Append("<tr>").Cell(Words(change.Kind.ToString())).Cell(change.Item).Cell(change.Sku ?? string.Empty)
                    .Number(BeforeAfter(ReportText.Quantity(change.AutotaskQuantity), ReportText.Quantity(change.VendorQuantity)))
                    .Number(BeforeAfter(ReportText.UnitPrice(change.AutotaskUnitPrice, change.Currency), ReportText.UnitPrice(change.TargetUnitPrice ?? change.AutotaskUnitPrice, change.Currency)))
                    .Number(BeforeAfter(ReportText.UnitPrice(change.AutotaskUnitCost, change.Currency), ReportText.UnitPrice(change.TargetUnitCost ?? change.AutotaskUnitCost, change.Currency)))
                    .Number(ReportText.Change(change.MonthlyRevenueImpact, change.Currency))
                    .Number(ReportText.Change(change.MonthlyCostImpact, change.Currency))
                    .Number(ReportText.Change(change.OneTimeRevenueImpact, change.Currency))
                    .Number(ReportText.Change(change.OneTimeCostImpact, change.Currency))
                    .Cell(ReportText.Date(change.EffectiveDate))
                    .Cell(ReasonWithForce(change))
                    .Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        if (customer.SyncResults.Count > 0)
        {
            html.Append("<table class=\"sync-results\">\n<tr><th>Status</th><th>Operation</th><th>Target</th><th>Action</th><th>Reason</th></tr>\n");
            foreach (var result in customer.SyncResults)
            {
                html.Append("<tr>").StatusCell(result.Status).Cell(result.OperationKind ?? result.OperationId).Cell(result.Target ?? string.Empty)
                    .Cell(result.Action ?? string.Empty).Cell(result.Reason).Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendUnmapped(StringBuilder html, BillingReport report)
    {
        html.Append("<section id=\"unmapped\">\n<h2>Unmapped items</h2>\n");
        if (report.Unmapped.Count == 0)
        {
            html.Append("<p class=\"empty\">None.</p>\n");
        }
        else
        {
            html.Append("<table class=\"unmapped\">\n<tr><th>Kind</th><th>Customer</th><th>SKU</th><th>Product</th><th>Vendor units</th><th>Suggestions</th><th>Reason</th></tr>\n");
            foreach (var item in report.Unmapped)
            {
                html.Append("<tr>").Cell(Words(item.Kind.ToString())).Cell(item.CustomerName).Cell(item.Sku ?? string.Empty).Cell(item.ProductName ?? string.Empty)
                    .Number(ReportText.Quantity(item.VendorQuantity)).Cell(item.Suggestions ?? string.Empty).Cell(item.Reason).Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendFailures(StringBuilder html, BillingReport report)
    {
        html.Append("<section id=\"failures\">\n<h2>Sync failures and skipped operations</h2>\n");
        if (report.Failures.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(report.SyncResults.Count == 0 ? "No sync results in this report." : "None.").Append("</p>\n");
        }
        else
        {
            html.Append("<table class=\"failures\">\n<tr><th>Status</th><th>Customer</th><th>SKU</th><th>Operation</th><th>Target</th><th>Reason</th></tr>\n");
            foreach (var failure in report.Failures)
            {
                html.Append("<tr>").StatusCell(failure.Status).Cell(failure.CustomerName ?? failure.CustomerId ?? string.Empty).Cell(failure.Sku ?? string.Empty)
                    .Cell(failure.OperationKind ?? failure.OperationId).Cell(failure.Target ?? string.Empty).Cell(failure.Reason).Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    private static string BeforeAfter(string before, string after) =>
        before == after ? before : $"{(before.Length == 0 ? "–" : before)} → {(after.Length == 0 ? "–" : after)}";

    /// <summary>"QuantityChange" → "Quantity change", "UnmappedSku" → "Unmapped SKU".</summary>
    private static string Words(string pascal)
    {
        var words = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (words.Length > 0 && char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.Replace(" sku", " SKU").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// The reason, with why it needs -Force when the reason does not say it already (Compare writes the force reason,
    /// itself "Needs -Force: …", into its reason; a difference edited or made elsewhere may not).
    /// </summary>
    private static string ReasonWithForce(ReportDifference change)
    {
        if (!change.RequiresForce || change.ForceReason is not { } why || change.Reason.IndexOf(why, StringComparison.Ordinal) >= 0)
        {
            return change.Reason;
        }

        return ForceReasonText.Normalize(why) is { } needsForce ? $"{change.Reason} {needsForce}" : change.Reason;
    }
}
