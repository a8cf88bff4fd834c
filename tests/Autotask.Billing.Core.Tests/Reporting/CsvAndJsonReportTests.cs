using System.Globalization;
using Autotask.Billing.Reporting;
using Autotask.Billing.Tests.Mapping;
using CsvHelper;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Reporting;

public sealed class CsvAndJsonReportTests
{
    private static readonly string[] ExpectedColumns =
    {
        "RecordType", "CustomerId", "CustomerName", "Kind", "Status", "Sku", "Item", "CompanyName", "ContractId", "ContractName",
        "AutotaskQuantity", "VendorQuantity", "Currency", "AutotaskUnitPrice", "TargetUnitPrice", "VendorUnitPrice",
        "AutotaskUnitCost", "TargetUnitCost", "VendorUnitCost", "MonthlyRevenueImpact", "MonthlyCostImpact", "MonthlyMarginImpact", "OneTimeRevenueImpact", "OneTimeCostImpact",
        "IsActionable", "RequiresForce", "EffectiveDate", "Reason", "Rule", "DifferenceId", "RunId", "OperationId", "OperationKind",
        "ReasonCode", "Action", "Target", "AutotaskId", "Suggestions",
    };

    [Fact]
    public async Task The_csv_has_stable_columns_and_one_row_per_difference_and_sync_result()
    {
        using var culture = new CultureScope("de-DE");

        var rows = await ReadCsv(await CsvOf(ReportSamples.Build(ReportSamples.MixedRun())));

        Assert.Equal(ExpectedColumns, rows[0]);
        Assert.Equal(4 + 4, rows.Count - 1);
        var contoso = Row(rows, "Difference", "C1-M365_BP-q");
        Assert.Equal(("Contoso Ltd", "QuantityChange", "10", "15", "246.9", "1234.50", "1000.00", "234.50", "True", "2026-11-01"),
            (contoso["CustomerName"], contoso["Kind"], contoso["AutotaskQuantity"], contoso["VendorQuantity"], contoso["AutotaskUnitPrice"], contoso["MonthlyRevenueImpact"], contoso["MonthlyCostImpact"], contoso["MonthlyMarginImpact"], contoso["IsActionable"], contoso["EffectiveDate"]));
        var failed = rows.Skip(1).Single(r => r[Array.IndexOf(ExpectedColumns, "OperationId")] == "op-2");
        Assert.Equal(("SyncResult", "Failed", ReportSamples.EscapedCustomer, "AutotaskError", ""), (failed[0], failed[4], failed[2], failed[Array.IndexOf(ExpectedColumns, "ReasonCode")], failed[Array.IndexOf(ExpectedColumns, "MonthlyRevenueImpact")]));
    }

    [Fact]
    public async Task Csv_text_a_spreadsheet_would_run_as_a_formula_is_guarded_but_negative_numbers_are_not()
    {
        var hostile = ReportSamples.QuantityChange("F", "=HYPERLINK(\"x\")", "S1", 5m, 1m, 10m, 5m);

        var rows = await ReadCsv(await CsvOf(ReportSamples.Build(new[] { ReportSamples.Properties(hostile) })));

        var row = rows[1];
        Assert.Equal("'=HYPERLINK(\"x\")", row[Array.IndexOf(ExpectedColumns, "CustomerName")]);
        Assert.Equal("-40.00", row[Array.IndexOf(ExpectedColumns, "MonthlyRevenueImpact")]);
    }

    [Fact]
    public async Task The_json_has_totals_and_the_csv_rows_as_items()
    {
        using var culture = new CultureScope("de-DE");

        var json = Parse(await JsonOf(ReportSamples.Build(ReportSamples.MixedRun())));

        Assert.Equal("October billing", (string?)json["title"]);
        Assert.Equal("2026-11-01T09:15:00Z", (string?)json["generatedUtc"]);
        var eur = json["totals"]!["byCurrency"]!.Single();
        Assert.Equal(("EUR", 1184.50m, 950.00m, 234.50m, 4, 3), ((string?)eur["currency"], (decimal)eur["monthlyRevenueImpact"]!, (decimal)eur["monthlyCostImpact"]!, (decimal)eur["monthlyMarginImpact"]!, (int)eur["differences"]!, (int)eur["actionable"]!));
        Assert.Equal(2, (int)json["totals"]!["countsByKind"]!["QuantityChange"]!);
        Assert.Equal((1, 1, 2, 1), ((int)json["totals"]!["sync"]!["failed"]!, (int)json["totals"]!["sync"]!["needsAttention"]!, (int)json["totals"]!["sync"]!["skipped"]!, (int)json["totals"]!["unmappedCustomers"]!));
        var items = (JArray)json["items"]!;
        Assert.Equal(8, items.Count);
        Assert.All(items, item => Assert.Equal(ExpectedColumns, ((JObject)item).Properties().Select(p => p.Name)));
        var contoso = items.Single(i => (string?)i["DifferenceId"] == "C1-M365_BP-q");
        Assert.Equal(JTokenType.Float, contoso["MonthlyRevenueImpact"]!.Type);
        Assert.Equal(1234.50m, (decimal)contoso["MonthlyRevenueImpact"]!);
        Assert.Equal(JTokenType.Boolean, contoso["IsActionable"]!.Type);
        Assert.Equal("2026-11-01", (string?)contoso["EffectiveDate"]);
        Assert.Equal(JTokenType.Null, contoso["Status"]!.Type);
    }

    [Fact]
    public async Task Csv_files_start_with_a_byte_order_mark_so_excel_reads_them_as_utf8()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.csv");

        await ReportFile.WriteAsync(ReportSamples.Build(ReportSamples.MixedRun()), path, ReportFormat.Csv, overwrite: false, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        Assert.Contains("&\"\"Co\"\"", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("report.html", ReportFormat.Html)]
    [InlineData("REPORT.HTM", ReportFormat.Html)]
    [InlineData("out/report.csv", ReportFormat.Csv)]
    [InlineData("report.Json", ReportFormat.Json)]
    [InlineData("report.txt", null)]
    [InlineData("report", null)]
    public void The_format_follows_the_file_extension(string path, ReportFormat? expected)
    {
        Assert.Equal(expected, ReportFile.FormatFor(path));
    }

    internal static async Task<string> CsvOf(BillingReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await new CsvReportWriter().WriteAsync(report, writer, CancellationToken.None);
        return writer.ToString();
    }

    internal static async Task<string> JsonOf(BillingReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await new JsonReportWriter().WriteAsync(report, writer, CancellationToken.None);
        return writer.ToString();
    }

    private static JObject Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None, FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal };
        return JObject.Load(reader);
    }

    private static async Task<List<string[]>> ReadCsv(string text)
    {
        using var parser = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await parser.ReadAsync())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    private static Dictionary<string, string> Row(List<string[]> rows, string recordType, string differenceId)
    {
        var row = rows.Skip(1).Single(r => r[0] == recordType && r[Array.IndexOf(ExpectedColumns, "DifferenceId")] == differenceId);
        return ExpectedColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => row[x.i]);
    }
}
