using Autotask.Billing.Autotask;

namespace Autotask.Billing.Tests.Autotask;

public sealed class PicklistTests : IDisposable
{
    private readonly SandboxServer _server = SandboxServer.Empty();

    [Fact]
    public async Task A_picklist_label_resolves_to_the_tenants_value()
    {
        using var client = await _server.ConnectAsync();

        var customer = await client.ResolvePicklistValueAsync("Companies", "companyType", "Customer");
        var vendor = await client.ResolvePicklistValueAsync("companies", "COMPANYTYPE", "vendor");

        Assert.Equal(_server.Sandbox.Data.PicklistValue("Companies", "companyType", "Customer")!.Value.ToString(), customer);
        Assert.Equal(_server.Sandbox.Data.PicklistValue("Companies", "companyType", "Vendor")!.Value.ToString(), vendor);
    }

    [Fact]
    public async Task Field_information_is_read_once_per_connection()
    {
        using var client = await _server.ConnectAsync();

        await client.ResolvePicklistValueAsync("Companies", "companyType", "Customer");
        await client.ResolvePicklistValueAsync("Companies", "companyType", "Lead");
        var fields = await client.GetFieldsAsync("Companies");

        Assert.Equal(1, _server.RequestsMatching("/V1.0/Companies/entityInformation/fields"));
        Assert.Contains(fields, field => field.Name == "companyName" && field.IsRequired);
    }

    [Fact]
    public async Task An_unknown_label_is_reported_with_the_valid_labels()
    {
        using var client = await _server.ConnectAsync();

        var error = await Assert.ThrowsAsync<AutotaskPicklistLabelNotFoundException>(
            () => client.ResolvePicklistValueAsync("Companies", "companyType", "Customr"));

        Assert.Contains("Customer", error.ValidLabels);
        Assert.Contains("Vendor", error.ValidLabels);
        Assert.Contains("Customer, Lead", error.Message);
        Assert.Contains("Customr", error.Message);
    }

    [Fact]
    public async Task A_field_that_is_not_a_picklist_is_reported()
    {
        using var client = await _server.ConnectAsync();

        var error = await Assert.ThrowsAsync<AutotaskPicklistLabelNotFoundException>(
            () => client.ResolvePicklistValueAsync("Companies", "companyName", "Customer"));

        Assert.Contains("not a picklist", error.Message);
    }

    public void Dispose() => _server.Dispose();
}
