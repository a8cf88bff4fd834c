using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Autotask.Billing.Reporting;

/// <summary>
/// One row per difference and per sync result, with stable columns (see the column list in the header), invariant
/// numbers and yyyy-MM-dd dates. Text that a spreadsheet would run as a formula (starting with =, +, -, @) gets a
/// leading apostrophe (<see cref="SpreadsheetText"/>); numbers are never touched.
/// </summary>
public sealed class CsvReportWriter
{
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

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var column in ReportRows.Columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var row in ReportRows.Of(report))
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < row.Length; i++)
            {
                csv.WriteField(ReportRows.Columns[i].Type == ReportCellType.Text ? SpreadsheetText.Guard(row[i]) : row[i]);
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
    }
}
