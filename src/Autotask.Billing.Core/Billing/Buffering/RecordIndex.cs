namespace Autotask.Billing.Buffering;

/// <summary>
/// Where each line of a <see cref="TransactionBuffer"/> is (chunk number, offset), in pages of 8,192: a month's million
/// lines need 8 MB of them, which as one list would be copied into ever larger arrays on the large-object heap as it
/// grew (twice that, freed only by a full collection).
/// </summary>
internal sealed class RecordIndex
{
    private const int PageBits = 13;
    private const int PageSize = 1 << PageBits;

    private readonly List<long[]> _pages = new();

    public int Count { get; private set; }

    public long this[int index] =>
        (uint)index < (uint)Count
            ? _pages[index >> PageBits][index & (PageSize - 1)]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The buffer holds {Count} lines.");

    public void Add(long record)
    {
        if ((Count & (PageSize - 1)) == 0)
        {
            _pages.Add(new long[PageSize]);
        }

        _pages[Count >> PageBits][Count & (PageSize - 1)] = record;
        Count++;
    }
}
