using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Buffering;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// summarize --customers N --services-per-customer M --lines-per-service L --repeat R: writes the
/// <see cref="BenchmarkTenant"/>'s Partner Center reconciliation file (what the chain benchmark reads), reads it through
/// <see cref="BillingSourceReader"/> into memory, then times summarising alone, two ways, R times each in this process
/// (the first run includes JIT, what one Compare pays; later runs show the steady cost):
/// <list type="bullet">
/// <item>list: the public <see cref="TransactionSummarizer.Summarize(IEnumerable{Transaction}, DateTime)"/> over a
/// <see cref="List{T}"/> of lines already objects (what a library caller with its own lines pays);</item>
/// <item>buffered: what a compare of a <see cref="TransactionBuffer"/> pays (<see cref="ComparisonLines"/> over the
/// buffer, with a mapping that keeps every line): the recurring lines grouped and summarised by position, each group's
/// lines decoded from the buffer as it is summarised, the seats naming their lines by position.</item>
/// </list>
/// The buffered runs follow the list runs, so their first run no longer pays the JIT of the code both share. The two
/// must give the same seats. With --compare-input it also times <see cref="ComparisonLines"/> as Compare-AtContract
/// uses it: each line taken in one by one (mapping filters, grouping, seats summed as the groups go by).
/// Allocated bytes and CPU time are the whole process's during each run (GC.GetTotalAllocatedBytes, precise; the
/// process's total processor time, which a busy machine distorts less than wall time).
/// </summary>
public sealed class SummarizeCommand : IBenchmarkCommand
{
    public string Name => "summarize";

    public string Usage => "summarize [--customers 2000] [--services-per-customer 20] [--lines-per-service 5] [--repeat 3] [--compare-input 0|1]   summarise a Partner Center file's lines into seats, from a list and from a buffer as Compare does";

    public int Run(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 2_000);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var linesPerService = BenchmarkArguments.Int(args, "--lines-per-service", 5);
        var repeat = Math.Max(1, BenchmarkArguments.Int(args, "--repeat", 3));
        var compareInput = BenchmarkArguments.Int(args, "--compare-input", 0) != 0;

