namespace Autotask.Billing.Crm;

/// <summary>How Sync-AtCompany pushes customers and contacts into Autotask.</summary>
public sealed class CompanySyncOptions
{
    /// <summary>
    /// The work phone to use for a company (and a contact) that has none, e.g. 555-555-5555 as ChannelOnline does when
    /// told to. Null: a company without a phone is reported and not created; it is never invented silently.
    /// </summary>
    public string? DefaultPhone { get; init; }

    /// <summary>Hold back a customer without a primary contact among the selected ones (Work 365's rule).</summary>
    public bool RequirePrimaryContact { get; init; }

    public ContactSelection Contacts { get; init; } = ContactSelection.All;

    /// <summary>A further filter on the selected contacts (the cmdlet builds it from -ContactEmail wildcards).</summary>
    public Func<CrmContact, bool>? ContactFilter { get; init; }

    /// <summary>Unmapped customers are paired with an existing company of the same (or normalised) name.</summary>
    public bool MatchExistingByName { get; init; } = true;

    internal IReadOnlyList<CrmContact> Select(CrmCustomer customer) => ContactChoice.Apply(customer.Contacts, Contacts, ContactFilter);
}
