namespace Autotask.Billing.Reporting;

/// <summary>How many differences of one kind a report holds.</summary>
public sealed class KindCount
{
    public KindCount(DifferenceKind kind, int count)
    {
        Kind = kind;
        Count = count;
    }

    public DifferenceKind Kind { get; }

    public int Count { get; }
}
