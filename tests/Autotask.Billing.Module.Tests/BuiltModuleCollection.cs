namespace Autotask.Billing.Module.Tests;

[CollectionDefinition(Name)]
public sealed class BuiltModuleCollection : ICollectionFixture<BuiltModule>
{
    public const string Name = "Built module";
}
