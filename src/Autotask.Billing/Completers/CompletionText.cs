using System.Management.Automation;

namespace Autotask.Billing.Completers;

/// <summary>Turns candidate values into completion results: prefix match, quoted when they hold spaces.</summary>
internal static class CompletionText
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> candidates, string wordToComplete)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return candidates
            .Where(candidate => !string.IsNullOrEmpty(candidate) && candidate.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(candidate => candidate, StringComparer.OrdinalIgnoreCase)
            .Take(200)
            .Select(candidate => new CompletionResult(Quote(candidate), candidate, CompletionResultType.ParameterValue, candidate));
    }

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}' }) < 0 ? value : "'" + value.Replace("'", "''") + "'";
}
