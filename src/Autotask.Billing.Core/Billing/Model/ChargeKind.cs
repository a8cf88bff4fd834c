namespace Autotask.Billing;

/// <summary>
/// What a vendor line means for the money (BILLING-RULES §1): finer than <see cref="ChargeType"/>, which says how a
/// line reaches Autotask (seats on a service, or one charge).
/// </summary>
public enum ChargeKind
{
    /// <summary>A full billing period of a subscription: the only kind that sets a recurring price or cost.</summary>
    Recurring,

    /// <summary>Part of a period (mid-period add, remove, upgrade, cancel or a calendar-aligned first period): counts seats, never sets a price.</summary>
    ProratedAdjustment,

    /// <summary>A one-off purchase: one contract charge for the vendor's line amount.</summary>
    OneTime,

    /// <summary>Metered consumption: one contract charge for the vendor's line amount.</summary>
    Usage,

    /// <summary>Money the vendor gives back (customer credit, rebate, service credit): a negative charge.</summary>
    Credit,

    /// <summary>A purchase taken back (refund of a one-time purchase): a negative charge.</summary>
    Refund,

    /// <summary>A trial line: no billable seats and no money.</summary>
    Trial,
}
