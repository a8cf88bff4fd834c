namespace Autotask.Billing;

/// <summary>
/// XXH64 (Yann Collet's xxHash, 64-bit variant; spec: github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md) of a
/// string's UTF-16LE bytes, so equal hashes follow from ordinal equality. Written out here because the core targets
/// netstandard2.0 and ships no hashing package; the tests check it against the reference implementation's values.
/// </summary>
internal static class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    public static ulong Hash(string text, ulong seed)
    {
        // Every index below is in chars; one char is two bytes, so 4 chars make an 8-byte lane.
        var length = text.Length;
        var i = 0;
        ulong hash;
        if (length >= 16)
        {
            var v1 = seed + Prime1 + Prime2;
            var v2 = seed + Prime2;
            var v3 = seed;
            var v4 = seed - Prime1;
            do
            {
                v1 = Round(v1, Lane(text, i));
                v2 = Round(v2, Lane(text, i + 4));
                v3 = Round(v3, Lane(text, i + 8));
                v4 = Round(v4, Lane(text, i + 12));
                i += 16;
            }
            while (i <= length - 16);

            hash = RotateLeft(v1, 1) + RotateLeft(v2, 7) + RotateLeft(v3, 12) + RotateLeft(v4, 18);
            hash = MergeRound(hash, v1);
            hash = MergeRound(hash, v2);
            hash = MergeRound(hash, v3);
            hash = MergeRound(hash, v4);
        }
        else
        {
            hash = seed + Prime5;
        }

        hash += (ulong)length * 2;
        for (; i <= length - 4; i += 4)
        {
            hash ^= Round(0, Lane(text, i));
            hash = (RotateLeft(hash, 27) * Prime1) + Prime4;
        }

        if (i <= length - 2)
        {
            hash ^= (text[i] | ((ulong)text[i + 1] << 16)) * Prime1;
            hash = (RotateLeft(hash, 23) * Prime2) + Prime3;
            i += 2;
        }

        if (i < length)
        {
            // The last char's two bytes, low byte first.
            hash ^= (text[i] & 0xFFUL) * Prime5;
            hash = RotateLeft(hash, 11) * Prime1;
            hash ^= ((ulong)text[i] >> 8) * Prime5;
            hash = RotateLeft(hash, 11) * Prime1;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }

    private static ulong Lane(string text, int i) =>
        text[i] | ((ulong)text[i + 1] << 16) | ((ulong)text[i + 2] << 32) | ((ulong)text[i + 3] << 48);

    private static ulong Round(ulong accumulator, ulong lane) => RotateLeft(accumulator + (lane * Prime2), 31) * Prime1;

    private static ulong MergeRound(ulong hash, ulong accumulator) => ((hash ^ Round(0, accumulator)) * Prime1) + Prime4;

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
}
