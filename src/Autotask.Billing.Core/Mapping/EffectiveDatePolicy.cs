namespace Autotask.Billing.Mapping;

/// <summary>Which date a quantity change takes effect on in Autotask (BILLING-RULES §7).</summary>
public enum EffectiveDatePolicy
{
    /// <summary>The date the vendor changed the quantity, clamped into the contract window.</summary>
    ChangeDate,

    /// <summary>The start of the Autotask billing period the change falls in.</summary>
    PeriodStart,

    /// <summary>The start of the next Autotask billing period; the gap may be billed as a prorated charge.</summary>
    NextPeriodStart,
}
