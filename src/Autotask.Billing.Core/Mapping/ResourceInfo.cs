namespace Autotask.Billing.Mapping;

/// <summary>An Autotask resource (user) as the setup validator needs it.</summary>
public sealed class ResourceInfo
{
    public ResourceInfo(long resourceId, string name, bool isActive)
    {
        ResourceId = resourceId;
        Name = name ?? string.Empty;
        IsActive = isActive;
    }

    public long ResourceId { get; }

    public string Name { get; }

    public bool IsActive { get; }
}
