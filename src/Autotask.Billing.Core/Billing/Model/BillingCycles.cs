using Autotask.Billing.Tabular;

namespace Autotask.Billing;

/// <summary>
/// The one rule for billing cycles and service periods (BILLING-RULES §1, §5): how many months one vendor price pays
/// for, and whether a line's service period is a whole billing period or a prorated part of one.
/// </summary>
public static class BillingCycles
{
    // A pure function of the exact text, asked per line of a file with a handful of cycles: remembered (issue 15).
    private static readonly TextMemo<int> Months = new(MonthsOfText);

    /// <summary>
    /// Months one price of the cycle pays for: Monthly 1, Annual/Yearly 12, Triennial/3 Years 36, else 1 (a cycle the
    /// source does not name is taken as monthly, as every reader did before the cycle was known).
    /// </summary>
    public static int MonthsOf(string? billingCycle) => billingCycle is null ? 1 : Months.Of(billingCycle);

    private static int MonthsOfText(string billingCycle)
    {
        switch (billingCycle.Replace(" ", string.Empty).Replace("-", string.Empty).ToUpperInvariant())
        {
            case "ANNUAL":
            case "ANNUALLY":
            case "YEARLY":
            case "1YEAR":
            case "P1Y":
                return 12;
            case "TRIENNIAL":
            case "3YEARS":
            case "3YEAR":
            case "P3Y":
                return 36;
            case "2YEAR":
            case "2YEARS":
                return 24;
            default:
                return 1;
        }
    }

    /// <summary>
    /// Whether [start, end] (end inclusive) is at least one whole period of the cycle: start plus the cycle's months,
    /// less one day, on or before end. A line without dates is taken as whole (the source says nothing else).
    /// </summary>
    public static bool IsWholePeriod(DateTime? start, DateTime? end, string? billingCycle)
    {
        if (start is not DateTime from || end is not DateTime to)
        {
            return true;
        }

        return from.Date.AddMonths(MonthsOf(billingCycle)).AddDays(-1) <= to.Date;
    }

    /// <summary>A price for one cycle as a price per month: annual ÷ 12, triennial ÷ 36, to four decimals (Autotask's precision).</summary>
    public static decimal? PerMonth(decimal? price, string? billingCycle) =>
        price is decimal value ? Math.Round(value / MonthsOf(billingCycle), 4, MidpointRounding.AwayFromZero) : null;
}
