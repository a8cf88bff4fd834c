using System.Security.Cryptography;
using System.Text;

namespace Autotask.Billing.Readers;

/// <summary>
/// A deterministic id from the values that identify a vendor event, for sources that give no line id: the same
/// event read again (billed or unbilled file, re-export) gets the same id, so it is never charged twice.
/// </summary>
internal static class StableId
{
    // Creating a hash object per line dominated the read time of large files; one per thread is enough.
    [ThreadStatic]
    private static SHA256? _sha;

    public static string From(string prefix, params string?[] parts)
    {
        var joined = string.Join("\u001F", parts.Select(p => p ?? string.Empty));
        var sha = _sha ??= SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(joined));
        var builder = new StringBuilder(prefix.Length + 25).Append(prefix).Append('-');
        for (var i = 0; i < 12; i++)
        {
            builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
