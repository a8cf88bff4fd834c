namespace Autotask.Billing.Mapping;

/// <summary>The Autotask catalog a SKU bills through: services for recurring lines, products for one-time lines.</summary>
public enum CatalogItemKind
{
    Service,
    Product,
}
