using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// Runs a script in a fresh pwsh child process (the repo's pinned local tool, or --pwsh) with the module from out/
/// (or --module), and reads the child's peak resident memory from the OS (/proc/&lt;pid&gt;/status VmHWM, polled while
/// it runs and reported by the child itself at the end, whichever is larger).
/// </summary>
public static class ChildPwsh
{
    /// <summary>PowerShell that prints the process's VmHWM in KB as reported by Linux.</summary>
    public const string PeakMemoryScript = "[long](Select-String -LiteralPath /proc/self/status -Pattern '^VmHWM:\\s+([0-9]+)').Matches[0].Groups[1].Value";

    public static string ModulePath(IReadOnlyList<string> args) =>
        BenchmarkArguments.Text(args, "--module")
        ?? Path.Combine(RepositoryRoot(), "out", "Autotask.Billing", "Autotask.Billing.psd1");

    public static ChildResult Run(IReadOnlyList<string> args, string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PwshPath(args));
        start.ArgumentList.Add("-NoProfile");
        start.ArgumentList.Add("-NonInteractive");
        start.ArgumentList.Add("-Command");
        start.ArgumentList.Add(script);
        start.Environment["NO_COLOR"] = "1";
        foreach (var pair in environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pwsh did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long polledKb = 0;
        var trace = args.Contains("--trace");
        var nextSample = TimeSpan.Zero;
        while (!process.WaitForExit(50))
        {
            polledKb = Math.Max(polledKb, ReadStatusKb(process.Id, "VmHWM:"));
            if (trace && wall.Elapsed >= nextSample)
            {
                // Resident memory over the child's life (from process start, so ~0.5 s ahead of the script's clock).
                Console.WriteLine($"  rss {wall.Elapsed.TotalSeconds,5:F1} s  {ReadStatusKb(process.Id, "VmRSS:") / 1024,5} MB");
                nextSample += TimeSpan.FromMilliseconds(500);
            }
        }

        wall.Stop();
        var stdout = output.GetAwaiter().GetResult();
        var stderr = error.GetAwaiter().GetResult();
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = lines.LastOrDefault(l => l.StartsWith('{')) ?? string.Empty;
        var reportedKb = Number(json, "vmHwmKb") is { } kb ? (long)kb : 0;
        return new ChildResult(process.ExitCode, wall.Elapsed, Math.Max(polledKb, reportedKb), json, stderr);
    }

    public static double? Number(string json, string name)
    {
        var match = Regex.Match(json, "\"" + Regex.Escape(name) + "\":(-?[0-9.Ee+-]+)");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static long ReadStatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(Regex.Replace(line, "[^0-9]", string.Empty), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between polls.
        }

        return 0;
    }

    /// <summary>--pwsh, else pwsh.dll of the version pinned in .config/dotnet-tools.json from the NuGet cache.</summary>
    private static string PwshPath(IReadOnlyList<string> args)
    {
        if (BenchmarkArguments.Text(args, "--pwsh") is { } given)
        {
            return given;
        }

        var manifest = File.ReadAllText(Path.Combine(RepositoryRoot(), ".config", "dotnet-tools.json"));
        var version = Regex.Match(manifest, "\"powershell\"\\s*:\\s*\\{\\s*\"version\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tools = Path.Combine(packages, "powershell", version, "tools");
        var dll = Directory.Exists(tools)
            ? Directory.EnumerateFiles(tools, "pwsh.dll", SearchOption.AllDirectories).FirstOrDefault(p => p.Contains(Path.DirectorySeparatorChar + "unix" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            : null;
        return dll ?? throw new InvalidOperationException($"pwsh {version} is not in {packages}: run 'dotnet tool restore' in the repository, or pass --pwsh <path to pwsh.dll>.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AutotaskBilling.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The benchmark is not inside the repository; pass --module and --pwsh.");
    }
}
