namespace Autotask.Billing;

/// <summary>How a billing line is charged (BILLING-RULES §1).</summary>
public enum ChargeType
{
    /// <summary>A seat or subscription line billed every period; drives contract service quantities.</summary>
    Recurring,

    /// <summary>A one-off charge (setup, hardware, perpetual licence); becomes one contract charge.</summary>
    OneTime,

    /// <summary>Metered consumption (Azure plan, arrears usage); becomes one contract charge per period.</summary>
    Usage,

    /// <summary>Money given back by the vendor (customer credit, rebate, service credit).</summary>
    Credit,
}
