using System.Globalization;
using Autotask.Billing.Loose;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Loose;

public sealed class LooseValueTests
{
    [Theory]
    [InlineData("sv-SE", "4,80", 4.80)]
    [InlineData("sv-SE", "\u22124", -4)]
    [InlineData("de-DE", "4,8", 4.8)]
    [InlineData("fr-FR", "1234,5", 1234.5)]
    [InlineData("en-GB", "4.80", 4.80)]
    [InlineData("de-DE", "4.80", 4.80)]
    public void Numbers_Export_Csv_wrote_in_the_session_culture_read_as_the_same_money(string culture, string text, double expected)
    {
        using var scope = new CultureScope(culture);

        Assert.True(LooseValue.TryDecimal(text, out var number));
        Assert.Equal((decimal)expected, number);
    }

    [Theory]
    [InlineData("en-US", "4,80")]
    [InlineData("en-GB", "1,234.50")]
    [InlineData("sv-SE", "1 234,50")]
    public void Grouping_is_never_guessed_so_a_comma_never_multiplies_a_price(string culture, string text)
    {
        using var scope = new CultureScope(culture);

        Assert.False(LooseValue.TryDecimal(text, out _));
    }

    [Theory]
    [InlineData("en-GB", "31/10/2026 00:00:00")]
    [InlineData("en-US", "10/31/2026 00:00:00")]
    [InlineData("de-DE", "31.10.2026 00:00:00")]
    [InlineData("sv-SE", "2026-10-31 00:00:00")]
    [InlineData("fr-FR", "31/10/2026 00:00:00")]
    public void Dates_Export_Csv_wrote_in_the_session_culture_read_as_the_same_calendar_date(string culture, string text)
    {
        using var scope = new CultureScope(culture);

        Assert.True(LooseValue.TryDate(text, out var date));
        Assert.Equal(new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc), date);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
    }

    [Fact]
    public void Enums_read_by_name_or_by_the_number_Clixml_and_Json_carry()
    {
        Assert.True(LooseValue.TryEnum<MappingAction>("1", out var fromText));
        Assert.True(LooseValue.TryEnum<MappingAction>(1L, out var fromJson));
        Assert.True(LooseValue.TryEnum<MappingAction>("create", out var fromName));
        Assert.Equal(MappingAction.Create, fromText);
        Assert.Equal(MappingAction.Create, fromJson);
        Assert.Equal(MappingAction.Create, fromName);
        Assert.False(LooseValue.TryEnum<MappingAction>("7", out _));
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("y", true)]
    [InlineData("X", true)]
    [InlineData("N", false)]
    [InlineData("n", false)]
    public void Flags_read_the_one_letter_forms_CRM_and_check_box_columns_export(string text, bool expected)
    {
        Assert.True(LooseValue.TryBool(text, out var flag));
        Assert.Equal(expected, flag);
        Assert.False(LooseValue.TryBool("maybe", out _));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _previous;
    }
}
