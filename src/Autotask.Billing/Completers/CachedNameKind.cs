namespace Autotask.Billing.Completers;

/// <summary>The kinds of Autotask names the completers offer.</summary>
internal enum CachedNameKind
{
    Company,
    Contract,
    RecurringBillingCode,
    MaterialBillingCode,
    Resource,
}
