using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// parse --lines N: writes a Partner Center NCE reconciliation CSV of N data lines (47 columns, quoted JSON-in-cell
/// values, two-leg quantity changes) to a temp folder, reads it through <see cref="BillingSourceReader"/>, and reports
/// lines per second of reading and the process's peak working set.
/// </summary>
public sealed class ParseCommand : IBenchmarkCommand
{
    private static readonly string[] Header =
    {
        "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber", "MpnId",
        "Tier2MpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName",
        "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription",
        "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate",
        "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency",
        "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId",
        "CreditReasonCode", "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers",
        "PromotionId", "ProductCategory",
    };

    public string Name => "parse";

    public string Usage => "parse [--lines 200000]   read a generated Partner Center NCE CSV";

    public int Run(IReadOnlyList<string> args)
    {
        var lines = BenchmarkArguments.Int(args, "--lines", 200_000);
        var folder = Path.Combine(Path.GetTempPath(), "atb-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "recon.csv");
            Generate(path, lines);
            var fileMb = new FileInfo(path).Length / 1024d / 1024d;
            Console.WriteLine($"Generated {lines:N0} lines, {fileMb:F1} MB: {path}");

            var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
            var stopwatch = Stopwatch.StartNew();
            int transactions = 0, problems = 0;
            foreach (var item in reader.ReadFile(path, CancellationToken.None))
            {
                if (item.Transaction is not null)
                {
                    transactions++;
                }
                else
                {
                    problems++;
                }
            }

            stopwatch.Stop();
            var summary = reader.Total;
            var linesPerSecond = summary.Read / stopwatch.Elapsed.TotalSeconds;
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d;
            Console.WriteLine($"Read {summary.Read:N0} records in {stopwatch.Elapsed.TotalSeconds:F2} s: {transactions:N0} transactions, {problems:N0} problems.");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"command\":\"parse\",\"lines\":{lines},\"fileMB\":{fileMb:F1},\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"transactions\":{transactions},\"problems\":{problems},\"linesPerSecond\":{linesPerSecond:F0},\"peakWorkingSetMB\":{peakMb:F1}}}"));
            return problems == 0 && transactions == lines ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Generate(string path, int lines)
    {
        string[] skus = { "CFQ7TTC0LH18", "CFQ7TTC0LF8Q", "CFQ7TTC0LDPB", "CFQ7TTC0LCHC", "CFQ7TTC0HL8W", "CFQ7TTC0LH0R" };
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write(string.Join(",", Header));
        writer.Write("\r\n");
        var random = new Random(42);
        var row = new string[Header.Length];
        for (var i = 0; i < lines; i++)
        {
            var customer = i % 2_000;
            var sku = skus[(i / 2_000) % skus.Length];
            var seats = 1 + random.Next(0, 300);
            // Every fifth record is one leg of a two-leg addQuantity: the refund of the old count, then the new count.
            var leg = i % 5;
            var chargeType = leg is 3 or 4 ? "addQuantity" : leg == 0 ? "new" : "cycleCharge";
            var price = 12.5m;
            var subtotal = leg == 3 ? -price * seats : price * seats;
            var day = 1 + (i % 28);
            row[0] = "934f3416-bc2f-47f3-b492-77e517d4e572";
            row[1] = $"{customer:x8}-2e8b-4ab5-8bed-d9f50dcca7a2";
            row[2] = $"\"Customer {customer}, Ltd.\"";
            row[3] = $"customer{customer}.onmicrosoft.com";
            row[4] = "US";
            row[5] = "G000773581";
            row[6] = "5357564";
            row[7] = "0";
            row[8] = $"{i:x12}";
            row[9] = $"2024-05-{day:00}T18:30:06.6045692Z";
            row[10] = sku;
            row[11] = "0001";
            row[12] = "CFQ7TTC0K5RQ";
            row[13] = "Microsoft 365 Business Premium";
            row[14] = "Microsoft 365 Business Premium";
            row[15] = chargeType;
            row[16] = price.ToString(CultureInfo.InvariantCulture);
            row[17] = seats.ToString(CultureInfo.InvariantCulture);
            row[18] = subtotal.ToString(CultureInfo.InvariantCulture);
            row[19] = "0";
            row[20] = subtotal.ToString(CultureInfo.InvariantCulture);
            row[21] = "USD";
            row[22] = "\"[\"\"Price for given billing period\"\",\"\"You are getting a discount for being a partner.\"\"]\"";
            row[23] = "Microsoft Corporation";
            row[24] = string.Empty;
            row[25] = string.Empty;
            row[26] = $"{i / 5:x8}-e80a-4aa0-da80-3fd2b792c2cc";
            row[27] = $"5/{day}/2024";
            row[28] = $"6/{day}/2024";
            row[29] = "One-Year commitment for monthly/yearly billing";
            row[30] = price.ToString(CultureInfo.InvariantCulture);
            row[31] = string.Empty;
            row[32] = row[8];
            row[33] = seats.ToString(CultureInfo.InvariantCulture);
            row[34] = "Monthly";
            row[35] = "USD";
            row[36] = "1";
            row[37] = "5/1/2024";
            row[38] = string.Empty;
            row[39] = "99f246cf-ed96-41b4-b0cd-0aa43eb1fe91";
            row[40] = string.Empty;
            row[41] = "5/1/2024";
            row[42] = "4/30/2025";
            row[43] = $"{i / 5:x8}-5b7d-4219-966e-93c637113708-{(leg >= 3 ? 3 : leg)}";
            row[44] = "\"[\"\"AddOn\"\"]\"";
            row[45] = string.Empty;
            row[46] = "Online Services";
            writer.Write(string.Join(",", row));
            writer.Write("\r\n");
        }
    }
}
