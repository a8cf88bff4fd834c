namespace Autotask.Billing.Sync;

/// <summary>
/// What the executor needs to carry out one operation: the records it refers to, the values to write and the values
/// the compare saw (for the drift check). Which fields matter depends on the operation's kind.
/// </summary>
internal sealed class SyncOperationDetails
{
    public ContractDifference? Difference { get; init; }

    public EntityReference Vendor { get; init; }

    public EntityReference Company { get; init; }

    public EntityReference Contract { get; init; }

    public EntityReference Service { get; init; }

    public EntityReference Product { get; init; }

    public EntityReference ContractService { get; init; }

    /// <summary>The name of the record to create (service, product, company, contract or charge).</summary>
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Sku { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? City { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>State or province.</summary>
    public string? State { get; init; }

    public string? WebAddress { get; init; }

    public long? BillingCodeId { get; init; }

    public long? OwnerResourceId { get; init; }

    public DateTime? StartDate { get; init; }

    public DateTime? EndDate { get; init; }

    /// <summary>The date whose units, price and cost the compare saw.</summary>
    public DateTime AsOf { get; init; }

    /// <summary>When a unit, price or cost change takes effect.</summary>
    public DateTime? EffectiveDate { get; init; }

    public int? TargetUnits { get; init; }

    /// <summary>The units the compare saw in force on <see cref="AsOf"/>; null when it saw no contract service.</summary>
    public int? ComparedUnits { get; init; }

    public decimal? TargetPrice { get; init; }

    public decimal? TargetCost { get; init; }

    public decimal? ComparedPrice { get; init; }

    public decimal? ComparedCost { get; init; }

    /// <summary>Whether the quantity threshold and drop-to-zero rules apply to this adjustment.</summary>
    public bool GuardQuantity { get; init; }

    public decimal? ChargeQuantity { get; init; }

    public decimal? ChargeUnitPrice { get; init; }

    public decimal? ChargeUnitCost { get; init; }

    public DateTime? ChargeDate { get; init; }

    /// <summary>The idempotency key written to the charge's internalPurchaseOrderNumber (see <see cref="Reconciliation.ChargeKey"/>).</summary>
    public string? ChargeKey { get; init; }
}
