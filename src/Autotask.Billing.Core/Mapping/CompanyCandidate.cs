namespace Autotask.Billing.Mapping;

/// <summary>An Autotask company a vendor customer may be matched to.</summary>
public sealed class CompanyCandidate
{
    public CompanyCandidate(long companyId, string companyName, string? webAddress = null, bool isActive = true, string? companyType = null)
    {
        CompanyId = companyId;
        CompanyName = companyName ?? string.Empty;
        WebAddress = webAddress;
        IsActive = isActive;
        CompanyType = companyType;
    }

    public long CompanyId { get; }

    public string CompanyName { get; }

    public string? WebAddress { get; }

    public bool IsActive { get; }

    /// <summary>The company type's label (Customer, Prospect, Vendor, ...); customers are preferred among equals.</summary>
    public string? CompanyType { get; }
}
