using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class MappingDocumentTests
{
    [Fact]
    public void Replacing_a_mapping_keeps_its_creation_time_and_moves_its_update_time()
    {
        var document = SampleMappings.Document();

        var changed = document.WithCustomer(
            SampleMappings.ExistingCustomer() with { ContractId = 29684999 }, SampleMappings.Tuesday);

        var mapping = changed.FindCustomer("Intermedia", "acct-1001")!;
        Assert.Equal(29684999, mapping.ContractId);
        Assert.Equal(SampleMappings.Monday, mapping.CreatedUtc);
        Assert.Equal(SampleMappings.Tuesday, mapping.UpdatedUtc);
    }

    [Fact]
    public void Applying_an_unchanged_mapping_again_leaves_its_update_time_alone()
    {
        var document = SampleMappings.Document();

        var again = document
            .WithCustomer(SampleMappings.ExistingCustomer(), SampleMappings.Tuesday)
            .WithService(SampleMappings.ExistingService(), SampleMappings.Tuesday);

        Assert.Equal(SampleMappings.Monday, again.FindCustomer("Intermedia", "acct-1001")!.UpdatedUtc);
        Assert.Equal(SampleMappings.Monday, again.FindService("Intermedia", "PMX00010MX0R")!.UpdatedUtc);
    }

    [Fact]
    public void Keys_match_without_regard_to_case_or_surrounding_space()
    {
        var document = SampleMappings.Document();

        Assert.NotNull(document.FindCustomer(" intermedia", "ACCT-1001 "));
        Assert.NotNull(document.FindService("INTERMEDIA", "pmx00010mx0r"));
        Assert.Equal(2, document.WithCustomer(SampleMappings.ExistingCustomer("ACCT-1001"), SampleMappings.Tuesday).Customers.Count);
    }

    [Fact]
    public void A_document_cannot_hold_two_mappings_with_the_same_key()
    {
        var duplicate = new[] { SampleMappings.ExistingCustomer(), SampleMappings.ExistingCustomer("ACCT-1001") };

        var refused = Assert.Throws<ArgumentException>(
            () => new MappingDocument(BillingSettings.Default, duplicate, Array.Empty<ServiceMapping>()));

        Assert.Contains("Intermedia/ACCT-1001", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Per_customer_options_fall_back_to_the_store_defaults()
    {
        var settings = SampleMappings.Settings();

        Assert.Equal(PricingStrategy.CostOnly, settings.PricingStrategyFor(SampleMappings.ExistingCustomer()));
        Assert.Equal(PricingStrategy.NoneOnUpdate, settings.PricingStrategyFor(SampleMappings.NewCustomer()));
        Assert.Equal(EffectiveDatePolicy.PeriodStart, settings.EffectiveDatePolicyFor(SampleMappings.NewCustomer()));
        Assert.Equal(PricingStrategy.SyncCostAndPrice, BillingSettings.Default.PricingStrategyFor(SampleMappings.NewCustomer()));
    }

    [Fact]
    public void Service_names_and_vendor_names_come_from_the_templates_and_the_per_source_list()
    {
        var settings = SampleMappings.Settings();

        Assert.Equal("PC_PMX00010MX0R", settings.ServiceNameFor(SampleMappings.ExistingService()));
        Assert.Equal("PMX00010MX0R", BillingSettings.Default.ServiceNameFor(SampleMappings.ExistingService()));
        Assert.Equal("Intermedia Inc.", settings.VendorCompanyNameFor("INTERMEDIA"));
        Assert.Equal("PartnerCenter", settings.VendorCompanyNameFor("PartnerCenter"));
    }

    [Theory]
    [InlineData("{Sku}", null)]
    [InlineData("PC_{Sku}", null)]
    [InlineData("PC_", "does not contain {Sku}")]
    [InlineData("PC_{sku}", "unknown placeholder '{sku}'")]
    [InlineData(" ", "empty")]
    public void Service_name_templates_must_contain_the_sku_placeholder(string template, string? problem)
    {
        var found = ServiceNameTemplate.Check(template);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }

    [Fact]
    public void Change_times_are_kept_to_whole_seconds()
    {
        var changed = MappingDocument.Empty.WithCustomer(SampleMappings.ExistingCustomer(), SampleMappings.Monday.AddTicks(7_654_321));

        Assert.Equal(SampleMappings.Monday, changed.Customers[0].CreatedUtc);
    }

    [Fact]
    public void Change_times_must_be_utc()
    {
        Assert.Throws<ArgumentException>(() => MappingDocument.Empty.WithCustomer(
            SampleMappings.ExistingCustomer(), new DateTime(2024, 5, 6, 9, 0, 0, DateTimeKind.Local)));
    }
}
