using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

public sealed class SandboxWriteTests
{
    private static readonly object NewCompany = new { companyName = "Write Test Ltd", companyType = 1, phone = "555-0150", ownerResourceID = 29682881, fax = "555-0151" };

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Patch_changes_only_sent_properties_and_put_clears_omitted_writable_ones(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options()), transport);
        var id = (long)(await client.PostAsync("ATServicesRest/V1.0/Companies", NewCompany)).Json["itemId"]!;

        var patch = await client.PatchAsync("ATServicesRest/V1.0/Companies", new { id, city = "Leeds", taxExempt = true });
        var afterPatch = client.Sandbox.Data.Get("Companies", id)!;
        var put = await client.PutAsync("ATServicesRest/V1.0/Companies", new { id, companyName = "Write Test Ltd", companyType = 1, phone = "555-0150", ownerResourceID = 29682881 });
        var afterPut = client.Sandbox.Data.Get("Companies", id)!;

        Assert.Equal(200, patch.StatusCode);
        Assert.Equal(("Leeds", "555-0151"), ((string?)afterPatch["city"], (string?)afterPatch["fax"]));
        Assert.Equal(200, put.StatusCode);
        Assert.Equal(JTokenType.Null, afterPut["fax"]!.Type);
        Assert.Equal(JTokenType.Null, afterPut["city"]!.Type);
        Assert.Equal(afterPatch["createDate"]!.ToString(), afterPut["createDate"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Creates_enforce_required_fields_references_and_real_booleans(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options()), transport);

        var missingPhone = await client.PostAsync("ATServicesRest/V1.0/Companies", new { companyName = "No Phone", companyType = 1, ownerResourceID = 29682881 });
        var badOwner = await client.PostAsync("ATServicesRest/V1.0/Companies", new { companyName = "Bad Owner", companyType = 1, phone = "1", ownerResourceID = 4 });
        var stringBoolean = await client.PostAsync("ATServicesRest/V1.0/Companies", new { companyName = "Bool", companyType = 1, phone = "1", ownerResourceID = 29682881, isActive = "true" });
        var badPicklist = await client.PostAsync("ATServicesRest/V1.0/Companies", new { companyName = "Type", companyType = 5, phone = "1", ownerResourceID = 29682881 });

        Assert.Equal(500, missingPhone.StatusCode);
        Assert.Contains("phone", missingPhone.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(new[] { "Value does not reference an existing entity for ownerResourceID ." }, badOwner.Errors);
        Assert.Equal(500, stringBoolean.StatusCode);
        Assert.Equal(new[] { "Value does not reference an existing entity for companyType ." }, badPicklist.Errors);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Contacts_are_written_under_their_company_with_an_integer_is_active(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options()), transport);

        var created = await client.PostAsync("ATServicesRest/V1.0/Companies/0/Contacts", new { firstName = "Ana", lastName = "Silva", isActive = 1 });
        var booleanActive = await client.PostAsync("ATServicesRest/V1.0/Companies/0/Contacts", new { firstName = "Bo", lastName = "Berg", isActive = true });
        var listed = await client.GetAsync("ATServicesRest/V1.0/Companies/0/Contacts");

        Assert.Equal(200, created.StatusCode);
        Assert.Equal(500, booleanActive.StatusCode);
        var contact = (JObject)listed.Json["items"]!.Single();
        Assert.Equal(JTokenType.Integer, contact["isActive"]!.Type);
        Assert.Equal(0L, (long)contact["companyID"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Services_require_an_active_recurring_contract_service_billing_code(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options()), transport);
        var codes = client.Sandbox.Data.All("BillingCodes");
        long Code(string name) => (long)codes.Single(c => (string?)c["name"] == name)["id"]!;
        var monthly = client.Sandbox.Data.PicklistValue("Services", "periodType", "Monthly");

        var material = await client.PostAsync("ATServicesRest/V1.0/Services", new { name = "X", periodType = monthly, unitPrice = 1, billingCodeID = Code("Hardware") });
        var inactive = await client.PostAsync("ATServicesRest/V1.0/Services", new { name = "X", periodType = monthly, unitPrice = 1, billingCodeID = Code("Legacy Hosting") });
        var good = await client.PostAsync("ATServicesRest/V1.0/Services", new { name = "X", periodType = monthly, unitPrice = 1, billingCodeID = Code("Cloud Services - Recurring") });

        Assert.Equal(500, material.StatusCode);
        Assert.Equal(500, inactive.StatusCode);
        Assert.Equal(200, good.StatusCode);
        Assert.True((bool)client.Sandbox.Data.Get("Services", (long)good.Json["itemId"]!)!["isActive"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Impersonation_must_name_an_active_resource_and_is_recorded_on_the_write(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options()), transport);

        var unknown = await client.SendAsync(HttpMethod.Post, "ATServicesRest/V1.0/Companies", NewCompany, configure: r => r.Headers.Add("ImpersonationResourceId", "12345"));
        var staff = await client.SendAsync(HttpMethod.Post, "ATServicesRest/V1.0/Companies", NewCompany, configure: r => r.Headers.Add("ImpersonationResourceId", "29682881"));
        var company = client.Sandbox.Data.Get("Companies", (long)staff.Json["itemId"]!)!;

        Assert.Equal(500, unknown.StatusCode);
        Assert.Equal(29682881L, (long)company["createdByResourceID"]!);
        Assert.Equal(client.Sandbox.ApiUser.ResourceId, (long)company["impersonatorCreatorResourceID"]!);
    }

    [Fact]
    public void The_api_user_never_shows_its_secret_or_integration_code()
    {
        var user = AutotaskSandbox.CreateEmpty(SandboxWireProtocolTests.Options()).ApiUser;

        Assert.DoesNotContain(user.Secret, user.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(user.IntegrationCode, user.ToString(), StringComparison.Ordinal);
    }
}
