using Newtonsoft.Json;

namespace Autotask.Billing.Reporting;

/// <summary>
/// The report as JSON: title and generation time, the totals (per currency, by kind, sync outcomes, run summaries),
/// then "items" with the CSV's columns as properties — numbers as JSON numbers with the CSV's digits, dates as
/// yyyy-MM-dd strings, absent values as null.
/// </summary>
public sealed class JsonReportWriter
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

        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        await json.WriteStartObjectAsync(cancellationToken).ConfigureAwait(false);
        await Property(json, "title", report.Title, cancellationToken).ConfigureAwait(false);
        await Property(json, "generatedUtc", report.GeneratedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        await WriteTotalsAsync(json, report, cancellationToken).ConfigureAwait(false);

        await json.WritePropertyNameAsync("items", cancellationToken).ConfigureAwait(false);
        await json.WriteStartArrayAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in ReportRows.Of(report))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await json.WriteStartObjectAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < row.Length; i++)
            {
                var column = ReportRows.Columns[i];
                await json.WritePropertyNameAsync(column.Name, cancellationToken).ConfigureAwait(false);
                await Value(json, column.Type, row[i], cancellationToken).ConfigureAwait(false);
            }

            await json.WriteEndObjectAsync(cancellationToken).ConfigureAwait(false);
        }

        await json.WriteEndArrayAsync(cancellationToken).ConfigureAwait(false);
        await json.WriteEndObjectAsync(cancellationToken).ConfigureAwait(false);
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteTotalsAsync(JsonTextWriter json, BillingReport report, CancellationToken cancellationToken)
    {
        await json.WritePropertyNameAsync("totals", cancellationToken).ConfigureAwait(false);
        await json.WriteStartObjectAsync(cancellationToken).ConfigureAwait(false);

        await json.WritePropertyNameAsync("byCurrency", cancellationToken).ConfigureAwait(false);
        await json.WriteStartArrayAsync(cancellationToken).ConfigureAwait(false);
        foreach (var total in report.Totals)
        {
            await json.WriteStartObjectAsync(cancellationToken).ConfigureAwait(false);
            await Property(json, "currency", total.Currency, cancellationToken).ConfigureAwait(false);
            await Amount(json, "monthlyRevenueImpact", total.MonthlyRevenueImpact, cancellationToken).ConfigureAwait(false);
            await Amount(json, "monthlyCostImpact", total.MonthlyCostImpact, cancellationToken).ConfigureAwait(false);
            await Amount(json, "monthlyMarginImpact", total.MonthlyMarginImpact, cancellationToken).ConfigureAwait(false);
            await Amount(json, "oneTimeRevenueImpact", total.OneTimeRevenueImpact, cancellationToken).ConfigureAwait(false);
            await Amount(json, "oneTimeCostImpact", total.OneTimeCostImpact, cancellationToken).ConfigureAwait(false);
            await Count(json, "differences", total.Differences, cancellationToken).ConfigureAwait(false);
            await Count(json, "actionable", total.Actionable, cancellationToken).ConfigureAwait(false);
            await json.WriteEndObjectAsync(cancellationToken).ConfigureAwait(false);
        }

        await json.WriteEndArrayAsync(cancellationToken).ConfigureAwait(false);

        await json.WritePropertyNameAsync("countsByKind", cancellationToken).ConfigureAwait(false);
        await json.WriteStartObjectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var count in report.CountsByKind)
        {
            await Count(json, count.Kind.ToString(), count.Count, cancellationToken).ConfigureAwait(false);
        }

        await json.WriteEndObjectAsync(cancellationToken).ConfigureAwait(false);
        await Count(json, "differences", report.Differences.Count, cancellationToken).ConfigureAwait(false);
        await Count(json, "customers", report.Customers.Count, cancellationToken).ConfigureAwait(false);
        await Count(json, "unmappedCustomers", report.UnmappedCustomers, cancellationToken).ConfigureAwait(false);
        await Count(json, "unmappedSkus", report.UnmappedSkus, cancellationToken).ConfigureAwait(false);
        await Count(json, "needingReview", report.NeedingReview, cancellationToken).ConfigureAwait(false);

        await json.WritePropertyNameAsync("sync", cancellationToken).ConfigureAwait(false);
        if (report.SyncTotals is { } sync)
        {
            await json.WriteStartObjectAsync(cancellationToken).ConfigureAwait(false);
            await Count(json, "applied", sync.Applied, cancellationToken).ConfigureAwait(false);
            await Count(json, "skipped", sync.Skipped, cancellationToken).ConfigureAwait(false);
            await Count(json, "failed", sync.Failed, cancellationToken).ConfigureAwait(false);
            await Count(json, "notRun", sync.NotRun, cancellationToken).ConfigureAwait(false);
            await Count(json, "needsAttention", sync.NeedsAttention, cancellationToken).ConfigureAwait(false);
            await json.WriteEndObjectAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await json.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }

        await json.WritePropertyNameAsync("runs", cancellationToken).ConfigureAwait(false);
        await json.WriteStartArrayAsync(cancellationToken).ConfigureAwait(false);
        foreach (var run in report.RunSummaries)
        {
            await json.WriteStartObjectAsync(cancellationToken).ConfigureAwait(false);
            await Property(json, "runId", run.RunId, cancellationToken).ConfigureAwait(false);
            await Property(json, "startedUtc", Instant(run.StartedUtc), cancellationToken).ConfigureAwait(false);
            await Property(json, "finishedUtc", Instant(run.FinishedUtc), cancellationToken).ConfigureAwait(false);
            await Count(json, "requestsUsed", run.RequestsUsed, cancellationToken).ConfigureAwait(false);
            await Count(json, "exitCode", run.ExitCode, cancellationToken).ConfigureAwait(false);
            await json.WriteEndObjectAsync(cancellationToken).ConfigureAwait(false);
        }

        await json.WriteEndArrayAsync(cancellationToken).ConfigureAwait(false);
        await json.WriteEndObjectAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task Value(JsonTextWriter json, ReportCellType type, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await json.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (type == ReportCellType.Number)
        {
            // Raw, so 12.50 stays 12.50 whether the value came from the live object or re-imported text.
            await json.WriteRawValueAsync(value, cancellationToken).ConfigureAwait(false);
        }
        else if (type == ReportCellType.Boolean)
        {
            await json.WriteValueAsync(value == "True", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await json.WriteValueAsync(value, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task Property(JsonTextWriter json, string name, string? value, CancellationToken cancellationToken)
    {
        await json.WritePropertyNameAsync(name, cancellationToken).ConfigureAwait(false);
        await json.WriteValueAsync(value, cancellationToken).ConfigureAwait(false);
    }

    private static async Task Amount(JsonTextWriter json, string name, decimal value, CancellationToken cancellationToken)
    {
        await json.WritePropertyNameAsync(name, cancellationToken).ConfigureAwait(false);
        await json.WriteRawValueAsync(ReportText.Amount(value), cancellationToken).ConfigureAwait(false);
    }

    private static async Task Count(JsonTextWriter json, string name, long value, CancellationToken cancellationToken)
    {
        await json.WritePropertyNameAsync(name, cancellationToken).ConfigureAwait(false);
        await json.WriteValueAsync(value, cancellationToken).ConfigureAwait(false);
    }

    private static string? Instant(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