        var folder = Path.Combine(Path.GetTempPath(), "atb-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today, HourlyRequestThreshold = 100_000 });
            var tenant = BenchmarkTenant.Seed(sandbox.Data, customers, servicesPerCustomer, linesPerService);
            var path = Path.Combine(folder, "pc-recon.csv");
            tenant.WriteFile(path);
            var lines = Read(path);
            Console.WriteLine($"Read {lines.Count:N0} Partner Center lines ({customers:N0} customers × {servicesPerCustomer} services × {linesPerService} subscriptions).");

            // Held in a buffer, the recurring lines summarised by position: as a compare of a TransactionBuffer does.
            var buffer = new TransactionBuffer();
            lines.ForEach(buffer.Add);
            var everyLine = new MappingDocument(new BillingSettings(), Array.Empty<CustomerMapping>(), Array.Empty<ServiceMapping>());
            var byPosition = new CompareOptions { AsOf = BenchmarkTenant.AsOf };

            Console.WriteLine("Timed two ways. list: the public TransactionSummarizer.Summarize over a List<Transaction> of objects already in memory. "
                + $"buffered: what a compare of a TransactionBuffer runs, the {lines.Count(l => l.ChargeType == ChargeType.Recurring):N0} recurring lines summarised by position from it, each "
                + "customer × SKU decoded from it as it is summarised (timed after the list runs, so the summariser's shared code is already compiled).");

            var runs = new List<(double Seconds, double Cpu, long Bytes)>();
            IReadOnlyList<TransactionSummary> summaries = Array.Empty<TransactionSummary>();
            for (var run = 0; run < repeat; run++)
            {
                (summaries, var seconds, var cpu, var bytes) = Measure(() => TransactionSummarizer.Summarize(lines, BenchmarkTenant.AsOf));
                runs.Add((seconds, cpu, bytes));
                Console.WriteLine($"Summarize (list of objects) run {run + 1}: {seconds:F3} s ({cpu:F3} s CPU), {bytes / 1024d / 1024d:F1} MB allocated, {summaries.Count:N0} summaries.");
            }

            var bufferedRuns = new List<(double Seconds, double Cpu, long Bytes)>();
            IReadOnlyList<TransactionSummary> buffered = Array.Empty<TransactionSummary>();
            for (var run = 0; run < repeat; run++)
            {
                (buffered, var seconds, var cpu, var bytes) = Measure(() => ComparisonLines.Over(buffer, Array.Empty<TransactionSummary>(), everyLine, byPosition).Input(BenchmarkTenant.AsOf).Seats);
                bufferedRuns.Add((seconds, cpu, bytes));
                Console.WriteLine($"Summarize (buffer, by position; a compare of a buffer) run {run + 1}: {seconds:F3} s ({cpu:F3} s CPU), {bytes / 1024d / 1024d:F1} MB allocated, {buffered.Count:N0} summaries.");
            }

            var inputRuns = new List<(double Seconds, double Cpu, long Bytes)>();
            if (compareInput)
            {
                var options = new CompareOptions { AsOf = BenchmarkTenant.AsOf };
                for (var run = 0; run < repeat; run++)
                {
                    // As Compare-AtContract takes the lines in: one by one into a buffer, summed as the groups go by.
                    var (input, seconds, cpu, bytes) = Measure(() =>
                    {
                        var taken = new ComparisonLines(tenant.Mapping, options);
                        foreach (var line in lines)
                        {
                            taken.Add(line);
                        }

                        return taken.Input(BenchmarkTenant.AsOf);
                    });
                    inputRuns.Add((seconds, cpu, bytes));
                    Console.WriteLine($"ComparisonLines (taken in, then summed) run {run + 1}: {seconds:F3} s ({cpu:F3} s CPU), {bytes / 1024d / 1024d:F1} MB allocated, {input.Seats.Count:N0} seats.");
                }
            }

            // A fingerprint of the output, to see at a glance that two builds (and the two paths) summarised the file alike.
            var seats = summaries.Sum(s => s.Quantity);
            var provenance = summaries.Sum(s => s.Provenance.Count);
            var same = buffered.Count == summaries.Count && buffered.Sum(s => s.Quantity) == seats && buffered.Sum(s => s.Provenance.Count) == provenance;
            if (!same)
            {
                Console.WriteLine("The buffered path summarised the file differently from the list path.");
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"command\":\"summarize\",\"lines\":{lines.Count},\"summaries\":{summaries.Count},\"seats\":{seats},\"provenance\":{provenance},\"firstSeconds\":{runs[0].Seconds:F3},\"bestSeconds\":{runs.Min(r => r.Seconds):F3},\"firstCpuSeconds\":{runs[0].Cpu:F3},\"bestCpuSeconds\":{runs.Min(r => r.Cpu):F3},\"firstAllocatedMB\":{runs[0].Bytes / 1024d / 1024d:F1},\"bestAllocatedMB\":{runs.Min(r => r.Bytes) / 1024d / 1024d:F1}{Figures("buffered", bufferedRuns)}{Figures("compareInput", inputRuns)}}}"));
            return summaries.Count > 0 && same ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<Transaction> Read(string path)
    {
        // As Get-AtTransaction -Path does for Compare: every line, no window.
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        var lines = new List<Transaction>();
        foreach (var item in reader.ReadFile(path, CancellationToken.None))
        {
            if (item.Transaction is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static (T Result, double Seconds, double Cpu, long Bytes) Measure<T>(Func<T> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        process.Refresh();
        return (result, stopwatch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, allocated);
    }

    private static string Figures(string name, IReadOnlyList<(double Seconds, double Cpu, long Bytes)> runs) =>
        runs.Count == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $",\"{name}FirstSeconds\":{runs[0].Seconds:F3},\"{name}BestSeconds\":{runs.Min(r => r.Seconds):F3},\"{name}BestCpuSeconds\":{runs.Min(r => r.Cpu):F3},\"{name}AllocatedMB\":{runs.Min(r => r.Bytes) / 1024d / 1024d:F1}");
}
