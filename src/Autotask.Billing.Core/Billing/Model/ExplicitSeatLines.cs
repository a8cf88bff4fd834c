namespace Autotask.Billing;

/// <summary>
/// The subscription ids and provenance of a <see cref="TransactionSummary"/> given as lists (a seat not summed from a
/// buffer, whose lines are <see cref="Buffering.SeatLines"/> instead): one field of the seat holds either.
/// </summary>
internal sealed class ExplicitSeatLines : ISeatLines
{
    public static readonly ExplicitSeatLines None = new(Array.Empty<string>(), Array.Empty<TransactionReference>());

    private ExplicitSeatLines(IReadOnlyList<string> subscriptionIds, IReadOnlyList<TransactionReference> provenance)
    {
        SubscriptionIds = subscriptionIds;
        Provenance = provenance;
    }

    public static ExplicitSeatLines Of(IReadOnlyList<string> subscriptionIds, IReadOnlyList<TransactionReference> provenance) => new(subscriptionIds, provenance);

    public IReadOnlyList<string> SubscriptionIds { get; }

    public IReadOnlyList<TransactionReference> Provenance { get; }

    public ExplicitSeatLines WithSubscriptionIds(IReadOnlyList<string> subscriptionIds) => new(subscriptionIds, Provenance);

    public ExplicitSeatLines WithProvenance(IReadOnlyList<TransactionReference> provenance) => new(SubscriptionIds, provenance);
}
