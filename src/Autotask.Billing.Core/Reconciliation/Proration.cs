namespace Autotask.Billing.Reconciliation;

/// <summary>
/// BILLING-RULES §7: actual days covered over actual days in the billing period; price and cost alike; money rounded
/// to cents, midpoint away from zero; all arithmetic in decimal. Dates are calendar dates (the time of day is ignored).
/// </summary>
public static class Proration
{
    /// <summary>The share of a billing period that [from, until) covers, clamped to the period.</summary>
    public static decimal Fraction(DateTime periodStart, DateTime periodEndInclusive, DateTime from, DateTime untilExclusive)
    {
        var start = periodStart.Date;
        var endExclusive = periodEndInclusive.Date.AddDays(1);
        var daysInPeriod = (endExclusive - start).Days;
        if (daysInPeriod <= 0)
        {
            throw new ArgumentException($"The billing period {periodStart:yyyy-MM-dd}..{periodEndInclusive:yyyy-MM-dd} is empty.");
        }

        var coveredStart = from.Date > start ? from.Date : start;
        var coveredEnd = untilExclusive.Date < endExclusive ? untilExclusive.Date : endExclusive;
        var daysCovered = Math.Max(0, (coveredEnd - coveredStart).Days);
        return (decimal)daysCovered / daysInPeriod;
    }

    /// <summary>An amount prorated by a fraction and rounded to cents.</summary>
    public static decimal Amount(decimal fullPeriodAmount, decimal fraction) => RoundMoney(fullPeriodAmount * fraction);

    public static decimal RoundMoney(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
