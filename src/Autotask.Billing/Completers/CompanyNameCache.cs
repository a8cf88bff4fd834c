namespace Autotask.Billing.Completers;

/// <summary>
/// Company names per Autotask database as the last -Auto run or company look-up read them, so -CompanyName completes
/// from memory: a completer never calls Autotask on a keystroke.
/// </summary>
internal static class CompanyNameCache
{
    private const int MaximumNames = 50_000;

    private static readonly object Gate = new();
    private static readonly Dictionary<string, IReadOnlyList<string>> NamesByDatabase = new(StringComparer.OrdinalIgnoreCase);

    public static void Remember(string databaseKey, IEnumerable<string> companyNames)
    {
        var names = companyNames
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaximumNames)
            .ToList();
        lock (Gate)
        {
            NamesByDatabase[databaseKey] = names;
        }
    }

    public static IReadOnlyList<string> Names(string databaseKey)
    {
        lock (Gate)
        {
            return NamesByDatabase.TryGetValue(databaseKey, out var names) ? names : Array.Empty<string>();
        }
    }
}
