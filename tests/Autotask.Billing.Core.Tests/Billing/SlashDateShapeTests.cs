using System.Text.RegularExpressions;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// CellFormat tells a slash date by hand (issue 15: a regex per date was a tenth of a Partner Center line's
/// allocations); it must accept exactly what the regex it replaced accepted, with the same two leading numbers.
/// </summary>
public sealed class SlashDateShapeTests
{
    private static readonly Regex Reference = new(@"^(\d{1,2})/(\d{1,2})/\d{4}(?:\s|$)", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("10/1/2026", true, 10, 1)]
    [InlineData("1/31/2026 12:00:00 AM", true, 1, 31)]
    [InlineData("01/02/2026\t", true, 1, 2)]
    [InlineData("123/1/2026", false, 0, 0)]
    [InlineData("1/2/20260", false, 0, 0)]
    [InlineData("1/2/202", false, 0, 0)]
    [InlineData("1-2-2026", false, 0, 0)]
    [InlineData("/1/2026", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    public void Known_shapes(string text, bool expected, int first, int second)
    {
        Assert.Equal(expected, CellFormat.IsSlashDate(text, out var a, out var b));
        if (expected)
        {
            Assert.Equal((first, second), (a, b));
        }
    }

    [Fact]
    public void Random_text_is_judged_as_the_regex_judged_it()
    {
        var random = new Random(1502);
        // Every white space the regex's \s and char.IsWhiteSpace could disagree on after the year.
        const string alphabet = "0123456789//// :-aT\t\r\n\v\f\u00A0\u0085\u2028\u3000";
        for (var round = 0; round < 50_000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 16)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var match = Reference.Match(text);
            var found = CellFormat.IsSlashDate(text, out var first, out var second);
            Assert.True(match.Success == found, $"'{text}': regex {match.Success}, by hand {found}");
            if (found)
            {
                Assert.Equal((int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)), (first, second));
            }
        }
    }

    [Fact]
    public void Digits_of_other_scripts_are_not_a_slash_date()
    {
        // The regex's \d matched them and int.Parse then threw; now such text is simply not a date.
        Assert.False(CellFormat.IsSlashDate("١/٢/٢٠٢٦", out _, out _));
    }
}
