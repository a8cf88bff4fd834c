namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// Declares which Autotask entity a class maps, what the API allows on it and, for child entities, the parent
/// route through which it is written (e.g. ContractServices are written via /Contracts/{contractID}/Services).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AutotaskEntityAttribute : Attribute
{
    public AutotaskEntityAttribute(string entityName, AutotaskEntityCapabilities capabilities)
    {
        EntityName = entityName;
        Capabilities = capabilities;
    }

    public string EntityName { get; }

    public AutotaskEntityCapabilities Capabilities { get; }

    /// <summary>The parent entity whose child route carries writes, e.g. "Contracts".</summary>
    public string? ParentEntityName { get; init; }

    /// <summary>The child segment under the parent, e.g. "Services" in /Contracts/{id}/Services.</summary>
    public string? ChildSegment { get; init; }

    /// <summary>The wire name of the property holding the parent id, e.g. "contractID".</summary>
    public string? ParentIdField { get; init; }
}
