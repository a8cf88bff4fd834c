using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Tests.Autotask;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Mapping;

public sealed class ServiceMappingAutoMatcherTests : IDisposable
{
    private readonly SandboxServer _server = SandboxServer.Demo();

    [Fact]
    public async Task Demo_SKUs_map_to_the_services_and_products_that_carry_them_and_the_rest_await_review()
    {
        using var client = await _server.ConnectAsync();
        _server.Sandbox.Statistics.Reset();

        var result = await new ServiceMappingAutoMatcher(new AutotaskCatalogReader(client)).MatchAsync(DemoExport.Skus(), MappingDocument.Empty);

        var mapped = result.Matches.Where(m => m.Mapping is not null).ToDictionary(m => m.Sku.Sku, m => m.Mapping!);
        foreach (var sku in new[] { "CFQ7TTC0LCHC", "CFQ7TTC0LFK0", "ACR-CPC-WS", "CFQ7TTC0LDPB", "CFQ7TTC0LH16", "CFQ7TTC0LH18", "CFQ7TTC0QW7F", "CFQ7TTC0LF8R" })
        {
            Assert.Equal(ServiceIdWithSku(sku), mapped[sku].ServiceId);
            Assert.Null(mapped[sku].ProductId);
        }

        Assert.Equal(ProductIdWithSku("SURF-DOCK-2"), mapped["SURF-DOCK-2"].ProductId);
        Assert.Null(mapped["SURF-DOCK-2"].ServiceId);
        Assert.Equal(9, mapped.Count);
        var review = result.Matches.Where(m => m.Mapping is null).ToList();
        Assert.Equal(new[] { "CFQ7TTC0RM8K", "DZH318Z0BQ4L" }, review.Select(m => m.Sku.Sku));
        Assert.All(review, m => Assert.Equal(CatalogItemKind.Service, Assert.Single(m.Proposals).Kind));
        Assert.Equal(1, _server.Sandbox.Statistics.Endpoint("Services").Kind(SandboxRequestKind.Query));
        Assert.Equal(1, _server.Sandbox.Statistics.Endpoint("Products").Kind(SandboxRequestKind.Query));
    }

    [Fact]
    public async Task A_service_named_by_the_template_is_proposed_and_below_threshold_proposals_are_not_mapped()
    {
        _server.Sandbox.Data.Insert("Services", new Newtonsoft.Json.Linq.JObject
        {
            ["name"] = "PC_NEW-SKU-1", ["periodType"] = 1, ["unitPrice"] = 1m, ["unitCost"] = 1m, ["billingCodeID"] = 29682701, ["isActive"] = true,
        });
        var skus = new[]
        {
            new VendorSku("PartnerCenter", "NEW-SKU-1", billsRecurring: true, billsOneTime: false),
            new VendorSku("PartnerCenter", "Surface Dock 2", billsRecurring: false, billsOneTime: true),
        };
        using var client = await _server.ConnectAsync();

        var result = await new ServiceMappingAutoMatcher(new AutotaskCatalogReader(client)) { NameTemplate = "PC_{Sku}" }
            .MatchAsync(skus, MappingDocument.Empty);

        var templated = result.Matches[0];
        Assert.Equal(SkuMatchRule.ServiceNameTemplate, Assert.Single(templated.Proposals).Rule);
        Assert.NotNull(templated.Mapping);
        var byName = Assert.Single(result.Matches[1].Proposals);
        Assert.Equal(SkuMatchRule.ManufacturerProductName, byName.Rule);
        Assert.NotNull(result.Matches[1].Mapping);
    }

    [Fact]
    public async Task SKUs_already_mapped_or_seen_only_on_credits_are_left_alone()
    {
        var document = MappingDocument.Empty.WithService(new ServiceMapping("Generic", "CFQ7TTC0LH18") { Action = MappingAction.Create }, DateTime.UtcNow);
        var skus = DemoExport.Skus().Append(VendorSku.FromLine("Generic", "CREDIT-1", ChargeType.Credit));
        using var client = await _server.ConnectAsync();

        var result = await new ServiceMappingAutoMatcher(new AutotaskCatalogReader(client)).MatchAsync(skus, document);

        Assert.Equal("CFQ7TTC0LH18", Assert.Single(result.AlreadyMapped).Sku);
        Assert.Equal("CREDIT-1", Assert.Single(result.CreditOnly).Sku);
        Assert.Equal(10, result.Matches.Count);
    }

    public void Dispose() => _server.Dispose();

    private long ServiceIdWithSku(string sku) =>
        _server.Sandbox.Data.All("Services").Single(s => (string?)s["sku"] == sku)["id"]!.Value<long>();

    private long ProductIdWithSku(string sku) =>
        _server.Sandbox.Data.All("Products").Single(s => (string?)s["sku"] == sku)["id"]!.Value<long>();
}
