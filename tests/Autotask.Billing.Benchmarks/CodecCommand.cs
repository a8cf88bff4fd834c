using System.Diagnostics;
using System.Globalization;
using Autotask.Billing.Buffering;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// codec --customers N --repeat R: what holding a line in a <see cref="TransactionBuffer"/> costs per line, written
/// and read back. The lines are the <see cref="BenchmarkTenant"/>'s Partner Center file read through
/// <see cref="BillingSourceReader"/> (what Compare-AtContract buffers). Timed R times in this process after one
/// unmeasured warm-up pass (so JIT is not counted):
/// <list type="bullet">
/// <item>write: <see cref="TransactionCodec.Write"/> of every line into a reused <see cref="CompactWriter"/>, its
/// <see cref="StringTable"/> already holding the texts (the codec alone, as it runs for every line but the first of
/// each text);</item>
/// <item>add: <see cref="TransactionBuffer.Add"/> of every line into an empty buffer (the codec, the chunk copy and
/// the buffer's own growth: its chunks are the held bytes, not garbage);</item>
/// <item>read: the buffer's indexer for every line (<see cref="TransactionCodec.Read"/>: a new, equal Transaction);</item>
/// <item>subscription: <see cref="TransactionBuffer.SubscriptionIdAt"/> for every line.</item>
/// </list>
/// Also the record bytes per line (the buffer's chunk bytes). Bytes allocated are this thread's allocations during the loop (GC.GetAllocatedBytesForCurrentThread) divided by the lines;
/// ns per line is wall time, best and median of the runs (a busy machine inflates wall time, the best run least).
/// </summary>
public sealed class CodecCommand : IBenchmarkCommand
{
    public string Name => "codec";

    public string Usage => "codec [--customers 200] [--services-per-customer 20] [--lines-per-service 5] [--repeat 5]   bytes allocated and ns per line to write a line into a TransactionBuffer and read it back";

    public int Run(IReadOnlyList<string> args)
    {
        var customers = BenchmarkArguments.Int(args, "--customers", 200);
        var servicesPerCustomer = BenchmarkArguments.Int(args, "--services-per-customer", 20);
        var linesPerService = BenchmarkArguments.Int(args, "--lines-per-service", 5);
        var repeat = Math.Max(1, BenchmarkArguments.Int(args, "--repeat", 5));

        var folder = Path.Combine(Path.GetTempPath(), "atb-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            List<Transaction> lines;
            using (var sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = BenchmarkTenant.Today }))
            {
                var tenant = BenchmarkTenant.Seed(sandbox.Data, customers, servicesPerCustomer, linesPerService);
                var path = Path.Combine(folder, "pc-recon.csv");
                tenant.WriteFile(path);
                lines = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded })
                    .ReadFile(path, CancellationToken.None)
                    .Where(item => item.Transaction is not null)
                    .Select(item => item.Transaction!)
                    .ToList();
            }

            var sample = lines[lines.Count / 2];
            Console.WriteLine($"{lines.Count:N0} Partner Center lines, e.g. TransactionId '{sample.TransactionId}', SubscriptionId '{sample.SubscriptionId}', ReferenceId '{sample.ReferenceId}'.");

            var writer = new CompactWriter();
            var strings = new StringTable();
            var buffer = new TransactionBuffer();

            long recordBytes = 0;
            void WriteAll()
            {
                recordBytes = 0;
                foreach (var line in lines)
                {
                    writer.Reset();
                    TransactionCodec.Write(writer, strings, line);
                    recordBytes += writer.Length;
                }
            }

            void AddAll()
            {
                buffer.Clear();
                foreach (var line in lines)
                {
                    buffer.Add(line);
                }
            }

            var check = 0;
            void ReadAll()
            {
                for (var i = 0; i < buffer.Count; i++)
                {
                    check += buffer[i].SourceLine & 1;
                }
            }

            void SubscriptionAll()
            {
                for (var i = 0; i < buffer.Count; i++)
                {
                    check += buffer.SubscriptionIdAt(i).Length & 1;
                }
            }

            // Warm-up: the string table holding every text, and JIT: each method called often enough to be recompiled
            // optimised, and time for that background compilation (else the first figure times unoptimised code).
            for (var pass = 0; pass < 3; pass++)
            {
                WriteAll();
                AddAll();
                ReadAll();
                SubscriptionAll();
                Thread.Sleep(300);
            }

            var figures = new Dictionary<string, (double BestNs, double MedianNs, double Bytes)>();
            foreach (var (name, action) in new (string, Action)[] { ("write", WriteAll), ("add", AddAll), ("read", ReadAll), ("subscription", SubscriptionAll) })
            {
                var ns = new List<double>();
                double bytes = 0;
                for (var run = 0; run < repeat; run++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var stopwatch = Stopwatch.StartNew();
                    action();
                    stopwatch.Stop();
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    ns.Add(stopwatch.Elapsed.TotalMilliseconds * 1e6 / lines.Count);
                    bytes = (double)allocated / lines.Count;
                    Console.WriteLine($"{name} run {run + 1}: {ns[^1]:F0} ns/line, {bytes:F1} B allocated/line.");
                }

                ns.Sort();
                figures[name] = (ns[0], ns[ns.Count / 2], bytes);
            }

            // Equality is the unit tests' job; this only guards the benchmark from measuring something broken.
            var back = buffer[lines.Count / 2];
            var same = back.TransactionId == sample.TransactionId && back.SubscriptionId == sample.SubscriptionId && back.ReferenceId == sample.ReferenceId && back.Quantity == sample.Quantity;
            Console.WriteLine($"Records: {(double)recordBytes / lines.Count:F1} B/line (the buffer's chunk bytes; its texts are held once in its table).");
            foreach (var (name, f) in figures)
            {
                Console.WriteLine($"{name,-12} best {f.BestNs,6:F0} ns/line, median {f.MedianNs,6:F0} ns/line, {f.Bytes,8:F1} B allocated/line");
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"command\":\"codec\",\"lines\":{lines.Count},\"recordBytesPerLine\":{(double)recordBytes / lines.Count:F1},{string.Join(",", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"\"{f.Key}NsBest\":{f.Value.BestNs:F0},\"{f.Key}NsMedian\":{f.Value.MedianNs:F0},\"{f.Key}BytesPerLine\":{f.Value.Bytes:F1}")))},\"check\":{check}}}"));
            return same ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
