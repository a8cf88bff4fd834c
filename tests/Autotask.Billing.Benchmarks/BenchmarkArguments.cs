using System.Globalization;

namespace Autotask.Billing.Benchmarks;

/// <summary>Reads "--name value" options of a benchmark command.</summary>
public static class BenchmarkArguments
{
    public static int Int(IReadOnlyList<string> args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static string? Text(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (string.Equals(args[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
