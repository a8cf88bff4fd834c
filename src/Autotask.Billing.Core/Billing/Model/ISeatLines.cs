namespace Autotask.Billing;

/// <summary>Where a <see cref="TransactionSummary"/> finds its subscription ids and provenance: lists (<see cref="ExplicitSeatLines"/>) or a buffer (<see cref="Buffering.SeatLines"/>).</summary>
internal interface ISeatLines
{
    IReadOnlyList<string> SubscriptionIds { get; }

    IReadOnlyList<TransactionReference> Provenance { get; }
}
