using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Tests.Autotask;

public sealed class AutotaskEntityRouteTests
{
    [Fact]
    public void Child_entities_are_written_through_their_parent_route()
    {
        Assert.Equal("Contracts/7/Services", AutotaskEntityRoute.For<ContractService>().WritePath(7));
        Assert.Equal("Contracts/7/ServiceAdjustments", AutotaskEntityRoute.For<ContractServiceAdjustment>().WritePath(7));
        Assert.Equal("Contracts/7/Charges", AutotaskEntityRoute.For<ContractCharge>().WritePath(7));
        Assert.Equal("Companies/7/Contacts", AutotaskEntityRoute.For<Contact>().WritePath(7));
        Assert.Equal("Companies", AutotaskEntityRoute.For<Company>().WritePath(null));
    }

    [Fact]
    public void A_child_write_without_a_parent_id_names_the_missing_field()
    {
        var error = Assert.Throws<ArgumentException>(() => AutotaskEntityRoute.For<ContractService>().WritePath(null));

        Assert.Contains("contractID", error.Message);
    }

    [Fact]
    public void Reads_and_queries_use_the_entity_collection()
    {
        var route = AutotaskEntityRoute.For<ContractService>();

        Assert.Equal("ContractServices/query", route.QueryPath);
        Assert.Equal("ContractServices/query/count", route.CountPath);
        Assert.Equal("ContractServices/12", route.ItemPath(12));
    }

    [Fact]
    public void Capabilities_follow_the_api()
    {
        Assert.False(AutotaskEntityRoute.For<ContractServiceAdjustment>().Allows(AutotaskEntityCapabilities.Query));
        Assert.True(AutotaskEntityRoute.For<ContractServiceAdjustment>().Allows(AutotaskEntityCapabilities.Create));
        Assert.False(AutotaskEntityRoute.For<ContractServiceUnit>().Allows(AutotaskEntityCapabilities.Create));
        Assert.False(AutotaskEntityRoute.For<BillingCode>().Allows(AutotaskEntityCapabilities.Update));
        Assert.False(AutotaskEntityRoute.For<Resource>().Allows(AutotaskEntityCapabilities.Create));
        Assert.True(AutotaskEntityRoute.For<Resource>().Allows(AutotaskEntityCapabilities.Update));
    }
}
