using Autotask.Billing.Readers;

namespace Autotask.Billing.Tests.Billing;

/// <summary>Stable ids are idempotency keys already written to Autotask: their text must never change.</summary>
public sealed class StableIdTests
{
    /// <summary>Expected: prefix + "-" + the first 12 bytes, hex, of SHA-256 over the UTF-8 parts joined by U+001F (computed apart).</summary>
    [Fact]
    public void The_id_is_the_prefix_and_the_first_96_bits_of_the_sha256_of_the_joined_parts()
    {
        Assert.Equal("pc-3507bf99bc8336072164505e", StableId.From("pc", "t1", "s1", null, "0001", "new", "6/11/2024 9:00", "-"));
        Assert.Equal("pcu-b7505af637a7f96823bf196b", StableId.From("pcu", "c", "é€😀", "2024-05", "USD"));
        Assert.Equal("x-e3b0c44298fc1c149afbf4c8", StableId.From("x"));
    }

    [Fact]
    public void Ids_are_the_hash_of_the_joined_text_for_any_parts_long_short_or_malformed()
    {
        // The reference is the rule written the plain way: string.Join, UTF-8 bytes, SHA-256.
        var random = new Random(11);
        var alphabet = new[] { "a", "Z", "0", "-", "/", ":", "é", "€", "😀", "\uD800", "\uDC00", "\u001F", " ", "ı" };
        using var sha = System.Security.Cryptography.SHA256.Create();
        for (var round = 0; round < 2_000; round++)
        {
            var parts = new string?[random.Next(0, 16)];
            for (var i = 0; i < parts.Length; i++)
            {
                var length = random.Next(8) == 0 ? random.Next(200, 3_000) : random.Next(0, 40);
                parts[i] = random.Next(6) == 0 ? null : string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));
            }

            var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(string.Join("\u001F", parts)));
            var expected = "pc-" + string.Concat(hash.Take(12).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(expected, StableId.From("pc", parts));
        }
    }
}
