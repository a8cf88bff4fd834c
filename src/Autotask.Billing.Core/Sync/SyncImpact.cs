namespace Autotask.Billing;

/// <summary>How much confirmation an operation deserves; maps onto PowerShell's ConfirmImpact.</summary>
public enum SyncImpact
{
    /// <summary>A single ordinary write (a unit adjustment, a charge, a catalog entry, a price).</summary>
    Medium,

    /// <summary>Creating a company or contract, or a change that needs -Force.</summary>
    High,
}
