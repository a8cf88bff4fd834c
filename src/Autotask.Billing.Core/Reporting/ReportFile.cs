using System.Text;

namespace Autotask.Billing.Reporting;

/// <summary>Writes a <see cref="BillingReport"/> to a file atomically, in the format asked for or the one its extension names.</summary>
public static class ReportFile
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    // Excel reads a CSV as UTF-8 only when it starts with the byte-order mark; accountants open these in Excel.
    private static readonly Encoding Utf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Html for .htm/.html, Csv for .csv, Json for .json; null for anything else.</summary>
    public static ReportFormat? FormatFor(string path)
    {
        switch (Path.GetExtension(path ?? string.Empty).ToUpperInvariant())
        {
            case ".HTML":
            case ".HTM":
                return ReportFormat.Html;
            case ".CSV":
                return ReportFormat.Csv;
            case ".JSON":
                return ReportFormat.Json;
            default:
                return null;
        }
    }

    /// <summary>
    /// Writes the report; an existing file is replaced only when <paramref name="overwrite"/> is set, else
    /// <see cref="ReportFileExistsException"/>. Either the whole new file is there afterwards, or the old one untouched.
    /// </summary>
    public static Task WriteAsync(BillingReport report, string path, ReportFormat format, bool overwrite, CancellationToken cancellationToken)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A report needs a file path.", nameof(path));
        }

        return AtomicFile.WriteAsync(path, overwrite, async (stream, token) =>
        {
            using var writer = new StreamWriter(stream, format == ReportFormat.Csv ? Utf8WithMark : Utf8, 65536, leaveOpen: true) { NewLine = "\n" };
            switch (format)
            {
                case ReportFormat.Csv:
                    await new CsvReportWriter().WriteAsync(report, writer, token).ConfigureAwait(false);
                    break;
                case ReportFormat.Json:
                    await new JsonReportWriter().WriteAsync(report, writer, token).ConfigureAwait(false);
                    break;
                default:
                    await new HtmlReportWriter().WriteAsync(report, writer, token).ConfigureAwait(false);
                    break;
            }

            await writer.FlushAsync().ConfigureAwait(false);
        }, cancellationToken);
    }
}
