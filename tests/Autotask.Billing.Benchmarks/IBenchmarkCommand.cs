namespace Autotask.Billing.Benchmarks;

/// <summary>One benchmark sub-command; Program finds every implementation, so a new benchmark is one new file.</summary>
public interface IBenchmarkCommand
{
    /// <summary>The word after "--" on the command line, e.g. "parse".</summary>
    string Name { get; }

    string Usage { get; }

    /// <summary>Runs the benchmark; its last line of output must be one JSON object with the figures.</summary>
    int Run(IReadOnlyList<string> args);
}
