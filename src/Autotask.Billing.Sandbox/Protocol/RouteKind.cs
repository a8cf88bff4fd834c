namespace Autotask.Billing.Sandbox.Protocol;

internal enum RouteKind
{
    VersionInformation,
    ZoneInformation,
    ThresholdInformation,
    Version,
    Authenticate,
    Collection,
    Query,
    QueryCount,
    QueryNext,
    Item,
    ChildCollection,
    ChildItem,
    EntityInformation,
    EntityFields,
    EntityUserDefinedFields,
}
