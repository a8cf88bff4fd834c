using System.Globalization;
using System.Text.RegularExpressions;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Reporting;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Reporting;

public sealed class HtmlReportTests
{
    private static readonly Regex BarPattern = new("<rect class=\"(?<direction>increase|decrease)\"[^>]*height=\"(?<height>[0-9.]+)\"[^>]*data-customer=\"(?<customer>[^\"]*)\"", RegexOptions.Compiled);

    [Fact]
    public async Task Totals_come_first_then_the_chart_customers_unmapped_items_and_failures()
    {
        var html = await HtmlOf(ReportSamples.Build(ReportSamples.MixedRun()));

        var order = new[] { "id=\"totals\"", "id=\"chart\"", "id=\"customers\"", "id=\"unmapped\"", "id=\"failures\"" }.Select(id => html.IndexOf(id, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.OrderBy(i => i), order);
        var totals = Section(html, "totals");
        Assert.Contains("+1,184.50 EUR", totals);
        Assert.Contains("+950.00 EUR", totals);
        Assert.Contains("+234.50 EUR", totals);
        Assert.Contains("<td>Quantity change</td><td class=\"num\">2</td>", totals);
        Assert.Contains("<td>Unmapped customer</td><td class=\"num\">1</td>", totals);
    }

    [Fact]
    public async Task Each_customer_has_a_section_with_its_changes_before_and_after()
    {
        var html = await HtmlOf(ReportSamples.Build(ReportSamples.MixedRun()));

        var customers = Regex.Matches(Section(html, "customers"), "<section class=\"customer\"[^>]*>\\s*<h3>(?<name>[^<]*)</h3>").Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(new[] { "&lt;b&gt;&amp;&quot;Co&quot;&lt;/b&gt;", "Contoso Ltd" }, customers);
        Assert.Contains("<td class=\"num\">10 → 15</td>", html);
        Assert.Contains("<td class=\"num\">4.00 EUR → 4.50 EUR</td>", html);
        Assert.Contains("<td>2026-11-01</td>", html);
    }

    [Fact]
    public async Task Every_difference_and_failure_reason_is_in_the_report()
    {
        var report = ReportSamples.Build(ReportSamples.MixedRun());

        var html = await HtmlOf(report);

        foreach (var reason in report.Differences.Select(d => d.Reason).Concat(report.Failures.Select(f => f.Reason)))
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), html);
        }

        var failures = Section(html, "failures");
        Assert.Contains("Autotask refused the adjustment", failures);
        Assert.Contains("Declined at the prompt.", failures);
        Assert.DoesNotContain("already shows 15 units", failures);
        Assert.Contains("Fabrikam GmbH", Section(html, "unmapped"));
    }

    [Theory]
    [InlineData(true, "Needs -Force: it takes the units from 10 to 0.")]
    [InlineData(false, "Needs -Force: it takes the units from 10 to 0.")]
    [InlineData(false, "it takes the units from 10 to 0")]
    public async Task A_change_that_needs_force_says_why_once_in_the_words_compare_uses(bool reasonSaysIt, string forceReason)
    {
        var compareWords = ForceReasonText.Format("it takes the units from 10 to 0");
        var change = ReportSamples.Properties(ReportSamples.QuantityChange("C1", "Contoso Ltd", "M365_BP", 10m, 0m, -246.9m, -200m));
        change["RequiresForce"] = true;
        change["ForceReason"] = forceReason;
        change["Reason"] = reasonSaysIt ? $"Sync reduces it to 0 units. {forceReason} Revenue -246.90 EUR a month." : "Sync reduces it to 0 units.";

        var html = await HtmlOf(ReportSamples.Build(new IReadOnlyDictionary<string, object?>[] { change, ReportSamples.RunSummary(0, 1, 0, 0, 0) }));

        var customers = Section(html, "customers");
        Assert.Single(Regex.Matches(customers, "Needs -Force"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(compareWords), customers);
    }

    [Fact]
    public async Task The_chart_has_one_bar_per_customer_with_heights_proportional_to_the_impact()
    {
        var report = ReportSamples.Build(new[]
        {
            ReportSamples.Properties(ReportSamples.QuantityChange("A", "Alpha", "S1", 0m, 10m, 10m, 5m)),
            ReportSamples.Properties(ReportSamples.QuantityChange("B", "Beta", "S1", 0m, 5m, 10m, 5m)),
            ReportSamples.Properties(ReportSamples.QuantityChange("B", "Beta", "S2", 0m, 10m, 2.5m, 1m)),
            ReportSamples.Properties(ReportSamples.QuantityChange("C", "Gamma", "S1", 10m, 8m, 10m, 5m)),
        });

        var svg = Regex.Match(await HtmlOf(report), "<svg.*?</svg>", RegexOptions.Singleline).Value;

        var bars = BarPattern.Matches(svg).ToDictionary(m => m.Groups["customer"].Value, m => (Height: double.Parse(m.Groups["height"].Value, CultureInfo.InvariantCulture), Direction: m.Groups["direction"].Value));
        Assert.Equal(new[] { "Alpha", "Beta", "Gamma" }, bars.Keys.OrderBy(k => k));
        Assert.Equal(bars["Alpha"].Height / 100d, bars["Beta"].Height / 75d, 2);
        Assert.Equal(bars["Alpha"].Height / 100d, bars["Gamma"].Height / 20d, 2);
        Assert.Equal(("increase", "increase", "decrease"), (bars["Alpha"].Direction, bars["Beta"].Direction, bars["Gamma"].Direction));
    }

    [Fact]
    public async Task The_page_has_no_scripts_and_no_external_references()
    {
        var html = await HtmlOf(ReportSamples.Build(ReportSamples.MixedRun()));

        Assert.DoesNotMatch(new Regex("<script", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("(src|href)\\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("url\\(|@import|https?://", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public async Task Customer_names_and_reasons_are_html_escaped_everywhere()
    {
        var hostile = ReportSamples.QuantityChange("X", "<script>alert(1)</script>", "<i>SKU</i>", 1m, 2m, 1m, 1m);
        var items = ReportSamples.MixedRun().Append(ReportSamples.Properties(hostile));

        var html = await HtmlOf(ReportSamples.Build(items, "Report for <b>&\"Co\"</b>"));

        Assert.DoesNotContain(ReportSamples.EscapedCustomer, html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<i>SKU</i>", html);
        Assert.Contains("&lt;b&gt;&amp;&quot;Co&quot;&lt;/b&gt;", html);
        Assert.Contains("<title>Report for &lt;b&gt;&amp;&quot;Co&quot;&lt;/b&gt;</title>", html);
        Assert.Contains("data-customer=\"&lt;b&gt;&amp;&quot;Co&quot;&lt;/b&gt;\"", html);
    }

    [Fact]
    public async Task Numbers_and_dates_are_invariant_under_a_German_culture()
    {
        using var culture = new CultureScope("de-DE");

        var html = await HtmlOf(ReportSamples.Build(ReportSamples.MixedRun()));

        Assert.Contains("+1,234.50 EUR", html);
        Assert.Contains("246.90 EUR", html);
        Assert.Contains("2026-11-01", html);
        Assert.Contains("Generated 2026-11-01 09:15 UTC", html);
        Assert.DoesNotContain("1.234,50", html);
        Assert.DoesNotContain("246,90", html);
        Assert.DoesNotContain("01.11.2026", html);
    }

    [Fact]
    public async Task A_report_file_is_self_contained_utf8_html()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.html");

        await ReportFile.WriteAsync(ReportSamples.Build(ReportSamples.MixedRun()), path, ReportFormat.Html, overwrite: false, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.NotEqual(0xEF, bytes[0]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<!DOCTYPE html>", text);
        Assert.Contains("<meta charset=\"utf-8\">", text);
        Assert.EndsWith("</html>\n", text);
    }

    internal static async Task<string> HtmlOf(BillingReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await new HtmlReportWriter().WriteAsync(report, writer, CancellationToken.None);
        return writer.ToString();
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {id}.");
        var end = html.IndexOf("<section id=", start + 10, StringComparison.Ordinal);
        return end < 0 ? html.Substring(start) : html.Substring(start, end - start);
    }
}
