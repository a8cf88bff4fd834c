namespace Autotask.Billing.Mapping;

/// <summary>
/// Finds the names that share the most letter trigrams with a query, by counting over posting lists: only names
/// sharing at least one trigram are ever looked at, so fuzzy matching never compares every pair.
/// </summary>
internal sealed class TrigramIndex
{
    private readonly Dictionary<ulong, int[]> postings;
    private readonly int[] trigramCounts;

    public TrigramIndex(IReadOnlyList<string> names)
    {
        var lists = new Dictionary<ulong, List<int>>();
        trigramCounts = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var trigrams = Trigrams(names[i]);
            trigramCounts[i] = trigrams.Count;
            foreach (var trigram in trigrams)
            {
                if (!lists.TryGetValue(trigram, out var list))
                {
                    lists[trigram] = list = new List<int>();
                }

                list.Add(i);
            }
        }

        postings = lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    /// <summary>
    /// Up to <paramref name="limit"/> names with the highest Dice coefficient over trigrams (2·shared / (a + b)),
    /// best first, leaving out those below <paramref name="minimumDice"/>.
    /// </summary>
    public IReadOnlyList<(int Index, double Dice)> MostSimilar(string query, int limit, double minimumDice)
    {
        var queryTrigrams = Trigrams(query);
        if (queryTrigrams.Count == 0)
        {
            return Array.Empty<(int, double)>();
        }

        var shared = new int[trigramCounts.Length];
        var touched = new List<int>();
        foreach (var trigram in queryTrigrams)
        {
            if (postings.TryGetValue(trigram, out var names))
            {
                foreach (var name in names)
                {
                    if (shared[name]++ == 0)
                    {
                        touched.Add(name);
                    }
                }
            }
        }

        return touched
            .Select(name => (Index: name, Dice: 2d * shared[name] / (queryTrigrams.Count + trigramCounts[name])))
            .Where(candidate => candidate.Dice >= minimumDice)
            .OrderByDescending(candidate => candidate.Dice)
            .ThenBy(candidate => candidate.Index)
            .Take(limit)
            .ToList();
    }

    /// <summary>The distinct trigrams of the words padded with spaces, so word starts and ends count too.</summary>
    private static HashSet<ulong> Trigrams(string words)
    {
        var padded = " " + words + " ";
        var trigrams = new HashSet<ulong>();
        for (var i = 0; i + 2 < padded.Length; i++)
        {
            trigrams.Add(((ulong)padded[i] << 32) | ((ulong)padded[i + 1] << 16) | padded[i + 2]);
        }

        return trigrams;
    }
}
