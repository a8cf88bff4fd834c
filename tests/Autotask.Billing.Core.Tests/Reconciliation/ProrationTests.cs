using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class ProrationTests
{
    private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Periods_are_anchored_on_the_contract_start_day_not_on_calendar_months()
    {
        var period = BillingPeriod.Containing(Day(2019, 5, 4), 1, Day(2019, 5, 13));

        Assert.Equal(Day(2019, 5, 4), period.Start);
        Assert.Equal(Day(2019, 6, 3), period.EndInclusive);
        Assert.Equal(31, period.Days);
    }

    [Fact]
    public void The_first_day_of_a_period_belongs_to_it_and_the_day_before_to_the_previous_one()
    {
        var anchor = Day(2019, 5, 4);

        Assert.Equal(Day(2019, 6, 4), BillingPeriod.Containing(anchor, 1, Day(2019, 6, 4)).Start);
        Assert.Equal(Day(2019, 5, 4), BillingPeriod.Containing(anchor, 1, Day(2019, 6, 3)).Start);
    }

    [Fact]
    public void A_period_anchored_on_the_31st_ends_the_day_before_the_next_clamped_anchor()
    {
        var period = BillingPeriod.Containing(Day(2026, 1, 31), 1, Day(2026, 2, 15));

        Assert.Equal(Day(2026, 1, 31), period.Start);
        Assert.Equal(Day(2026, 2, 27), period.EndInclusive);
    }

    [Fact]
    public void Yearly_periods_span_twelve_months()
    {
        var period = BillingPeriod.Containing(Day(2026, 3, 1), 12, Day(2027, 2, 28));

        Assert.Equal(Day(2026, 3, 1), period.Start);
        Assert.Equal(Day(2027, 2, 28), period.EndInclusive);
    }

    [Fact]
    public void The_days_from_a_mid_period_start_to_the_next_period_are_prorated_by_actual_days()
    {
        // Intermedia's worked example: usage from 13 May, the next Autotask period starts 4 June (period 4 May–3 June).
        var fraction = Proration.Fraction(Day(2019, 5, 4), Day(2019, 6, 3), Day(2019, 5, 13), Day(2019, 6, 4));

        Assert.Equal(22m / 31m, fraction);
        Assert.Equal(7.10m, Proration.Amount(10.00m, fraction));
    }

    [Fact]
    public void Money_rounds_midpoints_away_from_zero()
    {
        Assert.Equal(0.13m, Proration.RoundMoney(0.125m));
        Assert.Equal(-0.13m, Proration.RoundMoney(-0.125m));
    }

    [Fact]
    public void Coverage_outside_the_period_counts_nothing()
    {
        Assert.Equal(0m, Proration.Fraction(Day(2026, 10, 1), Day(2026, 10, 31), Day(2026, 11, 5), Day(2026, 11, 20)));
    }
}
