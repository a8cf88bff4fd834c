namespace Autotask.Billing.Buffering;

/// <summary>
/// The lines a seat summed from a <see cref="TransactionBuffer"/> names (its provenance, and the first line spelling
/// each of its subscription ids), kept as positions and read from the buffer when asked for: one small object per
/// seat instead of a copy of every reference and id (a month's file sums into hundreds of thousands of seats, issue 15).
/// </summary>
internal sealed class SeatLines : ISeatLines
{
    // Read only for the few seats that become differences: the whole line is read, for its id, file and line number.
    private static readonly Func<TransactionBuffer, int, TransactionReference> ReadReference = (lines, position) =>
    {
        var line = lines[position];
        return new TransactionReference(line.TransactionId, line.SourceFile, line.SourceLine);
    };

    private static readonly Func<TransactionBuffer, int, string> ReadSubscriptionId = (lines, position) => lines.SubscriptionIdAt(position);

    private readonly TransactionBuffer _lines;
    private readonly int _generation;
    private readonly LinePositions _provenance;
    private readonly LinePositions _subscriptionIds;

    public SeatLines(TransactionBuffer lines, LinePositions provenance, LinePositions subscriptionIds)
    {
        _lines = lines;
        _generation = lines.Generation;
        _provenance = provenance;
        _subscriptionIds = subscriptionIds;
    }

    public IReadOnlyList<TransactionReference> Provenance => new BufferedLineValues<TransactionReference>(_lines, _generation, _provenance, ReadReference);

    public IReadOnlyList<string> SubscriptionIds => new BufferedLineValues<string>(_lines, _generation, _subscriptionIds, ReadSubscriptionId);
}
