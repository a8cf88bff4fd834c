namespace Autotask.Billing;

/// <summary>
/// The Source × CustomerId × Sku a recurring line's seats add up under (<see cref="TransactionSummarizer"/>):
/// spellings that differ only in case (<see cref="UpperInvariantComparer"/>) are one key.
/// </summary>
internal readonly struct SeatGroupKey : IEquatable<SeatGroupKey>
{
    public SeatGroupKey(Transaction line)
    {
        Source = line.Source;
        CustomerId = line.CustomerId;
        Sku = line.Sku;
    }

    public string Source { get; }

    public string CustomerId { get; }

    public string Sku { get; }

    public bool Equals(SeatGroupKey other)
    {
        var comparer = UpperInvariantComparer.Instance;
        return comparer.Equals(Sku, other.Sku) && comparer.Equals(CustomerId, other.CustomerId) && comparer.Equals(Source, other.Source);
    }

    public override bool Equals(object? obj) => obj is SeatGroupKey other && Equals(other);

    public override int GetHashCode()
    {
        var comparer = UpperInvariantComparer.Instance;
        unchecked
        {
            return ((comparer.GetHashCode(Source) * 397) ^ comparer.GetHashCode(CustomerId)) * 397 ^ comparer.GetHashCode(Sku);
        }
    }
}
