namespace Autotask.Billing.Buffering;

/// <summary>Writes one record of <see cref="TransactionBuffer"/>: unsigned LEB128 integers and raw bytes into a growing scratch array.</summary>
internal sealed class CompactWriter
{
    private byte[] _bytes = new byte[256];

    public int Length { get; private set; }

    public byte[] Bytes => _bytes;

    public void Reset() => Length = 0;

    /// <summary>Takes back what was written after <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => Length = length;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _bytes[Length++] = value;
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _bytes[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _bytes[Length++] = (byte)value;
    }

    /// <summary>Writes the chars of a text known to be ASCII, one byte each.</summary>
    public void WriteAscii(string text)
    {
        Ensure(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            _bytes[Length++] = (byte)text[i];
        }
    }

    /// <summary>Room for <paramref name="more"/> bytes at <see cref="Length"/>: the array to write them into directly, then <see cref="Advance"/> by what was written.</summary>
    public byte[] Reserve(int more)
    {
        Ensure(more);
        return _bytes;
    }

    public void Advance(int count) => Length += count;

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
        }
    }
}
