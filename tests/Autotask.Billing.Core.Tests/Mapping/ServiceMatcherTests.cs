using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class ServiceMatcherTests
{
    private static readonly ServiceCandidate[] Services =
    {
        new(201, "PLN004NR"),
        new(202, "PC_LYN002NR"),
        new(203, "Exchange mailbox") { CatalogNumberPartNumber = "PMX00010MX0R" },
        new(204, "Resource mailbox") { ManufacturerServiceProviderProductNumber = "RM010C01MX0R" },
        new(205, "Storage") { Sku = "OWA002NO" },
        new(206, "owa002no"),
        new(207, "Archiving") { Sku = "ARC01" },
        new(208, "Archiving (old)") { Sku = "ARC01" },
        new(209, "Backup") { Sku = "BCK01", IsActive = false },
    };

    private static readonly ProductCandidate[] Products =
    {
        new(301, "Setup fee") { ManufacturerProductName = "SETUP-01" },
        new(302, "Phone") { Sku = "PHN-T46" },
        new(303, "Headset") { VendorProductNumber = "HS-100" },
        new(304, "CABLE-5M"),
    };

    private static readonly ServiceMatcher Matcher = new(Services, Products);

    [Fact]
    public void A_service_named_after_the_sku_is_proposed_with_full_confidence()
    {
        var proposal = Matcher.ProposeService("Intermedia", "PLN004NR");

        Assert.Equal(201, proposal.ServiceId);
        Assert.Null(proposal.ProductId);
        Assert.Equal(SkuMatchRule.ServiceName, proposal.Rule);
        Assert.Equal(1.0, proposal.Confidence);
        Assert.True(proposal.IsAccepted);
    }

    [Fact]
    public void A_service_named_by_the_template_is_found_when_the_template_is_given()
    {
        var withTemplate = Matcher.ProposeService("Intermedia", "LYN002NR", "PC_{Sku}");
        var without = Matcher.ProposeService("Intermedia", "LYN002NR");

        Assert.Equal(202, withTemplate.ServiceId);
        Assert.Equal(SkuMatchRule.ServiceNameTemplate, withTemplate.Rule);
        Assert.Equal(1.0, withTemplate.Confidence);
        Assert.Null(without.ServiceId);
    }

    [Theory]
    [InlineData("PMX00010MX0R", 203, SkuMatchRule.CatalogNumberPartNumber)]
    [InlineData("rm010c01mx0r", 204, SkuMatchRule.ManufacturerServiceProviderProductNumber)]
    public void A_service_carrying_the_sku_in_a_part_number_field_is_proposed(string sku, long serviceId, SkuMatchRule rule)
    {
        var proposal = Matcher.ProposeService("Intermedia", sku);

        Assert.Equal(serviceId, proposal.ServiceId);
        Assert.Equal(rule, proposal.Rule);
        Assert.Equal(0.95, proposal.Confidence);
        Assert.True(proposal.IsAccepted);
    }

    [Fact]
    public void A_name_that_differs_only_in_case_ties_with_the_sku_field_and_is_ambiguous()
    {
        var proposal = Matcher.ProposeService("Intermedia", "OWA002NO");

        Assert.True(proposal.IsAmbiguous);
        Assert.False(proposal.IsAccepted);
        Assert.Equal(Math.Round(0.95 * CompanyMatcher.AmbiguityFactor, 3), proposal.Confidence);
        Assert.Single(proposal.Alternatives);
    }

    [Fact]
    public void Two_services_with_the_same_sku_are_ambiguous()
    {
        var proposal = Matcher.ProposeService("Pax8", "ARC01");

        Assert.True(proposal.IsAmbiguous);
        Assert.Contains("2 services match equally well", proposal.Reason);
    }

    [Fact]
    public void An_inactive_service_is_proposed_and_the_reason_says_it_stays_inactive()
    {
        var proposal = Matcher.ProposeService("Pax8", "BCK01");

        Assert.Equal(209, proposal.ServiceId);
        Assert.True(proposal.IsAccepted);
        Assert.Contains("stays inactive", proposal.Reason);
    }

    [Theory]
    [InlineData("SETUP-01", 301, SkuMatchRule.ManufacturerProductName, 1.0)]
    [InlineData("PHN-T46", 302, SkuMatchRule.ProductSku, 1.0)]
    [InlineData("phn-t46", 302, SkuMatchRule.ProductSku, 0.95)]
    [InlineData("HS-100", 303, SkuMatchRule.VendorProductNumber, 0.95)]
    [InlineData("CABLE-5M", 304, SkuMatchRule.ProductName, 0.9)]
    public void Products_are_matched_by_their_part_number_fields_then_their_name(string sku, long productId, SkuMatchRule rule, double confidence)
    {
        var proposal = Matcher.ProposeProduct("Intermedia", sku);

        Assert.Equal(CatalogItemKind.Product, proposal.Kind);
        Assert.Equal(productId, proposal.ProductId);
        Assert.Null(proposal.ServiceId);
        Assert.Equal(rule, proposal.Rule);
        Assert.Equal(confidence, proposal.Confidence);
        Assert.Equal(confidence >= ServiceMatcher.DefaultMinimumConfidence, proposal.IsAccepted);
    }

    [Fact]
    public void A_sku_in_no_catalog_field_gets_no_proposal()
    {
        var proposal = Matcher.ProposeService("Intermedia", "NOPE-1");

        Assert.Null(proposal.ServiceId);
        Assert.Equal(SkuMatchRule.None, proposal.Rule);
        Assert.False(proposal.IsAccepted);
    }
}
