using System.Globalization;
using System.Text;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Reduces a company name to what identifies it: case, accents, punctuation, spacing, "&amp;" against "and",
/// a leading "The" and trailing legal forms (Inc, Ltd, GmbH, Pty Ltd, ...) do not count.
/// </summary>
internal static class CompanyNameNormalizer
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "corp", "corporation", "co", "company", "plc",
        "pty", "pte", "pvt", "bv", "nv", "ag", "sa", "sas", "sarl", "srl", "spa", "gmbh", "mbh", "kg", "ohg", "ug",
        "ab", "as", "asa", "oy", "oyj", "aps", "kft", "sro", "sl", "lda", "cv", "kk", "se", "ulc", "pllc", "pc",
    };

    /// <summary>The identifying words, lower case and unaccented, legal forms removed.</summary>
    public static IReadOnlyList<string> Words(string? name)
    {
        var words = AllWords(name);
        var count = words.Count;
        while (count > 1 && LegalForms.Contains(words[count - 1]))
        {
            count--;
        }

        return count == words.Count ? words : words.GetRange(0, count);
    }

    /// <summary>The name as one comparable key: the identifying words run together.</summary>
    public static string Key(string? name) => string.Concat(Words(name));

    /// <summary>The name run together with its legal form, as a tenant prefix such as <c>contosoltd</c> spells it.</summary>
    public static string KeyWithLegalForm(string? name) => string.Concat(AllWords(name));

    /// <summary>
    /// The keys a run-together tenant name may stand for: itself and, when it ends in a legal form
    /// (<c>litwareinc</c>), the name without it.
    /// </summary>
    public static IEnumerable<string> TenantKeys(string? tenantName)
    {
        var key = Key(tenantName);
        if (key.Length == 0)
        {
            yield break;
        }

        yield return key;
        foreach (var form in LegalForms.Where(form => key.Length > form.Length + 2 && key.EndsWith(form, StringComparison.Ordinal)))
        {
            yield return key.Substring(0, key.Length - form.Length);
        }
    }

    private static List<string> AllWords(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(text, char.ToLowerInvariant(c));
            }
            else if (c is '&' or '+')
            {
                text.Append(" and ");
            }
            else if (c is '.' or '\'' or '\u2019' or '\u2018' or '`')
            {
                // "A.B.C." and "O'Neil" are one word each.
            }
            else
            {
                text.Append(' ');
            }
        }

        var words = text.ToString().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return words;
    }

    /// <summary>Letters that carry no combining accent to strip, spelt as a person would type them without it.</summary>
    private static void AppendFolded(StringBuilder text, char c)
    {
        switch (c)
        {
            case 'ß': text.Append("ss"); break;
            case 'æ': text.Append("ae"); break;
            case 'œ': text.Append("oe"); break;
            case 'ø': text.Append('o'); break;
            case 'ł': text.Append('l'); break;
            case 'đ': case 'ð': text.Append('d'); break;
            case 'þ': text.Append("th"); break;
            case 'ı': text.Append('i'); break;
            default: text.Append(c); break;
        }
    }
}
