using System.Diagnostics;
using System.Globalization;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// parse --lines N: writes a Partner Center NCE reconciliation CSV of N data lines (47 columns, quoted JSON-in-cell
/// values, two-leg quantity changes) to a temp folder, reads it through <see cref="BillingSourceReader"/>, and reports
/// lines per second of reading and the process's peak working set.
/// </summary>
public sealed class ParseCommand : IBenchmarkCommand
{
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
        using var writer = new PartnerCenterCsv(path);
        var random = new Random(42);
        for (var i = 0; i < lines; i++)
        {
            var customer = i % 2_000;
            var seats = 1 + random.Next(0, 300);
            // Every fifth record is one leg of a two-leg addQuantity: the refund of the old count, then the new count.
            var leg = i % 5;
            var day = 1 + (i % 28);
            writer.Write(new PartnerCenterRow
            {
                CustomerId = $"{customer:x8}-2e8b-4ab5-8bed-d9f50dcca7a2",
                CustomerName = $"Customer {customer}, Ltd.",
                CustomerDomain = $"customer{customer}.onmicrosoft.com",
                OrderId = $"{i:x12}",
                OrderDate = new DateTime(2024, 5, day, 18, 30, 6, DateTimeKind.Utc),
                ProductId = skus[(i / 2_000) % skus.Length],
                ChargeType = leg is 3 or 4 ? "addQuantity" : leg == 0 ? "new" : "cycleCharge",
                UnitPrice = 12.5m,
                Quantity = seats,
                IsRefund = leg == 3,
                SubscriptionId = $"{i / 5:x8}-e80a-4aa0-da80-3fd2b792c2cc",
                ChargeStart = new DateTime(2024, 5, day, 0, 0, 0, DateTimeKind.Utc),
                ChargeEnd = new DateTime(2024, 6, day, 0, 0, 0, DateTimeKind.Utc),
                SubscriptionStart = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc),
                ReferenceId = $"{i / 5:x8}-5b7d-4219-966e-93c637113708-{(leg >= 3 ? 3 : leg)}",
            });
        }
    }
}
