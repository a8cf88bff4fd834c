namespace Autotask.Billing.Mapping;

/// <summary>One thing wrong with a mapping store, a CSV row or a setting, located precisely enough to fix by hand.</summary>
public sealed class MappingProblem
{
    public MappingProblem(string path, string message, int? lineNumber = null)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        LineNumber = lineNumber;
    }

    /// <summary>Where the problem is: a JSON path such as <c>customers[3].pricingStrategy</c>, or <c>row 4, column Export</c>.</summary>
    public string Path { get; }

    public string Message { get; }

    /// <summary>The line in the JSON file, when the problem came from one.</summary>
    public int? LineNumber { get; }

    public override string ToString() =>
        LineNumber is int line ? $"{Path} (line {line}): {Message}" : $"{Path}: {Message}";
}
