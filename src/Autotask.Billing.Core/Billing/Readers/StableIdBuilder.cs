using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Autotask.Billing.Readers;

/// <summary>
/// The text a <see cref="StableId"/> hashes, written part by part into one reused buffer: the parts joined by U+001F,
/// a null part empty — the text string.Join made when the ids were first made, so every id stays what it was. Values
/// are formatted straight into the buffer as their ToString would write them, instead of a string per part and an
/// array of them per line (issue 15). One per thread (<see cref="StableId.Builder"/>); not shared across threads.
/// </summary>
internal sealed class StableIdBuilder
{
    private const string Hex = "0123456789abcdef";

    private char[] _chars = new char[512];
    private byte[] _bytes = new byte[1536];
    private int _length;
    private int _parts;
#if !NET
    private SHA256? _sha;
#endif

    public StableIdBuilder Clear()
    {
        _length = 0;
        _parts = 0;
        return this;
    }

    public StableIdBuilder Add(string? part)
    {
        var length = part?.Length ?? 0;
        Separate(length);
        if (part is not null)
        {
            part.CopyTo(0, _chars, _length, length);
            _length += length;
        }

        return this;
    }

    /// <summary>As <c>date?.ToString(format)</c> (the current culture's calendar, as the ids were first made).</summary>
    public StableIdBuilder Add(DateTime? date, string format)
    {
        if (date is not DateTime value)
        {
            return Add(null);
        }

#if NET
        Separate(64);
        if (value.TryFormat(_chars.AsSpan(_length), out var written, format))
        {
            _length += written;
            return this;
        }

        Unseparate();
#endif
        return Add(value.ToString(format));
    }

    /// <summary>As <c>value.ToString(CultureInfo.InvariantCulture)</c>.</summary>
    public StableIdBuilder Add(decimal value)
    {
#if NET
        Separate(64);
        if (value.TryFormat(_chars.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture))
        {
            _length += written;
            return this;
        }

        Unseparate();
#endif
        return Add(value.ToString(CultureInfo.InvariantCulture));
    }

#if NET
    // A value that did not fit where Separate made room is added as text instead: the separator goes with it.
    private void Unseparate()
    {
        _length -= _parts > 1 ? 1 : 0;
        _parts--;
    }
#endif

    /// <summary>prefix + "-" + the first 12 bytes, hex, of SHA-256 over the UTF-8 of the text.</summary>
    public string ToId(string prefix)
    {
        var maximum = Encoding.UTF8.GetMaxByteCount(_length);
        if (_bytes.Length < maximum)
        {
            _bytes = new byte[maximum];
        }

        var count = Encoding.UTF8.GetBytes(_chars, 0, _length, _bytes, 0);
#if NET
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_bytes.AsSpan(0, count), hash);
#else
        var hash = (_sha ??= SHA256.Create()).ComputeHash(_bytes, 0, count);
#endif

        // The id is written after the text in the same buffer: one string per line, no char[] of its own.
        var idLength = prefix.Length + 1 + 24;
        Reserve(_length + idLength);
        var at = _length;
        prefix.CopyTo(0, _chars, at, prefix.Length);
        at += prefix.Length;
        _chars[at++] = '-';
        for (var i = 0; i < 12; i++)
        {
            _chars[at++] = Hex[hash[i] >> 4];
            _chars[at++] = Hex[hash[i] & 0xF];
        }

        return new string(_chars, _length, idLength);
    }

    /// <summary>Room for the next part of up to <paramref name="length"/> chars, its separator written.</summary>
    private void Separate(int length)
    {
        Reserve(_length + 1 + length);
        if (_parts++ > 0)
        {
            _chars[_length++] = '\u001F';
        }
    }

    private void Reserve(int length)
    {
        if (_chars.Length < length)
        {
            Array.Resize(ref _chars, Math.Max(length, _chars.Length * 2));
        }
    }
}
