using Autotask.Billing.Sandbox.Model;

namespace Autotask.Billing.Sandbox.Protocol;

internal sealed class Route
{
    public Route(RouteKind kind, EntityDefinition? entity = null, long? parentId = null, long? id = null)
    {
        Kind = kind;
        Entity = entity;
        ParentId = parentId;
        Id = id;
    }

    public RouteKind Kind { get; }

    // The entity the route acts on; for child routes the child (/Contracts/1/Services → ContractServices).
    public EntityDefinition? Entity { get; }

    public long? ParentId { get; }

    public long? Id { get; }

    // Name used for thread limits and statistics.
    public string Endpoint => Entity?.Name ?? Kind.ToString();

    public bool IsExemptFromLimits => Kind is RouteKind.ZoneInformation or RouteKind.VersionInformation;
}
