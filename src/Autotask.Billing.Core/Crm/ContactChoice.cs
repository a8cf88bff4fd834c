namespace Autotask.Billing.Crm;

/// <summary>The one rule for which contacts a push or a pull carries: all (optionally filtered), the primary one, or none.</summary>
internal static class ContactChoice
{
    public static IReadOnlyList<CrmContact> Apply(IEnumerable<CrmContact> contacts, ContactSelection selection, Func<CrmContact, bool>? filter) => selection switch
    {
        ContactSelection.None => Array.Empty<CrmContact>(),
        ContactSelection.Primary => contacts.Where(static c => c.PrimaryContact).Take(1).ToList(),
        _ => contacts.Where(c => filter?.Invoke(c) ?? true).ToList(),
    };
}
