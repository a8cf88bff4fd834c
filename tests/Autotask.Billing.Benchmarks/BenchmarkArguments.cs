using System.Globalization;

namespace Autotask.Billing.Benchmarks;

/// <summary>Reads "--name value" options of a benchmark command.</summary>
public static class BenchmarkArguments
{
    public static int Int(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (string.Equals(args[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        return fallback;
    }
}
