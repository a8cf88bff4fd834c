namespace Autotask.Billing.Mapping;

/// <summary>Jaro-Winkler similarity (0 to 1), which forgives transposed letters and rewards a shared start.</summary>
internal static class JaroWinkler
{
    public static double Similarity(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return left.Length == right.Length ? 1d : 0d;
        }

        var window = Math.Max(0, (Math.Max(left.Length, right.Length) / 2) - 1);
        var leftMatched = new bool[left.Length];
        var rightMatched = new bool[right.Length];
        var matches = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(right.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!rightMatched[j] && left[i] == right[j])
                {
                    leftMatched[i] = rightMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0d;
        }

        var transpositions = 0;
        for (int i = 0, j = 0; i < left.Length; i++)
        {
            if (!leftMatched[i])
            {
                continue;
            }

            while (!rightMatched[j])
            {
                j++;
            }

            if (left[i] != right[j])
            {
                transpositions++;
            }

            j++;
        }

        double m = matches;
        var jaro = ((m / left.Length) + (m / right.Length) + ((m - (transpositions / 2d)) / m)) / 3d;
        var prefix = 0;
        while (prefix < 4 && prefix < left.Length && prefix < right.Length && left[prefix] == right[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1d - jaro));
    }
}
