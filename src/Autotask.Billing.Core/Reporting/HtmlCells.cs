using System.Net;
using System.Text;

namespace Autotask.Billing.Reporting;

/// <summary>Table cells for the HTML report; every value goes through the HTML encoder here, so none can slip past it.</summary>
internal static class HtmlCells
{
    public static StringBuilder Cell(this StringBuilder html, string text) =>
        html.Append("<td>").Append(WebUtility.HtmlEncode(text)).Append("</td>");

    public static StringBuilder Number(this StringBuilder html, string text) =>
        html.Append("<td class=\"num\">").Append(WebUtility.HtmlEncode(text)).Append("</td>");

    public static StringBuilder StatusCell(this StringBuilder html, string status) =>
        html.Append("<td class=\"status-").Append(WebUtility.HtmlEncode(status)).Append("\">").Append(WebUtility.HtmlEncode(status)).Append("</td>");
}
