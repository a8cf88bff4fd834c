using System.Security.Cryptography;
using System.Text;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The lower-case hex SHA-256 of a text's UTF-8 bytes, in one place for the keys that must never change (difference
/// ids, charge keys). Made without a hash object per call: the one-shot SHA256.HashData where the runtime has it,
/// else one hash object per thread (a HashAlgorithm instance is not thread-safe).
/// </summary>
internal static class Sha256Hex
{
    /// <summary>The length of the whole hash in hex.</summary>
    public const int Length = 64;

    private const string Digits = "0123456789abcdef";

#if !NET5_0_OR_GREATER
    [ThreadStatic]
    private static SHA256? _sha;
#endif

    /// <summary>The first <paramref name="length"/> hex digits (at most <see cref="Length"/>) of the hash of <paramref name="text"/>.</summary>
    public static string Prefix(string text, int length)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        length = Math.Max(0, Math.Min(length, Length));
#if NET5_0_OR_GREATER
        Span<byte> hash = stackalloc byte[32];
        var count = Encoding.UTF8.GetByteCount(text);
        Span<byte> bytes = count <= 1024 ? stackalloc byte[count] : new byte[count];
        Encoding.UTF8.GetBytes(text, bytes);
        SHA256.HashData(bytes, hash);
        Span<char> hex = stackalloc char[length];
#else
        var hash = (_sha ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new char[length];
#endif
        for (var i = 0; i < length; i++)
        {
            var b = hash[i / 2];
            hex[i] = Digits[i % 2 == 0 ? b >> 4 : b & 0xF];
        }

        return new string(hex);
    }
}
