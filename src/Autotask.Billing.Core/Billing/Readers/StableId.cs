using System.Security.Cryptography;
using System.Text;

namespace Autotask.Billing.Readers;

/// <summary>
/// A deterministic id from the values that identify a vendor event, for sources that give no line id: the same
/// event read again (billed or unbilled file, re-export) gets the same id, so it is never charged twice.
/// </summary>
internal static class StableId
{
    private const string Hex = "0123456789abcdef";

    // Creating a hash object per line dominated the read time of large files; one per thread is enough. The joined
    // text and its UTF-8 bytes are built in per-thread buffers too: a line's parts are a few hundred chars (issue 15).
    [ThreadStatic]
    private static SHA256? _sha;

    [ThreadStatic]
    private static char[]? _chars;

    [ThreadStatic]
    private static byte[]? _bytes;

    public static string From(string prefix, params string?[] parts)
    {
        // The parts joined by U+001F, a null part read as empty: the text string.Join made when the ids were first made.
        var length = Math.Max(0, parts.Length - 1);
        foreach (var part in parts)
        {
            length += part?.Length ?? 0;
        }

        var chars = _chars is { } held && held.Length >= length ? held : _chars = new char[Math.Max(length, 512)];
        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                chars[at++] = '\u001F';
            }

            if (parts[i] is { } part)
            {
                part.CopyTo(0, chars, at, part.Length);
                at += part.Length;
            }
        }

        var maximum = Encoding.UTF8.GetMaxByteCount(length);
        var bytes = _bytes is { } heldBytes && heldBytes.Length >= maximum ? heldBytes : _bytes = new byte[Math.Max(maximum, 1536)];
        var count = Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
        var sha = _sha ??= SHA256.Create();
        var hash = sha.ComputeHash(bytes, 0, count);

        // prefix-hex of the first 12 bytes, written into one buffer: no string per byte.
        var id = new char[prefix.Length + 1 + 24];
        prefix.CopyTo(0, id, 0, prefix.Length);
        id[prefix.Length] = '-';
        for (var i = 0; i < 12; i++)
        {
            id[prefix.Length + 1 + (2 * i)] = Hex[hash[i] >> 4];
            id[prefix.Length + 2 + (2 * i)] = Hex[hash[i] & 0xF];
        }

        return new string(id);
    }
}
