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
}
