namespace Autotask.Billing.Buffering;

/// <summary>
/// An id made mostly of lower-case hex digits (a GUID, "pc-" and a hash, a GUID and a suffix) written two digits a
/// byte: the other characters are listed with their places, then the digits follow as nibbles. A Partner Center
/// line's three ids take 74 bytes so instead of 104 (issue 15). Used only when it is shorter.
/// </summary>
internal static class PackedId
{
    /// <summary>Writes <paramref name="id"/> (ASCII) packed and returns true, or writes nothing and returns false when packing would not be shorter.</summary>
    public static bool TryWrite(CompactWriter writer, string id)
    {
        var others = 0;
        foreach (var c in id)
        {
            others += IsDigit(c) ? 0 : 1;
        }

        // The others cost two bytes or more (place and char), the digits half a byte each; plain ASCII is a byte a char.
        if ((2 * others) + 1 + ((id.Length - others + 1) / 2) >= id.Length)
        {
            return false;
        }

        writer.WriteVarint((ulong)others);
        var last = 0;
        for (var i = 0; i < id.Length; i++)
        {
            if (!IsDigit(id[i]))
            {
                writer.WriteVarint((ulong)(i - last));
                writer.WriteByte((byte)id[i]);
                last = i;
            }
        }

        var pending = -1;
        foreach (var c in id)
        {
            if (!IsDigit(c))
            {
                continue;
            }

            var nibble = c <= '9' ? c - '0' : c - 'a' + 10;
            if (pending < 0)
            {
                pending = nibble;
            }
            else
            {
                writer.WriteByte((byte)((pending << 4) | nibble));
                pending = -1;
            }
        }

        if (pending >= 0)
        {
            writer.WriteByte((byte)(pending << 4));
        }

        return true;
    }

    /// <summary>Reads an id of <paramref name="length"/> chars that <see cref="TryWrite"/> packed.</summary>
    public static string Read(ref CompactReader reader, int length)
    {
        var chars = new char[length];
        var isOther = new bool[length];
        var others = (int)reader.ReadVarint();
        var at = 0;
        for (var k = 0; k < others; k++)
        {
            at += (int)reader.ReadVarint();
            chars[at] = (char)reader.ReadByte();
            isOther[at] = true;
        }

        var high = true;
        byte pair = 0;
        for (var i = 0; i < length; i++)
        {
            if (isOther[i])
            {
                continue;
            }

            if (high)
            {
                pair = reader.ReadByte();
            }

            var nibble = high ? pair >> 4 : pair & 0xF;
            chars[i] = (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
            high = !high;
        }

        return new string(chars);
    }

    /// <summary>Moves past an id of <paramref name="length"/> chars that <see cref="TryWrite"/> packed.</summary>
    public static void Skip(ref CompactReader reader, int length)
    {
        var others = (int)reader.ReadVarint();
        for (var k = 0; k < others; k++)
        {
            reader.ReadVarint();
            reader.ReadByte();
        }

        reader.Skip((length - others + 1) / 2);
    }

    private static bool IsDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
