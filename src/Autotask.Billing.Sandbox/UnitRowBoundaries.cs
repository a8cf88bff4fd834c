namespace Autotask.Billing.Sandbox;

/// <summary>
/// How consecutive ContractServiceUnits rows meet. Autotask documents that an adjustment splits a period at its
/// effective date but not whether the earlier row ends the day before or on that date (docs/autotask-api-notes.md).
/// </summary>
public enum UnitRowBoundaries
{
    /// <summary>A row ends the day before the next one starts (Oct 1–Oct 14, Oct 15–Oct 31).</summary>
    Disjoint,

    /// <summary>A row ends on the date the next one starts (Oct 1–Oct 15, Oct 15–Nov 1): boundary dates are shared.</summary>
    Touching,
}
