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

    // Creating a hash object per line dominated the read time of large files; one per thread is enough.
    [ThreadStatic]
    private static SHA256? _sha;

    public static string From(string prefix, params string?[] parts)
    {
        // string.Join reads a null part as empty, as the ids have always been made.
        var joined = string.Join("\u001F", parts);
        var sha = _sha ??= SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(joined));

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
