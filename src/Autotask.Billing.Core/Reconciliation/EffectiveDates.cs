using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// When a change takes effect in Autotask (BILLING-RULES §7). The vendor's change date is clamped into the contract
/// window and after the last posted period: never before the start of the billing period in force on the as-of date
/// (earlier periods are taken as invoiced), never inside a units row that is approved and posted, never after the
/// contract's end. PeriodStart takes the start of the contract-anchored period the clamped date falls in;
/// NextPeriodStart the start of the period after it.
/// </summary>
internal static class EffectiveDates
{
    public static DateTime? Propose(
        EffectiveDatePolicy policy, DateTime? changeDate, Contract contract, int periodMonths, ContractServiceUnit? unitsInForce, DateTime asOf)
    {
        var anchor = contract.StartDate?.Date ?? asOf;
        var periodOfAsOf = BillingPeriod.Containing(anchor, periodMonths, asOf);
        var earliest = Later(anchor, periodOfAsOf.Start);
        if (unitsInForce?.ApproveAndPostDate is not null && unitsInForce.EndDate is DateTime postedEnd)
        {
            earliest = Later(earliest, postedEnd.Date.AddDays(1));
        }

        var date = Later(changeDate?.Date ?? periodOfAsOf.Start, earliest);
        var proposed = policy switch
        {
            EffectiveDatePolicy.PeriodStart => Later(BillingPeriod.Containing(anchor, periodMonths, date).Start, earliest),
            EffectiveDatePolicy.NextPeriodStart => BillingPeriod.Containing(anchor, periodMonths, date).EndExclusive,
            _ => date,
        };
        if (contract.EndDate is DateTime end && proposed > end.Date)
        {
            proposed = end.Date;
        }

        return DateTime.SpecifyKind(proposed, DateTimeKind.Utc);
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
