namespace Autotask.Billing.Crm;

/// <summary>Which of a customer's contacts a push or an export carries.</summary>
public enum ContactSelection
{
    /// <summary>Every contact (narrowed further by an e-mail filter when one is given).</summary>
    All,

    /// <summary>Only the primary contact.</summary>
    Primary,

    /// <summary>No contacts: companies only.</summary>
    None,
}
