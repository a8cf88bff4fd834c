namespace Autotask.Billing.Crm;

/// <summary>An Autotask contact as Get-AtContact shows it.</summary>
public sealed class ContactRecord
{
    public ContactRecord(
        long contactId, long companyId, string firstName, string lastName, string? emailAddress, string? phone,
        string? mobilePhone, string? title, bool primaryContact, bool isActive)
    {
        ContactId = contactId;
        CompanyId = companyId;
        FirstName = firstName;
        LastName = lastName;
        EmailAddress = emailAddress;
        Phone = phone;
        MobilePhone = mobilePhone;
        Title = title;
        PrimaryContact = primaryContact;
        IsActive = isActive;
    }

    public long ContactId { get; }

    public long CompanyId { get; }

    public string FirstName { get; }

    public string LastName { get; }

    public string? EmailAddress { get; }

    /// <summary>The work phone.</summary>
    public string? Phone { get; }

    public string? MobilePhone { get; }

    public string? Title { get; }

    public bool PrimaryContact { get; }

    public bool IsActive { get; }

    public override string ToString() => EmailAddress is null ? $"{FirstName} {LastName}" : $"{FirstName} {LastName} <{EmailAddress}>";
}
