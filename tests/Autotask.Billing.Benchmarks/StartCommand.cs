using System.Globalization;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// start --runs R: the first command after Import-Module, in R fresh pwsh processes: Import-Module (out/ or --module),
/// Connect-AtBilling -Sandbox, then the first Get-AtContract. Reports each step's time inside pwsh and the process's
/// wall time (pwsh's own start included), as the median of the runs, the methods the JIT compiled in the process and
/// its time in the JIT (System.Runtime.JitInfo: far less noisy than wall time on a busy machine), and the peak
/// resident memory from the OS.
/// </summary>
public sealed class StartCommand : IBenchmarkCommand
{
    private const string Script = """
        $ErrorActionPreference = 'Stop'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Import-Module -Name $env:ATB_BENCH_MODULE
        $imported = $clock.Elapsed.TotalSeconds
        Connect-AtBilling -Sandbox
        $connected = $clock.Elapsed.TotalSeconds
        $contracts = @(Get-AtContract).Count
        $read = $clock.Elapsed.TotalSeconds
        $peak = 
        """ + ChildPwsh.PeakMemoryScript + """

        [ordered]@{ importSeconds = $imported; connectSeconds = $connected - $imported; firstReadSeconds = $read - $connected; totalSeconds = $read; jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false); jitSeconds = [System.Runtime.JitInfo]::GetCompilationTime($false).TotalSeconds; contracts = $contracts; vmHwmKb = $peak } | ConvertTo-Json -Compress
        """;

    public string Name => "start";

    public string Usage => "start [--runs 3] [--module out/…psd1] [--pwsh pwsh.dll]   Import-Module + Connect-AtBilling -Sandbox + first Get-AtContract in fresh pwsh processes";

    public int Run(IReadOnlyList<string> args)
    {
        var runs = BenchmarkArguments.Int(args, "--runs", 3);
        var module = ChildPwsh.ModulePath(args);
        var results = new List<ChildResult>();
        for (var i = 0; i < runs; i++)
        {
            var home = Path.Combine(Path.GetTempPath(), "atb-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(home);
            try
            {
                var result = ChildPwsh.Run(args, Script, new Dictionary<string, string>
                {
                    ["ATB_BENCH_MODULE"] = module, ["AUTOTASK_BILLING_HOME"] = home, ["HOME"] = home,
                });
                if (result.ExitCode != 0 || result.Json.Length == 0)
                {
                    Console.Error.WriteLine(result.Errors);
                    return 1;
                }

                Console.WriteLine($"Run {i + 1}: process {result.Wall.TotalSeconds:F2} s, peak {result.PeakMb:F0} MB: {result.Json}");
                results.Add(result);
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        }

        double Median(Func<ChildResult, double> figure)
        {
            var sorted = results.Select(figure).OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }

        double Step(string name) => Median(r => ChildPwsh.Number(r.Json, name) ?? double.NaN);
        Console.WriteLine($"Module: {module}. Medians of {runs} runs.");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"command\":\"start\",\"runs\":{runs},\"processSeconds\":{Median(r => r.Wall.TotalSeconds):F3},\"importSeconds\":{Step("importSeconds"):F3},\"connectSeconds\":{Step("connectSeconds"):F3},\"firstReadSeconds\":{Step("firstReadSeconds"):F3},\"inPwshSeconds\":{Step("totalSeconds"):F3},\"contracts\":{Step("contracts"):F0},\"jitMethods\":{Step("jitMethods"):F0},\"jitSeconds\":{Step("jitSeconds"):F3},\"peakResidentMB\":{Median(r => r.PeakMb):F1}}}"));
        return 0;
    }
}
