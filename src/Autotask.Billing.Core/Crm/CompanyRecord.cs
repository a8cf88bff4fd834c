namespace Autotask.Billing.Crm;

/// <summary>An Autotask company as Get-AtCompany shows it; CompanyId binds by property name into Get-AtContact.</summary>
public sealed class CompanyRecord
{
    public CompanyRecord(
        long companyId, string companyName, string? companyNumber, string? phone, string? address, string? city,
        string? state, string? postalCode, string? webAddress, bool isActive)
    {
        CompanyId = companyId;
        CompanyName = companyName;
        CompanyNumber = companyNumber;
        Phone = phone;
        Address = address;
        City = city;
        State = state;
        PostalCode = postalCode;
        WebAddress = webAddress;
        IsActive = isActive;
    }

    public long CompanyId { get; }

    public string CompanyName { get; }

    /// <summary>The company's account number, which sales systems import as their customer id.</summary>
    public string? CompanyNumber { get; }

    public string? Phone { get; }

    /// <summary>Street address (first line).</summary>
    public string? Address { get; }

    public string? City { get; }

    public string? State { get; }

    public string? PostalCode { get; }

    public string? WebAddress { get; }

    public bool IsActive { get; }

    public override string ToString() => $"{CompanyName} ({CompanyId})";
}
