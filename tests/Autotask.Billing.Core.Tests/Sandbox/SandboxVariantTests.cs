using Autotask.Billing.Sandbox;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

/// <summary>
/// The behaviour variants for what Autotask's documentation leaves uncertain, and the smaller wire details of issue 12:
/// Authenticate, PUT defaults for omitted booleans, four-decimal money.
/// </summary>
public sealed class SandboxVariantTests
{
    private static readonly DateTime Today = new(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Without_adjusted_price_the_field_is_absent_everywhere_and_a_patch_of_it_changes_nothing()
    {
        using var client = Client(new SandboxOptions { Today = Today, AdjustedPrice = AdjustedPriceBehavior.Absent });
        var (contractId, contractServiceId) = await ServiceOnContractAsync(client, units: 4);

        var fields = (await client.GetAsync("ATServicesRest/V1.0/ContractServices/entityInformation/fields")).Json["fields"]!.Select(f => (string)f["name"]!);
        var patch = await client.PatchAsync($"ATServicesRest/V1.0/Contracts/{contractId}/Services", new { id = contractServiceId, adjustedPrice = 99.5 });
        var row = (JObject)(await client.GetAsync($"ATServicesRest/V1.0/ContractServices/{contractServiceId}")).Json["item"]!;
        var filter = await client.QueryAsync("ContractServices", new { filter = new[] { new { op = "eq", field = "adjustedPrice", value = 1 } } });

        Assert.DoesNotContain("adjustedPrice", fields);
        Assert.Equal(200, patch.StatusCode);
        Assert.Null(row.Property("adjustedPrice"));
        Assert.Equal(new[] { 20m }, await UnitPricesAsync(client, contractServiceId));
        Assert.Equal(new[] { "Unable to find adjustedPrice in the ContractService Entity" }, filter.Errors);
    }

    [Theory]
    [InlineData(AdjustmentPriceBehavior.Honoured, 24.5, 12.25)]
    [InlineData(AdjustmentPriceBehavior.Ignored, 20.0, 9.0)]
    public async Task An_adjustments_price_and_cost_are_billed_only_when_the_variant_honours_them(AdjustmentPriceBehavior behaviour, decimal price, decimal cost)
    {
        using var client = Client(new SandboxOptions { Today = Today, AdjustmentPrices = behaviour });
        var (contractId, contractServiceId) = await ServiceOnContractAsync(client, units: 4);

        var created = await client.PostAsync($"ATServicesRest/V1.0/Contracts/{contractId}/ServiceAdjustments", new
        {
            contractID = contractId, contractServiceID = contractServiceId, effectiveDate = "2026-11-10", unitChange = 1, adjustedUnitPrice = 24.5, adjustedUnitCost = 12.25,
        });

        Assert.Equal(200, created.StatusCode);
        var rows = await client.QueryItemsAsync("ContractServiceUnits", new { op = "eq", field = "contractServiceID", value = contractServiceId });
        var fromTenth = rows.Single(r => (string)r["startDate"]! == "2026-11-10T00:00:00");
        Assert.Equal((5, price, cost), ((int)fromTenth["units"]!, (decimal)fromTenth["price"]!, (decimal)fromTenth["cost"]!));
    }

    [Theory]
    [InlineData(UnitRowBoundaries.Disjoint, "2026-11-09T00:00:00", "2026-11-30T00:00:00")]
    [InlineData(UnitRowBoundaries.Touching, "2026-11-10T00:00:00", "2026-12-01T00:00:00")]
    public async Task Unit_rows_end_the_day_before_the_next_starts_or_on_it(UnitRowBoundaries boundaries, string firstEnd, string secondEnd)
    {
        using var client = Client(new SandboxOptions { Today = Today, UnitRowBoundaries = boundaries });
        var (contractId, contractServiceId) = await ServiceOnContractAsync(client, units: 4);

        await client.PostAsync($"ATServicesRest/V1.0/Contracts/{contractId}/ServiceAdjustments", new
        {
            contractID = contractId, contractServiceID = contractServiceId, effectiveDate = "2026-11-10", unitChange = 2,
        });

        var rows = (await client.QueryItemsAsync("ContractServiceUnits", new { op = "eq", field = "contractServiceID", value = contractServiceId }))
            .Where(r => ((string)r["startDate"]!).StartsWith("2026-11", StringComparison.Ordinal))
            .OrderBy(r => (string)r["startDate"]!)
            .Select(r => ((string)r["startDate"]!, (string)r["endDate"]!, (int)r["units"]!));
        Assert.Equal(new[] { ("2026-11-01T00:00:00", firstEnd, 4), ("2026-11-10T00:00:00", secondEnd, 6) }, rows);
    }

    [Fact]
    public async Task Creating_a_company_creates_its_primary_location_from_its_address()
    {
        using var client = Client(new SandboxOptions { Today = Today });
        var id = (long)(await client.PostAsync("ATServicesRest/V1.0/Companies", new
        {
            companyName = "Located Ltd", companyType = 1, phone = "555-0177", ownerResourceID = 29682881, address1 = "1 Main St", city = "Springfield",
        })).Json["itemId"]!;

        var locations = (JArray)(await client.GetAsync($"ATServicesRest/V1.0/Companies/{id}/Locations")).Json["items"]!;

        var primary = Assert.Single(locations);
        Assert.Equal((true, "1 Main St", "Springfield", "555-0177"), ((bool)primary["isPrimary"]!, (string)primary["address1"]!, (string)primary["city"]!, (string)primary["phone"]!));
    }

    [Fact]
    public async Task Authenticate_answers_a_token_and_its_expiry_in_utc()
    {
        using var client = Client(new SandboxOptions { Today = Today });

        var response = await client.GetAsync("ATServicesRest/V1.0/Authenticate");

        Assert.Equal(200, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)response.Json["authToken"]));
        Assert.EndsWith("Z", response.Json["expiration"]!.ToString(Newtonsoft.Json.Formatting.None).Trim('"'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_that_leaves_out_a_boolean_gives_it_the_entitys_default_not_false()
    {
        using var client = Client(new SandboxOptions { Today = Today });
        var id = (long)(await client.PostAsync("ATServicesRest/V1.0/Services", new { name = "Backup", periodType = 1, unitPrice = 5, billingCodeID = 29682700, isActive = false })).Json["itemId"]!;

        await client.PutAsync("ATServicesRest/V1.0/Services", new { id, name = "Backup", periodType = 1, unitPrice = 5, billingCodeID = 29682700 });

        Assert.True((bool)(await client.GetAsync($"ATServicesRest/V1.0/Services/{id}")).Json["item"]!["isActive"]!);
    }

    [Fact]
    public async Task Money_is_stored_at_four_decimals_and_date_times_carry_a_zone()
    {
        using var client = Client(new SandboxOptions { Today = Today });
        var id = (long)(await client.PostAsync("ATServicesRest/V1.0/Services", new { name = "Odd", periodType = 1, unitPrice = 10.123456789, unitCost = 0.30000000000000004, billingCodeID = 29682700 })).Json["itemId"]!;

        var service = (JObject)(await client.GetAsync($"ATServicesRest/V1.0/Services/{id}")).Json["item"]!;

        Assert.Equal((10.1235m, 0.3m), ((decimal)service["unitPrice"]!, (decimal)service["unitCost"]!));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$", (string)service["createDate"]!);
    }

    private static RawSandboxClient Client(SandboxOptions options) => new(AutotaskSandbox.CreateEmpty(options), SandboxTransport.InProcess);

    private static async Task<(long ContractId, long ContractServiceId)> ServiceOnContractAsync(RawSandboxClient client, int units)
    {
        var company = (long)(await client.PostAsync("ATServicesRest/V1.0/Companies", new { companyName = "Variant Co", companyType = 1, phone = "555-0100", ownerResourceID = 29682881 })).Json["itemId"]!;
        var contract = (long)(await client.PostAsync("ATServicesRest/V1.0/Contracts", new
        {
            companyID = company, contractName = "Variant", contractType = 7, status = 1, contractPeriodType = 1, startDate = "2026-11-01", endDate = "2027-12-31",
            timeReportingRequiresStartAndStopTimes = 0,
        })).Json["itemId"]!;
        var service = (long)(await client.PostAsync("ATServicesRest/V1.0/Services", new { name = "Seat", periodType = 1, unitPrice = 20, unitCost = 9, billingCodeID = 29682700 })).Json["itemId"]!;
        await client.PostAsync($"ATServicesRest/V1.0/Contracts/{contract}/ServiceAdjustments", new { contractID = contract, serviceID = service, effectiveDate = "2026-11-01", unitChange = units });
        var contractService = (long)(await client.QueryItemsAsync("ContractServices", new { op = "eq", field = "contractID", value = contract })).Single()["id"]!;
        return (contract, contractService);
    }

    private static async Task<decimal[]> UnitPricesAsync(RawSandboxClient client, long contractServiceId) =>
        (await client.QueryItemsAsync("ContractServiceUnits", new { op = "eq", field = "contractServiceID", value = contractServiceId }))
            .Where(r => ((string)r["startDate"]!).StartsWith("2026-11", StringComparison.Ordinal))
            .Select(r => (decimal)r["price"]!)
            .ToArray();
}
