namespace Autotask.Billing.Mapping;

/// <summary>An Autotask service a recurring SKU may be matched to, with the fields that can carry a part number.</summary>
public sealed class ServiceCandidate
{
    public ServiceCandidate(long serviceId, string name)
    {
        ServiceId = serviceId;
        Name = name ?? string.Empty;
    }

    public long ServiceId { get; }

    public string Name { get; }

    public string? Sku { get; init; }

    public string? CatalogNumberPartNumber { get; init; }

    public string? ManufacturerServiceProviderProductNumber { get; init; }

    public bool IsActive { get; init; } = true;
}
