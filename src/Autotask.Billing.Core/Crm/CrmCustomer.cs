namespace Autotask.Billing.Crm;

/// <summary>
/// A customer of a sales or vendor system (ChannelOnline, Work 365, ...) with its contacts: what Sync-AtCompany
/// pushes into an Autotask company. Keyed, like a billing customer mapping, by <see cref="Source"/> and
/// <see cref="CustomerId"/>.
/// </summary>
public sealed class CrmCustomer
{
    public CrmCustomer(
        string source,
        string customerId,
        string customerName,
        IEnumerable<CrmContact>? contacts = null,
        string? phone = null,
        string? address = null,
        string? city = null,
        string? state = null,
        string? postalCode = null,
        string? webAddress = null)
    {
        Source = CrmText.Require(source, nameof(source));
        CustomerId = CrmText.Require(customerId, nameof(customerId));
        CustomerName = CrmText.Require(customerName, nameof(customerName));
        Contacts = (contacts ?? Array.Empty<CrmContact>()).ToList();
        Phone = CrmText.Clean(phone);
        Address = CrmText.Clean(address);
        City = CrmText.Clean(city);
        State = CrmText.Clean(state);
        PostalCode = CrmText.Clean(postalCode);
        WebAddress = CrmText.Clean(webAddress);
    }

    /// <summary>The system the customer comes from, e.g. <c>ChannelOnline</c> or <c>Work365</c>.</summary>
    public string Source { get; }

    /// <summary>That system's id for the customer.</summary>
    public string CustomerId { get; }

    public string CustomerName { get; }

    /// <summary>The company's work phone; Autotask requires one.</summary>
    public string? Phone { get; }

    /// <summary>Street address (first line).</summary>
    public string? Address { get; }

    public string? City { get; }

    /// <summary>State or province.</summary>
    public string? State { get; }

    public string? PostalCode { get; }

    public string? WebAddress { get; }

    public IReadOnlyList<CrmContact> Contacts { get; }

    public int ContactCount => Contacts.Count;

    public override string ToString() => $"{CustomerName} ({Source} {CustomerId}), {Contacts.Count} contacts";
}
