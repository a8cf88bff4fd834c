using System.Reflection;

namespace Autotask.Billing.Module.Tests;

/// <summary>The chains admins pipe must bind: each consumer parameter meant to bind by property name finds a producer property.</summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class PipelineBindingTests
{
    private readonly BuiltModule _module;

    public PipelineBindingTests(BuiltModule module) => _module = module;

    [Theory]
    [InlineData("Get-AtTransaction", "Autotask.Billing.Transaction", "New-AtContractMapping", "Source,CustomerId,CustomerName,CustomerDomain")]
    [InlineData("Get-AtTransaction", "Autotask.Billing.Transaction", "New-AtServiceMapping", "Source,Sku,ChargeType")]
    [InlineData("Get-AtContract", "Autotask.Billing.AutotaskContract", "Get-AtContractService", "ContractId,CompanyId")]
    [InlineData("Start-AtBillingSandbox", "Autotask.Billing.SandboxServer", "Stop-AtBillingSandbox", "Port")]
    [InlineData("Sync-AtContract", "Autotask.Billing.SyncResult", "Get-AtSyncHistory", "RunId")]
    public void A_consumer_binds_the_producers_output_by_property_name(string producer, string outputType, string consumer, string properties)
    {
        Assert.Contains(outputType, _module.Cmdlets.Single(c => c.Name == producer).OutputTypeNames);
        var produced = _module.ShippedType(outputType).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
        var bound = _module.Cmdlets.Single(c => c.Name == consumer).Parameters.Where(p => p.ValueFromPipelineByPropertyName).Select(p => p.Name).ToHashSet();

        foreach (var property in properties.Split(','))
        {
            Assert.Contains(property, produced);
            Assert.Contains(property, bound);
        }
    }

    [Theory]
    [InlineData("Get-AtTransaction", "Compare-AtContract")]
    [InlineData("Compare-AtContract", "Sync-AtContract")]
    [InlineData("Compare-AtContract", "Export-AtBillingReport")]
    [InlineData("Sync-AtContract", "Export-AtBillingReport")]
    [InlineData("Sync-AtContract", "Send-AtBillingNotification")]
    [InlineData("Get-AtContractMapping", "Set-AtContractMapping")]
    [InlineData("Get-AtServiceMapping", "Set-AtServiceMapping")]
    public void A_consumer_takes_the_producers_objects_whole_from_the_pipeline(string producer, string consumer)
    {
        Assert.NotEmpty(_module.Cmdlets.Single(c => c.Name == producer).OutputTypeNames);
        Assert.Contains(_module.Cmdlets.Single(c => c.Name == consumer).Parameters, p => p.ValueFromPipeline && p.TypeName.StartsWith("System.Management.Automation.PSObject", StringComparison.Ordinal));
    }
}
