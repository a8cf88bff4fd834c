namespace Autotask.Billing.Reconciliation;

/// <summary>
/// One billing period of a recurring-service contract. Autotask anchors periods on the contract's start date, not on
/// calendar months: a contract starting on 4 May bills 4 May–3 June, 4 June–3 July, and so on.
/// </summary>
public readonly struct BillingPeriod : IEquatable<BillingPeriod>
{
    public BillingPeriod(DateTime start, DateTime endInclusive)
    {
        Start = DateTime.SpecifyKind(start.Date, DateTimeKind.Utc);
        EndInclusive = DateTime.SpecifyKind(endInclusive.Date, DateTimeKind.Utc);
    }

    public DateTime Start { get; }

    public DateTime EndInclusive { get; }

    public DateTime EndExclusive => EndInclusive.AddDays(1);

    public int Days => (EndExclusive - Start).Days;

    public bool Contains(DateTime date) => date.Date >= Start && date.Date <= EndInclusive;

    /// <summary>The period of a contract starting on <paramref name="anchor"/>, <paramref name="months"/> months long, that contains <paramref name="date"/>.</summary>
    public static BillingPeriod Containing(DateTime anchor, int months, DateTime date)
    {
        if (months <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "A billing period is at least one month long.");
        }

        var anchorDate = anchor.Date;
        var elapsedMonths = ((date.Year - anchorDate.Year) * 12) + date.Month - anchorDate.Month;
        var index = (int)Math.Floor((double)elapsedMonths / months);
        var start = anchorDate.AddMonths(index * months);
        while (start > date.Date)
        {
            index--;
            start = anchorDate.AddMonths(index * months);
        }

        var next = anchorDate.AddMonths((index + 1) * months);
        while (next <= date.Date)
        {
            index++;
            start = next;
            next = anchorDate.AddMonths((index + 1) * months);
        }

        return new BillingPeriod(start, next.AddDays(-1));
    }

    public BillingPeriod Next(DateTime anchor, int months) => Containing(anchor, months, EndExclusive);

    public bool Equals(BillingPeriod other) => Start == other.Start && EndInclusive == other.EndInclusive;

    public override bool Equals(object? obj) => obj is BillingPeriod other && Equals(other);

    public override int GetHashCode() => (Start.GetHashCode() * 397) ^ EndInclusive.GetHashCode();

    public override string ToString() => $"{Start:yyyy-MM-dd}..{EndInclusive:yyyy-MM-dd}";
}
