namespace Autotask.Billing.Buffering;

/// <summary>
/// An id made mostly of hex digits of one case (a GUID, "pc-" and a hash, a GUID and a suffix) written two digits a
/// byte (issue 15). Layout: a head (the count of other chars, times 2, plus 1 when the id has a GUID's dashes at 8,
/// 13, 18 and 23, which are then not listed), the digits as nibbles, then each other char as its distance from the
/// previous one and its byte. The digits go first, their byte count following from the head and the length, so a
/// reader fills the id in one pass. A Partner Center line's three ids take 58 bytes with their tags instead of 104
/// as ASCII (74 as packed before the GUID dashes were implied). Used only when shorter than the id as it is; the case
/// of the digits is the caller's tag (<see cref="Plan"/>).
/// </summary>
internal static class PackedId
{
    private const string LowerDigits = "0123456789abcdef";
    private const string UpperDigits = "0123456789ABCDEF";

    private const int ScratchLimit = 1024;
    private const byte NotDigit = 0x80;

    // Per ASCII char its value as a hex digit of that case, or NotDigit.
    private static readonly byte[] LowerNibbles = NibbleTable('a');
    private static readonly byte[] UpperNibbles = NibbleTable('A');

    // Per byte of nibbles its two digits, the first in the low 16 bits.
    private static readonly uint[] LowerPairs = PairTable(LowerDigits);
    private static readonly uint[] UpperPairs = PairTable(UpperDigits);

    // Per ASCII char, 1 in the low 32 bits when it is not a lower-case hex digit, 1 in the high 32 when not an
    // upper-case one: summed over an id, the others of each case at once. After the tables it is made from.
    private static readonly long[] Kinds = KindTable();

    // Decode scratch: one per thread, so reading an id allocates only its string.
    [ThreadStatic]
    private static char[]? _scratch;

    /// <summary>How an id is best written.</summary>
    public enum Shape
    {
        /// <summary>Not ASCII: through the string table.</summary>
        Other,

        /// <summary>ASCII, as it is, a byte a char.</summary>
        Ascii,

        /// <summary>Packed, the digits 0–9 and a–f.</summary>
        Lower,

        /// <summary>Packed, the digits 0–9 and A–F.</summary>
        Upper,
    }

    /// <summary>One look at the chars: whether the id is ASCII and whether packing it (lower- or upper-case hex) is shorter than ASCII.</summary>
    public static Shape Plan(string id, out int others)
    {
        var kinds = Kinds;
        var bits = 0L;
        foreach (var c in id)
        {
            if (c > 0x7F)
            {
                others = 0;
                return Shape.Other;
            }

            bits += kinds[c];
        }

        var lower = (int)(bits & 0xFFFFFFFF);
        var upper = (int)(bits >> 32);
        var upperCase = upper < lower;
        others = upperCase ? upper : lower;
        var digits = id.Length - others;
        if (HasGuidDashes(id))
        {
            others -= 4;
        }

        // Each other char costs two bytes (distance and char; more only past 127 chars, which Write checks), the
        // digits half a byte each, the head one byte (rarely more); plain ASCII is a byte a char.
        if ((2 * others) + 1 + ((digits + 1) / 2) >= id.Length)
        {
            return Shape.Ascii;
        }

        return upperCase ? Shape.Upper : Shape.Lower;
    }

    /// <summary>
    /// Writes <paramref name="id"/> packed, <paramref name="upperCase"/> and <paramref name="others"/> as
    /// <see cref="Plan"/> gave them; false, with nothing written, when that came out no shorter than ASCII.
    /// </summary>
    public static bool Write(CompactWriter writer, string id, bool upperCase, int others)
    {
        var guid = HasGuidDashes(id);
        var nibbles = upperCase ? UpperNibbles : LowerNibbles;

        var digits = id.Length - others - (guid ? 4 : 0);
        var nibbleBytes = (digits + 1) / 2;
        var start = writer.Length;
        writer.WriteVarint(((ulong)others << 1) | (guid ? 1UL : 0UL));

        // Digits and others are written side by side: the others' place is known once the digits' size is.
        var bytes = writer.Reserve(nibbleBytes + (6 * others));
        var nibbleAt = writer.Length;
        var otherAt = nibbleAt + nibbleBytes;
        var pending = -1;
        var last = 0;
        var i = 0;
        while (i < id.Length)
        {
            // Two digits at a time while they last, a byte each.
            if (pending < 0)
            {
                for (; i + 1 < id.Length; i += 2)
                {
                    var first = Nibble(nibbles, id[i]);
                    var second = Nibble(nibbles, id[i + 1]);
                    if (((first | second) & NotDigit) != 0)
                    {
                        break;
                    }

                    bytes[nibbleAt++] = (byte)((first << 4) | second);
                }

                if (i == id.Length)
                {
                    break;
                }
            }

            var c = id[i];
            var nibble = Nibble(nibbles, c);
            if (nibble != NotDigit)
            {
                if (pending < 0)
                {
                    pending = nibble;
                }
                else
                {
                    bytes[nibbleAt++] = (byte)((pending << 4) | nibble);
                    pending = -1;
                }
            }
            else if (!(guid && IsGuidDash(i)))
            {
                var gap = (uint)(i - last);
                while (gap >= 0x80)
                {
                    bytes[otherAt++] = (byte)(gap | 0x80);
                    gap >>= 7;
                }

                bytes[otherAt++] = (byte)gap;
                bytes[otherAt++] = (byte)c;
                last = i;
            }

            i++;
        }

        if (pending >= 0)
        {
            bytes[nibbleAt] = (byte)(pending << 4);
        }

        // Distances past 127 chars take more than a byte: the estimate Plan made can be short by that much.
        if (otherAt - start >= id.Length)
        {
            writer.Truncate(start);
            return false;
        }

        writer.Advance(otherAt - writer.Length);
        return true;
    }

