namespace Autotask.Billing.Autotask.Entities;

/// <summary>What the REST API lets a client do with an entity.</summary>
[Flags]
public enum AutotaskEntityCapabilities
{
    None = 0,
    Query = 1,
    Get = 2,
    Create = 4,
    Update = 8,
    Delete = 16,
    Read = Query | Get,
    ReadWrite = Read | Create | Update,
}
