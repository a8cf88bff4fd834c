namespace Autotask.Billing.Sandbox.Engine;

// Billing periods of a contract: consecutive runs of N months anchored on the contract's start date.
internal sealed class ContractPeriods
{
    public ContractPeriods(DateTime anchor, int months, DateTime contractEnd)
    {
        Anchor = anchor.Date;
        Months = months;
        ContractEnd = contractEnd.Date;
    }

    public DateTime Anchor { get; }

    public int Months { get; }

    public DateTime ContractEnd { get; }

    public static int MonthsFor(string? periodLabel) => (periodLabel ?? string.Empty).ToUpperInvariant().Replace("-", string.Empty).Replace(" ", string.Empty) switch
    {
        "QUARTERLY" => 3,
        "SEMIANNUAL" => 6,
        "YEARLY" or "ANNUAL" or "ANNUALLY" => 12,
        _ => 1,
    };

    public DateTime StartOf(DateTime date) => Start(IndexOf(date));

    // Last day of the period containing the date, never past the contract's end.
    public DateTime EndOf(DateTime date)
    {
        var end = Start(IndexOf(date) + 1).AddDays(-1);
        return end > ContractEnd ? ContractEnd : end;
    }

    public DateTime NextStart(DateTime date) => Start(IndexOf(date) + 1);

    private DateTime Start(int index) => Anchor.AddMonths(index * Months);

    private int IndexOf(DateTime date)
    {
        if (date <= Anchor)
        {
            return 0;
        }

        var index = (((date.Year - Anchor.Year) * 12) + date.Month - Anchor.Month) / Months;
        while (Start(index) > date)
        {
            index--;
        }

        while (Start(index + 1) <= date)
        {
            index++;
        }

        return index;
    }
}
