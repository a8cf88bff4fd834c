using System.Management.Automation;
using Autotask.Billing.Crm;

namespace Autotask.Billing.Infrastructure;

/// <summary>-ContactEmail wildcards as the core's contact filter: a contact is kept when its address matches any of them.</summary>
internal static class ContactEmailFilter
{
    public static Func<CrmContact, bool>? From(string[]? patterns)
    {
        if (patterns is null || patterns.Length == 0)
        {
            return null;
        }

        var wildcards = patterns.Select(static p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
        return contact => contact.EmailAddress is { } email && wildcards.Any(w => w.IsMatch(email));
    }
}
