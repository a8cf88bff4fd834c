namespace Autotask.Billing.Autotask;

/// <summary>What the client was doing when a request was made or failed.</summary>
public enum AutotaskOperation
{
    DiscoverZone,
    Connect,
    ReadThreshold,
    Query,
    Count,
    Get,
    Create,
    Update,
    Delete,
    ReadEntityInformation,
}
