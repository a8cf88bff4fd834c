namespace Autotask.Billing.Crm;

/// <summary>
/// A person at a customer, as a sales or vendor system exports it (or as Get-AtContact reads it back): matched to
/// Autotask contacts by e-mail address first, then by name within the company.
/// </summary>
public sealed class CrmContact
{
    public CrmContact(
        string firstName,
        string lastName,
        string? emailAddress = null,
        string? phone = null,
        string? mobilePhone = null,
        string? title = null,
        bool primaryContact = false)
    {
        FirstName = CrmText.Require(firstName, nameof(firstName));
        LastName = CrmText.Require(lastName, nameof(lastName));
        EmailAddress = CrmText.Clean(emailAddress);
        Phone = CrmText.Clean(phone);
        MobilePhone = CrmText.Clean(mobilePhone);
        Title = CrmText.Clean(title);
        PrimaryContact = primaryContact;
    }

    public string FirstName { get; }

    public string LastName { get; }

    public string? EmailAddress { get; }

    /// <summary>The work phone.</summary>
    public string? Phone { get; }

    public string? MobilePhone { get; }

    public string? Title { get; }

    /// <summary>The customer's primary contact (Work 365 requires one per customer).</summary>
    public bool PrimaryContact { get; }

    public string FullName => FirstName + " " + LastName;

    public override string ToString() => EmailAddress is null ? FullName : $"{FullName} <{EmailAddress}>";
}
