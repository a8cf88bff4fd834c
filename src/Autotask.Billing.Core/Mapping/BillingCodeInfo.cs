namespace Autotask.Billing.Mapping;

/// <summary>An Autotask billing code as the setup validator needs it.</summary>
public sealed class BillingCodeInfo
{
    public BillingCodeInfo(long billingCodeId, string name, string? useType, bool isActive)
    {
        BillingCodeId = billingCodeId;
        Name = name ?? string.Empty;
        UseType = useType;
        IsActive = isActive;
    }

    public long BillingCodeId { get; }

    public string Name { get; }

    /// <summary>The category label, e.g. "Recurring Contract Service" or "Material"; null when unknown.</summary>
    public string? UseType { get; }

    public bool IsActive { get; }
}
