namespace Autotask.Billing.Mapping;

/// <summary>A mapping store, CSV input or settings change was refused; <see cref="Problems"/> lists every reason.</summary>
public sealed class MappingValidationException : Exception
{
    public MappingValidationException(string subject, IReadOnlyList<MappingProblem> problems)
        : base(Describe(subject, problems))
    {
        Subject = subject;
        Problems = problems;
    }

    /// <summary>What was refused, e.g. the store's path or "CSV input".</summary>
    public string Subject { get; }

    public IReadOnlyList<MappingProblem> Problems { get; }

    private static string Describe(string subject, IReadOnlyList<MappingProblem> problems)
    {
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"{subject} has {count}:" + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(problem => "  " + problem));
    }
}
