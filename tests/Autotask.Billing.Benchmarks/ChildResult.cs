namespace Autotask.Billing.Benchmarks;

/// <summary>How a pwsh child process ended: its exit code, wall time, peak resident memory and the JSON it printed last.</summary>
public sealed record ChildResult(int ExitCode, TimeSpan Wall, long PeakKb, string Json, string Errors)
{
    public double PeakMb => PeakKb / 1024d;
}
