using Autotask.Billing.Mapping;
using Autotask.Billing.Tests.Autotask;

namespace Autotask.Billing.Tests.Mapping;

public sealed class BillingSettingsResolverTests : IDisposable
{
    private readonly SandboxServer _server = SandboxServer.Demo();

    [Fact]
    public async Task Billing_codes_and_the_account_manager_given_by_name_resolve_to_their_ids()
    {
        using var client = await _server.ConnectAsync();

        var settings = await new BillingSettingsResolver(new AutotaskCatalogReader(client)).ApplyAsync(
            BillingSettings.Default,
            new BillingSettingsChange { RecurringBillingCode = "microsoft 365 licensing", MaterialBillingCode = "29682710", DefaultAccountManager = "Alex Morgan" });

        Assert.Equal(29682701, settings.RecurringBillingCodeId);
        Assert.Equal(29682710, settings.MaterialBillingCodeId);
        Assert.Equal(29682881, settings.DefaultAccountManagerResourceId);
        Assert.Equal(BillingSettings.Default.ServiceNameTemplate, settings.ServiceNameTemplate);
    }

    [Fact]
    public async Task An_unknown_billing_code_is_refused_with_the_valid_ones()
    {
        using var client = await _server.ConnectAsync();

        var refusal = await Assert.ThrowsAsync<MappingValidationException>(() => new BillingSettingsResolver(new AutotaskCatalogReader(client))
            .ApplyAsync(BillingSettings.Default, new BillingSettingsChange { RecurringBillingCode = "Cloud Stuff" }));

        var problem = Assert.Single(refusal.Problems);
        Assert.Equal("settings.recurringBillingCodeId", problem.Path);
        Assert.Equal(
            "no billing code is named 'Cloud Stuff' in this Autotask database; the active Recurring Contract Service billing codes are: Backup & Continuity (29682702), Cloud Services - Recurring (29682700), Microsoft 365 Licensing (29682701)",
            problem.Message);
    }

    [Theory]
    [InlineData("Hardware", "Hardware (29682710) is a Material code, not a Recurring Contract Service code")]
    [InlineData("Legacy Hosting", "Legacy Hosting (29682703) is inactive")]
    [InlineData("4242", "billing code 4242 does not exist in this Autotask database; the active Recurring Contract Service billing codes are: Backup")]
    public async Task A_billing_code_of_the_wrong_kind_inactive_or_unknown_by_id_is_refused(string reference, string expected)
    {
        using var client = await _server.ConnectAsync();

        var refusal = await Assert.ThrowsAsync<MappingValidationException>(() => new BillingSettingsResolver(new AutotaskCatalogReader(client))
            .ApplyAsync(BillingSettings.Default, new BillingSettingsChange { RecurringBillingCode = reference }));

        Assert.Contains(expected, Assert.Single(refusal.Problems).Message);
    }

    [Fact]
    public async Task An_unknown_account_manager_and_a_bad_template_are_refused_together()
    {
        using var client = await _server.ConnectAsync();

        var refusal = await Assert.ThrowsAsync<MappingValidationException>(() => new BillingSettingsResolver(new AutotaskCatalogReader(client))
            .ApplyAsync(BillingSettings.Default, new BillingSettingsChange { DefaultAccountManager = "Nobody Here", ServiceNameTemplate = "PC_" }));

        Assert.Equal(new[] { "settings.defaultAccountManagerResourceId", "settings.serviceNameTemplate" }, refusal.Problems.Select(p => p.Path));
        Assert.Contains("the active resources are: ", refusal.Problems[0].Message);
        Assert.Contains("Alex Morgan (29682881)", refusal.Problems[0].Message);
    }

    [Fact]
    public async Task Sales_reps_resolve_to_the_resource_user_name_merge_and_an_empty_value_removes_one()
    {
        using var client = await _server.ConnectAsync();
        var current = BillingSettings.Default with { SalesReps = new Dictionary<string, string> { ["old rep"] = "alex.morgan" } };

        var settings = await new BillingSettingsResolver(new AutotaskCatalogReader(client)).ApplyAsync(
            current, new BillingSettingsChange { SalesReps = new Dictionary<string, string?> { ["jsmith@example.com"] = "Alex Morgan", ["Old Rep"] = null } });

        Assert.Equal(new[] { "jsmith@example.com" }, settings.SalesReps.Keys);
        Assert.Equal("alex.morgan", settings.SalesReps["jsmith@example.com"]);
    }

    [Fact]
    public async Task A_sales_rep_on_an_unknown_resource_or_on_another_rep_resource_is_refused()
    {
        using var client = await _server.ConnectAsync();
        var current = BillingSettings.Default with { SalesReps = new Dictionary<string, string> { ["jsmith"] = "alex.morgan" } };
        var resolver = new BillingSettingsResolver(new AutotaskCatalogReader(client));

        var unknown = await Assert.ThrowsAsync<MappingValidationException>(() => resolver.ApplyAsync(
            current, new BillingSettingsChange { SalesReps = new Dictionary<string, string?> { ["kim"] = "nobody.here" } }));
        var shared = await Assert.ThrowsAsync<MappingValidationException>(() => resolver.ApplyAsync(
            current, new BillingSettingsChange { SalesReps = new Dictionary<string, string?> { ["Jane Doe"] = "alex.morgan@sandbox-msp.example" } }));

        Assert.Contains("sales rep 'kim': no resource is named 'nobody.here'", Assert.Single(unknown.Problems).Message);
        Assert.Contains("all map to resource 'alex.morgan'", Assert.Single(shared.Problems).Message);
    }

    [Fact]
    public async Task Values_that_need_no_Autotask_are_set_without_a_connection_and_vendor_names_merge()
    {
        var current = BillingSettings.Default with { VendorCompanyNames = new Dictionary<string, string> { ["Pax8"] = "Pax8 Inc", ["Intermedia"] = "Intermedia.net" } };

        var settings = await new BillingSettingsResolver(null).ApplyAsync(current, new BillingSettingsChange
        {
            RecurringBillingCode = "29682701",
            VendorCompanyNames = new Dictionary<string, string?> { ["pax8"] = "Pax8", ["Intermedia"] = "" },
            RemovalPolicy = RemovalPolicy.ReportOnly,
            SyncMayCreate = CreatableEntities.Services | CreatableEntities.Contracts,
        });

        Assert.Equal(29682701, settings.RecurringBillingCodeId);
        Assert.Equal("Pax8", Assert.Single(settings.VendorCompanyNames).Value);
        Assert.Equal(RemovalPolicy.ReportOnly, settings.RemovalPolicy);
        Assert.Equal(CreatableEntities.Services | CreatableEntities.Contracts, settings.SyncMayCreate);
        await Assert.ThrowsAsync<MappingValidationException>(() =>
            new BillingSettingsResolver(null).ApplyAsync(current, new BillingSettingsChange { MaterialBillingCode = "Hardware" }));
    }

    public void Dispose() => _server.Dispose();
}
