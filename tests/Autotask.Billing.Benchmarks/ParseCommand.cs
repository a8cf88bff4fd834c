using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Buffering;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// parse: reads a Partner Center NCE reconciliation CSV through <see cref="BillingSourceReader"/> three times in one
/// process and reports, from the first pass (lines streamed and dropped, as Compare's aggregation sees them), lines
/// per second, the reader's own retained bytes (what the reader instance still holds after the file: duplicate-id
/// state) and the peak working set; from the second pass (every transaction kept in a list, as a caller holding the
/// lines does) the retained bytes per line and the peak working set then; from the third (every transaction in a
/// <see cref="TransactionBuffer"/>, as Get-AtTransaction and Compare-AtContract hold them) the retained bytes per
/// line. Retained = GC.GetTotalMemory(true) after
/// minus before. The file is generated (--shape events: N event rows; --shape tenant: the file the compare and chain
/// benchmarks read, for --customers N) or given with --file; --out PATH only writes it, so several runs read one file.
/// </summary>
public sealed class ParseCommand : IBenchmarkCommand
{
    public string Name => "parse";

    public string Usage =>
        "parse [--lines 200000 | --shape tenant --customers 2000 [--services-per-customer 20] [--lines-per-service 5]] [--out PATH | --file PATH]   read a Partner Center NCE CSV";

    public int Run(IReadOnlyList<string> args)
    {
        var given = BenchmarkArguments.Text(args, "--file");
        var output = BenchmarkArguments.Text(args, "--out");
        var folder = Path.Combine(Path.GetTempPath(), "atb-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = given ?? output ?? Path.Combine(folder, "recon.csv");
            if (given is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var written = Write(args, path);
                Console.WriteLine($"Generated {written:N0} lines, {new FileInfo(path).Length / 1024d / 1024d:F1} MB: {path}");
                if (output is not null)
                {
                    return 0;
                }
            }

            return Measure(path);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int Measure(string path)
    {
        var fileMb = new FileInfo(path).Length / 1024d / 1024d;

        // Pass 1: stream and drop, as an aggregating caller does; what survives is the reader's own state.
        var before = GC.GetTotalMemory(true);
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
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
        process.Refresh();
        // CPU time of the read (GC threads included): steadier than wall time when the machine is shared.
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var summary = reader.Total;
        var readerRetained = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(reader);
        var streamingPeakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d;
        var linesPerSecond = summary.Read / stopwatch.Elapsed.TotalSeconds;
        reader = null;

        // Pass 2: keep every transaction, as a caller holding the lines does.
        before = GC.GetTotalMemory(true);
        var keeping = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        var kept = new List<Transaction>();
        foreach (var item in keeping.ReadFile(path, CancellationToken.None))
        {
            if (item.Transaction is { } line)
            {
                kept.Add(line);
            }
        }

        var keptRetained = GC.GetTotalMemory(true) - before;
        var keptPerLine = kept.Count == 0 ? 0 : (double)keptRetained / kept.Count;
        var readerPerLine = transactions == 0 ? 0 : (double)readerRetained / transactions;
        GC.KeepAlive(keeping);
        GC.KeepAlive(kept);
        var keptPeakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d;
        var keptCount = kept.Count;
        kept = null;

        // Pass 3: keep every transaction as Get-AtTransaction (until the file is judged) and Compare-AtContract hold them.
        before = GC.GetTotalMemory(true);
        var buffering = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        var buffer = new TransactionBuffer();
        foreach (var item in buffering.ReadFile(path, CancellationToken.None))
        {
            if (item.Transaction is { } line)
            {
                buffer.Add(line);
            }
        }

        var bufferedRetained = GC.GetTotalMemory(true) - before;
        var bufferedPerLine = buffer.Count == 0 ? 0 : (double)bufferedRetained / buffer.Count;
        GC.KeepAlive(buffering);
        GC.KeepAlive(buffer);

        Console.WriteLine($"Read {summary.Read:N0} records in {stopwatch.Elapsed.TotalSeconds:F2} s ({linesPerSecond:N0} lines/s; {cpuSeconds:F2} s of CPU): {transactions:N0} transactions, {problems:N0} problems.");
        Console.WriteLine($"Reader's own retained state: {readerRetained / 1024d / 1024d:F1} MB ({readerPerLine:F1} B/line); peak working set streaming {streamingPeakMb:F1} MB.");
        Console.WriteLine($"Holding all {keptCount:N0} transactions: {keptRetained / 1024d / 1024d:F1} MB retained ({keptPerLine:F1} B/line, the reader's state included); peak working set {keptPeakMb:F1} MB.");
        Console.WriteLine($"Holding them in a TransactionBuffer, as the cmdlets do: {bufferedRetained / 1024d / 1024d:F1} MB retained ({bufferedPerLine:F1} B/line, the reader's state included).");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"command\":\"parse\",\"lines\":{summary.Read},\"fileMB\":{fileMb:F1},\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"transactions\":{transactions},\"problems\":{problems},\"linesPerSecond\":{linesPerSecond:F0},\"cpuSeconds\":{cpuSeconds:F3},\"linesPerCpuSecond\":{summary.Read / cpuSeconds:F0},\"readerRetainedBytes\":{readerRetained},\"readerBytesPerLine\":{readerPerLine:F1},\"keptBytesPerLine\":{keptPerLine:F1},\"peakWorkingSetMB\":{streamingPeakMb:F1},\"keptPeakWorkingSetMB\":{keptPeakMb:F1},\"bufferedBytesPerLine\":{bufferedPerLine:F1}}}"));
        return problems == 0 && transactions == summary.Read && keptCount == transactions && buffer.Count == transactions ? 0 : 1;
    }

    private static int Write(IReadOnlyList<string> args, string path)
    {
        if (string.Equals(BenchmarkArguments.Text(args, "--shape"), "tenant", StringComparison.OrdinalIgnoreCase))
        {
            // The file compare and chain read; the seeded sandbox is dropped before anything is measured.
            using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today });
            var tenant = BenchmarkTenant.Seed(
                sandbox.Data,
                BenchmarkArguments.Int(args, "--customers", 2_000),
                BenchmarkArguments.Int(args, "--services-per-customer", 20),
                BenchmarkArguments.Int(args, "--lines-per-service", 5));
            tenant.WriteFile(path);
            return tenant.FileLines;
        }

        var lines = BenchmarkArguments.Int(args, "--lines", 200_000);
        Generate(path, lines);
        return lines;
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
