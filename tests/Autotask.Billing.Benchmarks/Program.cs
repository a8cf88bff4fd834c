namespace Autotask.Billing.Benchmarks;

/// <summary>Prints speed and memory figures; one sub-command per benchmark, last line one JSON object.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : string.Empty;
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Known: (none yet).");
        return 2;
    }
}
