using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

public sealed class SandboxRecurringServiceTests
{
    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task An_adjustment_splits_the_period_at_its_effective_date_and_later_periods_follow(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);
        var (contractId, contractServiceId) = await FirstContractServiceAsync(client);

        var created = await client.PostAsync($"ATServicesRest/V1.0/Contracts/{contractId}/ServiceAdjustments", new
        {
            contractID = contractId, contractServiceID = contractServiceId, effectiveDate = "2026-10-15T00:00:00Z", unitChange = 3,
        });
        var rows = await client.QueryItemsAsync("ContractServiceUnits", new { op = "eq", field = "contractServiceID", value = contractServiceId }, new { op = "gte", field = "startDate", value = "2026-10-01" });

        Assert.Equal(200, created.StatusCode);
        Assert.True((long)created.Json["itemId"]! > 0);
        var spans = rows.Select(r => ((string)r["startDate"]!, (string)r["endDate"]!, (int)r["units"]!)).OrderBy(s => s.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                ("2026-10-01T00:00:00", "2026-10-14T00:00:00", 12),
                ("2026-10-15T00:00:00", "2026-10-31T00:00:00", 15),
                ("2026-11-01T00:00:00", "2026-11-30T00:00:00", 15),
            },
            spans);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Units_may_never_go_below_zero(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);
        var (contractId, contractServiceId) = await FirstContractServiceAsync(client);

        var response = await client.PostAsync("ATServicesRest/V1.0/ContractServiceAdjustments", new
        {
            contractID = contractId, contractServiceID = contractServiceId, effectiveDate = "2026-11-01T00:00:00", unitChange = -13,
        });

        Assert.Equal(500, response.StatusCode);
        Assert.Contains("below zero", response.Errors.Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task An_adjustment_inside_an_approved_and_posted_period_is_refused(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);
        var (contractId, contractServiceId) = await FirstContractServiceAsync(client);

        var response = await client.PostAsync($"ATServicesRest/V1.0/Contracts/{contractId}/ServiceAdjustments", new
        {
            contractServiceID = contractServiceId, effectiveDate = "2026-09-20T00:00:00", unitChange = 1,
        });

        Assert.Equal(500, response.StatusCode);
        Assert.Contains("approved and posted", response.Errors.Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Adjusting_a_service_that_is_not_on_the_contract_adds_it(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);
        var (contractId, _) = await FirstContractServiceAsync(client);
        var onContract = (await client.QueryItemsAsync("ContractServices", new { op = "eq", field = "contractID", value = contractId })).Select(s => (long)s["serviceID"]!).ToList();
        var service = (await client.QueryItemsAsync("Services", new { op = "notIn", field = "id", value = onContract })).First();

        var response = await client.PostAsync($"ATServicesRest/V1.0/Contracts/{contractId}/ServiceAdjustments", new
        {
            serviceID = (long)service["id"]!, effectiveDate = "2026-11-05", unitChange = 4,
        });
        var added = await client.QueryItemsAsync("ContractServices", new { op = "eq", field = "contractID", value = contractId }, new { op = "eq", field = "serviceID", value = (long)service["id"]! });
        var units = await client.QueryItemsAsync("ContractServiceUnits", new { op = "eq", field = "contractServiceID", value = (long)added.Single()["id"]! });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal((decimal)service["unitPrice"]!, (decimal)added.Single()["unitPrice"]!);
        Assert.Equal(("2026-11-05T00:00:00", 4), ((string)units.Single()["startDate"]!, (int)units.Single()["units"]!));
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Contract_service_adjustments_cannot_be_queried(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);

        var response = await client.QueryAsync("ContractServiceAdjustments", new { filter = new[] { new { op = "gte", field = "id", value = 0 } } });

        Assert.Equal(404, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Contract_services_only_accept_adjusted_price_and_invoice_description_on_update(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);
        var (contractId, contractServiceId) = await FirstContractServiceAsync(client);
        var before = (await client.GetAsync($"ATServicesRest/V1.0/ContractServices/{contractServiceId}")).Json["item"]!;

        var response = await client.PatchAsync($"ATServicesRest/V1.0/Contracts/{contractId}/Services", new
        {
            id = contractServiceId, adjustedPrice = 29.99, invoiceDescription = "Premium seats", unitCost = 1, serviceID = 1, bogusField = "x",
        });
        var after = (await client.GetAsync($"ATServicesRest/V1.0/ContractServices/{contractServiceId}")).Json["item"]!;
        var units = await client.QueryItemsAsync("ContractServiceUnits", new { op = "eq", field = "contractServiceID", value = contractServiceId }, new { op = "gte", field = "startDate", value = "2026-11-01" });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(29.99m, (decimal)after["adjustedPrice"]!);
        Assert.Equal("Premium seats", (string?)after["invoiceDescription"]);
        Assert.Equal((decimal)before["unitCost"]!, (decimal)after["unitCost"]!);
        Assert.Equal((long)before["serviceID"]!, (long)after["serviceID"]!);
        Assert.Equal(29.99m, (decimal)units.Single()["price"]!);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task Services_can_only_be_added_to_recurring_service_contracts(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);
        var companyId = (long)(await client.QueryItemsAsync("Companies", new { op = "eq", field = "companyName", value = "Tailspin Toys" })).Single()["id"]!;
        var created = await client.PostAsync("ATServicesRest/V1.0/Contracts", new
        {
            companyID = companyId, contractName = "Support hours", contractType = 4, status = 1, startDate = "2026-01-01",
            endDate = "2026-12-31", timeReportingRequiresStartAndStopTimes = 1,
        });
        var serviceId = (long)(await client.QueryItemsAsync("Services", new { op = "gt", field = "id", value = 0 })).First()["id"]!;

        var response = await client.PostAsync($"ATServicesRest/V1.0/Contracts/{(long)created.Json["itemId"]!}/Services", new { serviceID = serviceId });

        Assert.Equal(200, created.StatusCode);
        Assert.Equal(500, response.StatusCode);
        Assert.Contains("Recurring Service", response.Errors.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RawSandboxClient.Transports), MemberType = typeof(RawSandboxClient))]
    public async Task A_billed_charge_refuses_patch_and_delete_while_an_unbilled_one_accepts_them(SandboxTransport transport)
    {
        using var client = new RawSandboxClient(AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options()), transport);
        var billed = (await client.QueryItemsAsync("ContractCharges", new { op = "eq", field = "isBilled", value = true })).Single();
        var contractId = (long)billed["contractID"]!;
        var billingCode = client.Sandbox.Data.All("BillingCodes").First(c => (string?)c["name"] == "Hardware");

        var patch = await client.PatchAsync($"ATServicesRest/V1.0/Contracts/{contractId}/Charges", new { id = (long)billed["id"]!, unitQuantity = 2 });
        var delete = await client.SendAsync(HttpMethod.Delete, $"ATServicesRest/V1.0/Contracts/{contractId}/Charges/{(long)billed["id"]!}");
        var created = await client.PostAsync($"ATServicesRest/V1.0/Contracts/{contractId}/Charges", new
        {
            name = "Dock", chargeType = 1, datePurchased = "2026-10-14", unitQuantity = 2, unitPrice = 129.0, unitCost = 99.0, billingCodeID = (long)billingCode["id"]!,
        });
        var newId = (long)created.Json["itemId"]!;
        var charge = (await client.GetAsync($"ATServicesRest/V1.0/ContractCharges/{newId}")).Json["item"]!;
        var deleteNew = await client.SendAsync(HttpMethod.Delete, $"ATServicesRest/V1.0/Contracts/{contractId}/Charges/{newId}");

        Assert.Equal(500, patch.StatusCode);
        Assert.Equal(500, delete.StatusCode);
        Assert.Equal(200, created.StatusCode);
        Assert.Equal(258.0m, (decimal)charge["billableAmount"]!);
        Assert.False((bool)charge["isBilled"]!);
        Assert.Equal(200, deleteNew.StatusCode);
        Assert.Null(client.Sandbox.Data.Get("ContractCharges", newId));
    }

    [Fact]
    public void Moving_the_sandbox_date_into_a_new_month_extends_every_service_by_one_period()
    {
        var sandbox = AutotaskSandbox.CreateDemo(SandboxWireProtocolTests.Options());
        var before = sandbox.Data.Count("ContractServiceUnits");
        var services = sandbox.Data.Count("ContractServices");

        sandbox.Today = new DateTime(2026, 12, 3);

        Assert.Equal(before + services, sandbox.Data.All("ContractServiceUnits").Count);
    }

    private static async Task<(long ContractId, long ContractServiceId)> FirstContractServiceAsync(RawSandboxClient client)
    {
        var contract = (await client.QueryItemsAsync("Contracts", new { op = "beginsWith", field = "contractName", value = "Cloud services, Contoso" })).Single();
        var contractId = (long)contract["id"]!;
        var premium = (await client.QueryItemsAsync("Services", new { op = "eq", field = "sku", value = "CFQ7TTC0LCHC" })).Single();
        var contractService = (await client.QueryItemsAsync("ContractServices", new { op = "eq", field = "contractID", value = contractId }, new { op = "eq", field = "serviceID", value = (long)premium["id"]! })).Single();
        return (contractId, (long)contractService["id"]!);
    }
}
