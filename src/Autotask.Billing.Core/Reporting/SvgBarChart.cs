using System.Globalization;
using System.Net;
using System.Text;

namespace Autotask.Billing.Reporting;

/// <summary>
/// An inline SVG bar chart of monthly revenue impact by customer: bar heights proportional to the amount, increases
/// above the zero line and decreases below it. No scripts, no external references — a tooltip comes from SVG's own
/// &lt;title&gt;.
/// </summary>
internal static class SvgBarChart
{
    public const int MaxBars = 60;

    private const int BarWidth = 26;
    private const int Gap = 14;
    private const int Left = 20;
    private const int Top = 24;
    private const int PlotHeight = 180;
    private const int LabelHeight = 110;

    public static string Render(ImpactChart chart)
    {
        var bars = chart.Bars.Count <= MaxBars
            ? chart.Bars
            : chart.Bars.OrderByDescending(b => Math.Abs(b.MonthlyRevenueImpact)).Take(MaxBars).ToList();
        var highest = Math.Max(0m, bars.Select(b => b.MonthlyRevenueImpact).DefaultIfEmpty(0m).Max());
        var lowest = Math.Max(0m, -bars.Select(b => b.MonthlyRevenueImpact).DefaultIfEmpty(0m).Min());
        var range = highest + lowest;
        var zeroLine = Top + (range == 0m ? PlotHeight : (double)(highest / range) * PlotHeight);
        var width = Left * 2 + bars.Count * (BarWidth + Gap);
        var height = Top + PlotHeight + LabelHeight;

        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" role=\"img\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" aria-label=\"")
            .Append(Encode($"Monthly revenue impact by customer in {chart.Currency}")).Append("\">");
        svg.Append("<line class=\"axis\" x1=\"").Append(Left).Append("\" x2=\"").Append(width - Left)
            .Append("\" y1=\"").Append(Coordinate(zeroLine)).Append("\" y2=\"").Append(Coordinate(zeroLine)).Append("\"/>");

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var barHeight = range == 0m ? 0d : (double)(Math.Abs(bar.MonthlyRevenueImpact) / range) * PlotHeight;
            var x = Left + Gap / 2 + i * (BarWidth + Gap);
            var y = bar.MonthlyRevenueImpact >= 0 ? zeroLine - barHeight : zeroLine;
            var centre = x + BarWidth / 2;
            var amount = ReportText.Change(bar.MonthlyRevenueImpact, chart.Currency);

            svg.Append("<g class=\"bar\">");
            svg.Append("<rect class=\"").Append(bar.MonthlyRevenueImpact >= 0 ? "increase" : "decrease")
                .Append("\" x=\"").Append(x).Append("\" y=\"").Append(Coordinate(y))
                .Append("\" width=\"").Append(BarWidth).Append("\" height=\"").Append(Coordinate(barHeight))
                .Append("\" data-customer=\"").Append(Encode(bar.CustomerName))
                .Append("\" data-impact=\"").Append(ReportText.Amount(bar.MonthlyRevenueImpact)).Append("\">")
                .Append("<title>").Append(Encode($"{bar.CustomerName}: {amount} per month")).Append("</title></rect>");
            svg.Append("<text class=\"value\" x=\"").Append(centre).Append("\" y=\"")
                .Append(Coordinate(bar.MonthlyRevenueImpact >= 0 ? y - 4 : y + barHeight + 12))
                .Append("\" text-anchor=\"middle\">").Append(Encode(ReportText.Amount(bar.MonthlyRevenueImpact))).Append("</text>");
            var labelY = Top + PlotHeight + 16;
            svg.Append("<text class=\"label\" x=\"").Append(centre).Append("\" y=\"").Append(labelY)
                .Append("\" text-anchor=\"end\" transform=\"rotate(-45 ").Append(centre).Append(' ').Append(labelY).Append(")\">")
                .Append(Encode(Shorten(bar.CustomerName))).Append("</text>");
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string name) => name.Length <= 22 ? name : name.Substring(0, 21) + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
