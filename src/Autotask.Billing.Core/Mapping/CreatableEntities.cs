namespace Autotask.Billing.Mapping;

/// <summary>The kinds of Autotask record sync may create when a mapping or the catalog lacks them.</summary>
[Flags]
public enum CreatableEntities
{
    None = 0,
    Services = 1,
    Products = 2,
    Companies = 4,
    Contracts = 8,
    All = Services | Products | Companies | Contracts,
}
