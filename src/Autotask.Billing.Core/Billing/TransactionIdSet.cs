namespace Autotask.Billing;

/// <summary>
/// The transaction ids one source has read, held as 128-bit fingerprints instead of the id strings: 16 bytes per slot
/// of an open-addressing table kept between 1/2 and 3/4 full (about 21–32 bytes per id), whatever the ids' length.
/// Ids compare ordinally, as before.
/// </summary>
/// <remarks>
/// The fingerprint is two XXH64 hashes of the id's UTF-16 text under two fixed, unrelated seeds, with one bit given
/// up to mark a used slot: 127 bits. Equal ids always give equal fingerprints, so a real duplicate is always found.
/// Two different ids share a fingerprint only by chance: for n ids the chance that any two of them do is about
/// n² / 2^128, i.e. 3e-27 at a million lines (3e-21 at a billion) — far below a disk or memory error, so a distinct
/// id is, in practice, never rejected as a duplicate. (Billing files are the MSP's own vendor exports, not input
/// built to collide a non-cryptographic hash.)
/// </remarks>
internal sealed class TransactionIdSet
{
    private const ulong SeedA = 0x9E3779B97F4A7C15UL;
    private const ulong SeedB = 0xD1B54A32D192ED03UL;
    private const int InitialCapacity = 64;

    // Slot i holds _a[i] (never 0 when used: its lowest bit is forced on) and _b[i].
    private ulong[] _a = new ulong[InitialCapacity];
    private ulong[] _b = new ulong[InitialCapacity];

    public int Count { get; private set; }

    /// <summary>Adds the id; false when it was already there.</summary>
    public bool Add(string id)
    {
        var a = XxHash64.Hash(id, SeedA) | 1UL;
        var b = XxHash64.Hash(id, SeedB);
        if (Count + 1 > _a.Length / 4 * 3)
        {
            // By half, not double: the table stays at least half full.
            Grow(_a.Length + (_a.Length / 2));
        }

        return Insert(_a, _b, a, b);
    }

    private bool Insert(ulong[] aSlots, ulong[] bSlots, ulong a, ulong b)
    {
        // Slot from the second hash (the first one's low bit is the used mark), scaled to the table's length.
        var length = aSlots.Length;
        var i = (int)(((b >> 32) * (ulong)length) >> 32);
        while (aSlots[i] != 0)
        {
            if (aSlots[i] == a && bSlots[i] == b)
            {
                return false;
            }

            i = i + 1 == length ? 0 : i + 1;
        }

        aSlots[i] = a;
        bSlots[i] = b;
        Count++;
        return true;
    }

    private void Grow(int length)
    {
        var oldA = _a;
        var oldB = _b;
        var newA = new ulong[length];
        var newB = new ulong[length];
        Count = 0;
        for (var i = 0; i < oldA.Length; i++)
        {
            if (oldA[i] != 0)
            {
                Insert(newA, newB, oldA[i], oldB[i]);
            }
        }

        _a = newA;
        _b = newB;
    }
}
