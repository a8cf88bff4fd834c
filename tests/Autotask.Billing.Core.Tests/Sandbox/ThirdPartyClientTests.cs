using System.Net.Http;
using System.Text;
using Autotask.Billing.Sandbox;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

/// <summary>
/// The sandbox through a client that is not ours: a bare HttpClient over loopback, used the way the vendor's examples
/// do (zone lookup, the three headers, literal system picklist values, child routes, POSTed nextPageUrl). The Pester
/// twin is tests/pester/SandboxThirdPartyClient.Tests.ps1.
/// </summary>
public sealed class ThirdPartyClientTests : IDisposable
{
    private readonly AutotaskSandbox _sandbox = AutotaskSandbox.CreateEmpty(new SandboxOptions { Today = new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc) });
    private readonly SandboxHost _host;
    private readonly HttpClient _http = new();
    private string _root = string.Empty;

    public ThirdPartyClientTests()
    {
        _host = SandboxHost.Start(_sandbox);
    }

    [Fact]
    public async Task A_plain_http_client_creates_the_billing_records_with_literal_picklist_values_and_pages_past_500_rows()
    {
        var zone = JObject.Parse(await _http.GetStringAsync(new Uri(_host.ZoneUri, "V1.0/zoneInformation?user=" + Uri.EscapeDataString(_sandbox.ApiUser.UserName))));
        _root = ((string)zone["url"]!).TrimEnd('/') + "/V1.0/";
        _http.DefaultRequestHeaders.Add("ApiIntegrationCode", _sandbox.ApiUser.IntegrationCode);
        _http.DefaultRequestHeaders.Add("UserName", _sandbox.ApiUser.UserName);
        _http.DefaultRequestHeaders.Add("Secret", _sandbox.ApiUser.Secret);

        var company = await CreateAsync("Companies", new { companyName = "Raw Client Ltd", companyType = 1, phone = "555-0101", ownerResourceID = 29682881 });
        await CreateAsync($"Companies/{company}/Contacts", new { companyID = company, firstName = "Ada", lastName = "Raw", isActive = 1 });
        var contract = await CreateAsync("Contracts", new
        {
            companyID = company, contractName = "Raw services", contractType = 7, status = 1, contractPeriodType = 1,
            startDate = "2026-11-01T00:00:00", endDate = "2027-10-31T00:00:00", timeReportingRequiresStartAndStopTimes = 1,
        });
        var service = await CreateAsync("Services", new { name = "Raw seat", periodType = 1, unitPrice = 12.5, billingCodeID = 29682700 });
        await CreateAsync("Products", new { name = "Raw dock", productBillingCodeID = 29682710, isActive = true, isSerialized = false });
        var contractService = await CreateAsync($"Contracts/{contract}/Services", new { contractID = contract, serviceID = service });
        await CreateAsync($"Contracts/{contract}/ServiceAdjustments", new { contractID = contract, contractServiceID = contractService, effectiveDate = "2026-11-01T00:00:00", unitChange = 3 });
        var charge = await CreateAsync($"Contracts/{contract}/Charges", new
        {
            contractID = contract, name = "Setup", chargeType = 1, datePurchased = "2026-11-02T00:00:00", unitQuantity = 1, unitPrice = 99.99999, billingCodeID = 29682710,
        });
        for (var i = 0; i < 505; i++)
        {
            await CreateAsync("Companies", new { companyName = $"Raw paging {i:000}", companyType = 3, phone = "555-0100", ownerResourceID = 29682881 });
        }

        var query = new { MaxRecords = 500, Filter = new[] { new { op = "beginsWith", field = "companyName", value = "Raw paging" } } };
        var first = await PostAsync("Companies/query", query);
        var second = await PostAsync((string)first["pageDetails"]!["nextPageUrl"]!, query);
        var count = await PostAsync("Companies/query/count", query);
        var units = await PostAsync("ContractServiceUnits/query", new { filter = new[] { new { op = "eq", field = "contractServiceID", value = contractService } } });

        Assert.Equal((500, 5, 505L), (((JArray)first["items"]!).Count, ((JArray)second["items"]!).Count, (long)count["queryCount"]!));
        Assert.Equal(3, (int)units["items"]![0]!["units"]!);
        Assert.Equal(100m, (decimal)(await GetAsync($"ContractCharges/{charge}"))["item"]!["unitPrice"]!);
        Assert.Equal(1, (int)(await GetAsync($"Companies/{company}"))["item"]!["companyType"]!);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _sandbox.Dispose();
    }

    private async Task<long> CreateAsync(string path, object body) => (long)(await PostAsync(path, body))["itemId"]!;

    private async Task<JObject> PostAsync(string path, object body)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path.StartsWith("http", StringComparison.Ordinal) ? path : _root + path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JObject.Parse(text);
    }

    private async Task<JObject> GetAsync(string path) => JObject.Parse(await _http.GetStringAsync(_root + path));
}
