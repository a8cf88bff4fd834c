namespace Autotask.Billing;

/// <summary>What kind of attention a customer × SKU (or a one-time line) needs; BILLING-RULES §4.</summary>
public enum DifferenceKind
{
    /// <summary>Nothing to do; emitted only on request.</summary>
    Match,

    /// <summary>The vendor customer has no mapping to an Autotask company and contract yet.</summary>
    UnmappedCustomer,

    /// <summary>The SKU has no mapping to an Autotask service or product yet.</summary>
    UnmappedSku,

    /// <summary>The mapping says to create the service: the SKU is not in the Autotask service catalog.</summary>
    MissingService,

    /// <summary>The mapping says to create the product: the one-time SKU is not in the Autotask product catalog.</summary>
    MissingProduct,

    /// <summary>The mapping says to create the Autotask company.</summary>
    MissingCompany,

    /// <summary>The mapping says to create the recurring-service contract.</summary>
    MissingContract,

    /// <summary>The SKU is billed but the service is not on the contract.</summary>
    NewService,

    /// <summary>The units on the contract differ from the seats the vendor bills.</summary>
    QuantityChange,

    /// <summary>On the contract with units, no longer billed by the vendor.</summary>
    Removed,

    /// <summary>The unit price on the contract differs from the vendor's price.</summary>
    PriceChange,

    /// <summary>The unit cost on the contract differs from the vendor's cost.</summary>
    CostChange,

    /// <summary>A one-time or usage line that becomes one contract charge.</summary>
    OneTimeCharge,

    /// <summary>The mapped contract ended before the as-of date: it cannot carry changes until renewed or remapped.</summary>
    ContractExpired,

    /// <summary>The line's currency differs from the contract's; reported, never converted silently.</summary>
    CurrencyMismatch,

    /// <summary>
    /// Usage of a customer × SKU × month already charged has changed (a more complete file): sync charges exactly the
    /// difference as a correction charge, so the month's charges add up to the vendor's total; never both, never neither.
    /// </summary>
    UsageCorrection,

    /// <summary>
    /// The Autotask service's period type is none of Monthly, Quarterly, Semi-Annual and Yearly (picklists are
    /// tenant-configurable), so its unit price cannot be compared with the vendor's price per month: reported, never
    /// synced, until the service has one of those period types.
    /// </summary>
    UnknownPeriodType,
}
