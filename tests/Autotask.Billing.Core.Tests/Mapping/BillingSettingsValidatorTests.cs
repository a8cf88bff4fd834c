using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class BillingSettingsValidatorTests
{
    private static readonly BillingCodeInfo[] Codes =
    {
        new(29682801, "Managed Services", "Recurring Contract Service", isActive: true),
        new(29682803, "Cloud Licences", "Recurring Contract Service", isActive: true),
        new(29682804, "Old Recurring", "Recurring Contract Service", isActive: false),
        new(29682802, "Taxable Products", "Material", isActive: true),
        new(29682805, "Remote Support", "Work Type", isActive: true),
    };

    private static readonly ResourceInfo[] Resources =
    {
        new(29682885, "Avery Admin", isActive: true),
        new(29682886, "Former Manager", isActive: false),
    };

    [Fact]
    public void Settings_naming_existing_active_codes_and_resource_pass()
    {
        Assert.Empty(BillingSettingsValidator.Validate(SampleMappings.Settings(), Codes, Resources));
    }

    [Fact]
    public void An_unknown_billing_code_is_refused_with_the_valid_ones_by_name_and_id()
    {
        var settings = SampleMappings.Settings() with { RecurringBillingCodeId = 999 };

        var problem = Assert.Single(BillingSettingsValidator.Validate(settings, Codes, Resources));

        Assert.Equal("settings.recurringBillingCodeId", problem.Path);
        Assert.Equal(
            "billing code 999 does not exist in this Autotask database; the active Recurring Contract Service billing codes are: Cloud Licences (29682803), Managed Services (29682801)",
            problem.Message);
    }

    [Theory]
    [InlineData(29682805, "is a Work Type code, not a Recurring Contract Service code")]
    [InlineData(29682804, "Old Recurring (29682804) is inactive")]
    public void A_billing_code_of_the_wrong_kind_or_inactive_is_refused(long billingCodeId, string expected)
    {
        var problem = BillingSettingsValidator.CheckRecurringBillingCode(billingCodeId, Codes);

        Assert.Contains(expected, problem);
    }

    [Fact]
    public void An_inactive_or_unknown_account_manager_is_refused_with_the_active_resources()
    {
        Assert.Contains("is inactive; the active resources are: Avery Admin (29682885)", BillingSettingsValidator.CheckAccountManager(29682886, Resources));
        Assert.Contains("resource 5 does not exist", BillingSettingsValidator.CheckAccountManager(5, Resources));
        Assert.Null(BillingSettingsValidator.CheckAccountManager(29682885, Resources));
    }

    [Fact]
    public void Creating_records_needs_the_codes_and_manager_they_are_created_with()
    {
        var settings = new BillingSettings { SyncMayCreate = CreatableEntities.All };

        var problems = BillingSettingsValidator.Validate(settings, Codes, Resources);

        Assert.Equal(
            new[] { "settings.recurringBillingCodeId", "settings.materialBillingCodeId", "settings.defaultAccountManagerResourceId" },
            problems.Select(p => p.Path));
        Assert.Contains("Taxable Products (29682802)", problems[1].Message);
    }

    [Fact]
    public void Nothing_is_required_when_sync_may_create_nothing()
    {
        var settings = new BillingSettings { SyncMayCreate = CreatableEntities.None };

        Assert.Empty(BillingSettingsValidator.Validate(settings, Codes, Resources));
    }
}
