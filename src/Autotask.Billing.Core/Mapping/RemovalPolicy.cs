namespace Autotask.Billing.Mapping;

/// <summary>What sync does with a contract service the vendor no longer bills.</summary>
public enum RemovalPolicy
{
    /// <summary>Adjust the service to zero units; Autotask records are never deleted.</summary>
    AdjustToZero,

    /// <summary>Report the difference and leave the contract as it is.</summary>
    ReportOnly,
}
