using System.Globalization;
using System.Text;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// The direct readers of plain cells (issue 15) may only take text the framework's parsers read to the same value:
/// every text they accept is read again by the general parser and must give the same value, scale and kind.
/// </summary>
public sealed class PlainCellsTests
{
    private const NumberStyles DecimalStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    [Theory]
    [InlineData("10", true)]
    [InlineData("-2.50", true)]
    [InlineData("0.0000001", true)]
    [InlineData("007", true)]
    [InlineData("999999999999999999", true)]
    [InlineData("9999999999999999999", false)]
    [InlineData("-0", false)]
    [InlineData("-0.00", false)]
    [InlineData("5.", false)]
    [InlineData(".5", false)]
    [InlineData("-.5", false)]
    [InlineData("-", false)]
    [InlineData("", false)]
    [InlineData("1e3", false)]
    [InlineData("+1", false)]
    [InlineData("1,250", false)]
    [InlineData("1.2.3", false)]
    public void Plain_numbers_are_read_and_everything_else_is_left_to_the_general_parser(string text, bool plain)
    {
        Assert.Equal(plain, PlainCells.TryDecimal(text, out var value));
        if (plain)
        {
            AssertSameDecimal(text, value);
        }
    }

    [Fact]
    public void Random_numbers_read_to_the_general_parsers_value_and_scale()
    {
        var random = new Random(18);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 22);
            for (var j = 0; j < length; j++)
            {
                text.Append("0123456789012345678.-"[random.Next(21)]);
            }

            if (PlainCells.TryDecimal(text.ToString(), out var value))
            {
                accepted++;
                AssertSameDecimal(text.ToString(), value);
            }
        }

        Assert.True(accepted > 5_000, $"only {accepted} texts were plain");
    }

    [Theory]
    [InlineData("2026-10-01", true)]
    [InlineData("2026-10-01T06:00:00Z", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-00-10", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2026-1-01x", false)]
    [InlineData("2026-10-0", false)]
    public void Iso_dates_are_read_from_their_first_ten_characters(string text, bool plain)
    {
        Assert.Equal(plain, PlainCells.TryIsoDate(text, out var date));
        if (plain)
        {
            Assert.True(DateTime.TryParseExact(text.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected));
            Assert.Equal(expected, date);
            Assert.Equal(expected.Kind, date.Kind);
        }
    }

    [Theory]
    [InlineData("2026-10-01T06:00:00.0000000Z", true)]
    [InlineData("2026-10-01T06:00:00Z", true)]
    [InlineData("2026-10-31T23:59:59.9999999Z", true)]
    [InlineData("2026-10-31T23:59:59.5Z", true)]
    [InlineData("2026-10-31T23:59:59.Z", false)]
    [InlineData("2026-10-31T23:59:59.12345678Z", false)]
    [InlineData("2026-10-31T24:00:00Z", false)]
    [InlineData("2026-10-31T23:60:00Z", false)]
    [InlineData("2026-10-31T23:59:60Z", false)]
    [InlineData("2026-10-31T23:59:59", false)]
    [InlineData("2026-10-31T23:59:59+02:00", false)]
    [InlineData("2026-10-31 23:59:59Z", false)]
    public void Utc_timestamps_are_read_only_in_their_plainest_shape(string text, bool plain)
    {
        Assert.Equal(plain, PlainCells.TryUtcTimestamp(text, out var instant));
        if (plain)
        {
            AssertSameInstant(text, instant);
        }
    }

    [Fact]
    public void Random_instants_read_to_the_general_parsers_instant()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var instant = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)(random.NextDouble() * TimeSpan.FromDays(365 * 40).Ticks));
            var digits = random.Next(0, 8);
            var text = instant.ToString(digits == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss." + new string('f', digits) + "'Z'", CultureInfo.InvariantCulture);

            Assert.True(PlainCells.TryUtcTimestamp(text, out var read), text);
            AssertSameInstant(text, read);
        }
    }

    [Fact]
    public void Day_month_and_year_make_a_date_exactly_when_the_slash_format_reads_one()
    {
        var random = new Random(12);
        for (var i = 0; i < 20_000; i++)
        {
            var year = i % 7 == 0 ? random.Next(0, 3) : random.Next(1, 10_000);
            var month = random.Next(0, 14);
            var day = random.Next(0, 33);
            var text = string.Create(CultureInfo.InvariantCulture, $"{month}/{day}/{year:0000}");

            var expected = DateTime.TryParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed);
            Assert.Equal(expected, PlainCells.TryDate(year, month, day, out var date));
            Assert.Equal(parsed, date);
            Assert.Equal(parsed.Kind, date.Kind);
        }
    }

    private static void AssertSameDecimal(string text, decimal value)
    {
        Assert.True(decimal.TryParse(text, DecimalStyles, CultureInfo.InvariantCulture, out var expected), text);
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
    }

    private static void AssertSameInstant(string text, DateTime instant)
    {
        Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected), text);
        Assert.Equal(expected.UtcDateTime, instant);
        Assert.Equal(DateTimeKind.Utc, instant.Kind);
    }
}