    /// <summary>Reads an id of <paramref name="length"/> chars that <see cref="Write"/> packed.</summary>
    public static string Read(ref CompactReader reader, int length, bool upperCase)
    {
        var head = reader.ReadVarint();
        var others = (int)(head >> 1);
        var guid = (head & 1) != 0;
        var digits = length - others - (guid ? 4 : 0);
        var nibbles = reader.Take((digits + 1) / 2, out var nibbleAt);
        var alphabet = upperCase ? UpperDigits : LowerDigits;
        var pairs = upperCase ? UpperPairs : LowerPairs;
        var chars = _scratch;
        if (chars is null || chars.Length < length)
        {
            // A rare very long id gets an array of its own rather than one kept for the thread's life.
            chars = length <= ScratchLimit ? _scratch = new char[Math.Max(length, 64)] : new char[length];
        }

        // The next char that is not a digit: a GUID dash or a listed other.
        var nextDash = guid ? 8 : int.MaxValue;
        var nextOther = others > 0 ? (int)reader.ReadVarint() : int.MaxValue;
        var high = true;
        var i = 0;
        while (true)
        {
            // The digits up to it: a byte's low half left over, then whole bytes two chars at a time, then a high half.
            var stop = Math.Min(Math.Min(nextDash, nextOther), length);
            if (!high && i < stop)
            {
                chars[i++] = alphabet[nibbles[nibbleAt++] & 0xF];
                high = true;
            }

            for (; i + 1 < stop; i += 2)
            {
                var pair = pairs[nibbles[nibbleAt++]];
                chars[i] = (char)pair;
                chars[i + 1] = (char)(pair >> 16);
            }

            if (i < stop)
            {
                chars[i++] = alphabet[nibbles[nibbleAt] >> 4];
                high = false;
            }

            if (i == length)
            {
                break;
            }

            if (i == nextDash)
            {
                chars[i] = '-';
                nextDash = nextDash == 23 ? int.MaxValue : nextDash + 5;
            }
            else
            {
                chars[i] = (char)reader.ReadByte();
                nextOther = --others > 0 ? i + (int)reader.ReadVarint() : int.MaxValue;
            }

            i++;
        }

        return new string(chars, 0, length);
    }

    /// <summary>Moves past an id of <paramref name="length"/> chars that <see cref="Write"/> packed.</summary>
    public static void Skip(ref CompactReader reader, int length)
    {
        var head = reader.ReadVarint();
        var others = (int)(head >> 1);
        var digits = length - others - ((head & 1) != 0 ? 4 : 0);
        reader.Skip((digits + 1) / 2);
        for (var k = 0; k < others; k++)
        {
            reader.ReadVarint();
            reader.ReadByte();
        }
    }

    private static uint[] PairTable(string alphabet)
    {
        var table = new uint[0x100];
        for (var b = 0; b < table.Length; b++)
        {
            table[b] = alphabet[b >> 4] | ((uint)alphabet[b & 0xF] << 16);
        }

        return table;
    }

    private static long[] KindTable()
    {
        var table = new long[0x80];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = (LowerNibbles[c] == NotDigit ? 1L : 0L) | (UpperNibbles[c] == NotDigit ? 1L << 32 : 0L);
        }

        return table;
    }

    private static byte[] NibbleTable(char ten)
    {
        var table = new byte[0x80];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = c is >= '0' and <= '9' ? (byte)(c - '0') : c >= ten && c < ten + 6 ? (byte)(c - ten + 10) : NotDigit;
        }

        return table;
    }

    private static int Nibble(byte[] nibbles, char c) => c > 0x7F ? NotDigit : nibbles[c];

    private static bool HasGuidDashes(string id) =>
        id.Length > 23 && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-';

    private static bool IsGuidDash(int i) => i is 8 or 13 or 18 or 23;
}
