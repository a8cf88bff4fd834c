using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

/// <summary>
/// Lookups compare (source, id) pairs without building the key string; they must still match exactly the pairs
/// whose key strings (source U+001F id) compare equal ignoring case, as they did when the key string was built.
/// </summary>
public sealed class MappingKeysTests
{
    public static TheoryData<string, string, string, string> Pairs => new()
    {
        { "PartnerCenter", "acct-1", "partnercenter", "ACCT-1" },
        { "PartnerCenter", "acct-1", "PartnerCenter", "acct-2" },
        { "Pax8", "Müller-ÄÖÜ", "PAX8", "müller-äöü" },
        { "Pax8", "straße", "PAX8", "STRASSE" },
        { "Pax8", "ı", "Pax8", "I" },
        { "Pax8", "\u212A", "Pax8", "k" },
        { "a\u001Fb", "c", "A", "B\u001Fc" },
        { "a\u001Fb", "c", "a", "b\u001Fd" },
        { "a\u001F", "b", "a", "\u001Fb" },
        { "ab", "c", "a", "bc" },
        { "a", "b\u001F", "a\u001Fb", string.Empty },
        { "\uD801\uDC28x", "y", "\uD801\uDC00X", "Y" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Pairs_compare_and_hash_as_their_key_strings(string leftSource, string leftId, string rightSource, string rightId)
    {
        var keysEqual = MappingKeys.Comparer.Equals(MappingKeys.Of(leftSource, leftId), MappingKeys.Of(rightSource, rightId));

        Assert.Equal(keysEqual, MappingKeys.PairComparer.Equals((leftSource, leftId), (rightSource, rightId)));
        Assert.Equal(keysEqual, MappingKeys.PairComparer.Equals((rightSource, rightId), (leftSource, leftId)));
        if (keysEqual)
        {
            Assert.Equal(MappingKeys.PairComparer.GetHashCode((leftSource, leftId)), MappingKeys.PairComparer.GetHashCode((rightSource, rightId)));
        }
    }

    [Fact]
    public void A_customer_id_that_differs_only_in_case_finds_the_same_mapping()
    {
        var document = new MappingDocument(
            BillingSettings.Default,
            new[] { new CustomerMapping("PartnerCenter", "Tenant-ÄB") { ContractId = 7 } },
            new[] { new ServiceMapping("PartnerCenter", "Sku-ÖB") { ServiceId = 9 } });

        Assert.Equal(7, document.FindCustomer(" partnercenter ", "TENANT-äb")!.ContractId);
        Assert.Equal(9, document.FindService("PARTNERCENTER", " sku-öb ")!.ServiceId);
        Assert.Null(document.FindCustomer("PartnerCenter", "Tenant-AB"));
        Assert.Null(document.FindService("PartnerCenter", "Sku-OB"));
    }

    [Fact]
    public void A_source_holding_the_separator_keys_as_its_key_string_does()
    {
        // "a<US>b" + "c" and "a" + "b<US>c" make the same key string: the same mapping, as before.
        var customer = new CustomerMapping("a\u001Fb", "c") { ContractId = 7 };
        var document = new MappingDocument(BillingSettings.Default, new[] { customer }, Array.Empty<ServiceMapping>());

        Assert.Same(customer, document.FindCustomer("A", "B\u001Fc"));
        Assert.Null(document.FindCustomer("a", "b\u001Fd"));
        var refused = Assert.Throws<ArgumentException>(() => new MappingDocument(
            BillingSettings.Default, new[] { customer, new CustomerMapping("a", "b\u001Fc") }, Array.Empty<ServiceMapping>()));
        Assert.Contains("a/b/c", refused.Message, StringComparison.Ordinal);
    }
}
