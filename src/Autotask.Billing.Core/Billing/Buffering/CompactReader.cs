using System.Text;

namespace Autotask.Billing.Buffering;

/// <summary>Reads what <see cref="CompactWriter"/> wrote, from a position in a chunk of <see cref="TransactionBuffer"/>.</summary>
internal struct CompactReader
{
    private readonly byte[] _bytes;
    private int _position;

    public CompactReader(byte[] bytes, int position)
    {
        _bytes = bytes;
        _position = position;
    }

    public byte ReadByte() => _bytes[_position++];

    public ulong ReadVarint()
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var next = _bytes[_position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    public void Skip(int length) => _position += length;

    /// <summary>Moves past <paramref name="length"/> bytes and gives them where they lie, to be read in place.</summary>
    public byte[] Take(int length, out int offset)
    {
        offset = _position;
        _position += length;
        return _bytes;
    }

    public string ReadAscii(int length)
    {
        var text = length == 0 ? string.Empty : Encoding.ASCII.GetString(_bytes, _position, length);
        _position += length;
        return text;
    }
}
