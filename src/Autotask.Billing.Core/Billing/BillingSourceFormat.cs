namespace Autotask.Billing;

/// <summary>Which reader to use for a file; <see cref="Detect"/> looks at the header or JSON shape.</summary>
public enum BillingSourceFormat
{
    Detect,

    /// <summary>Our own CSV, one column per Transaction property (see GENERIC-CSV.md).</summary>
    Generic,

    /// <summary>Microsoft Partner Center NCE invoice reconciliation (CSV, or the API's JSON line items).</summary>
    PartnerCenter,

    /// <summary>Microsoft Partner Center daily rated usage (Azure plan), summed into monthly Usage lines.</summary>
    PartnerCenterDailyUsage,

    /// <summary>A column-map profile (<see cref="BillingReadOptions.Profile"/>).</summary>
    Profile,
}
