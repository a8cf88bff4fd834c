namespace Autotask.Billing.Reconciliation;

/// <summary>The entity names whose picklists a snapshot reads.</summary>
internal static class PicklistEntities
{
    public const string Contracts = "Contracts";
    public const string Services = "Services";
    public const string Companies = "Companies";
}
