namespace Autotask.Billing.Mapping;

/// <summary>
/// Where one vendor customer's billing goes in Autotask: a company and a recurring-service contract, existing or to be
/// created, with the per-customer sync options. Keyed by <see cref="Source"/> and <see cref="CustomerId"/>.
/// </summary>
public sealed record CustomerMapping
{
    public CustomerMapping(string source, string customerId)
    {
        Source = MappingKeys.RequireText(source, nameof(source));
        CustomerId = MappingKeys.RequireText(customerId, nameof(customerId));
    }

    /// <summary>The vendor the customer belongs to, e.g. <c>Intermedia</c> or <c>PartnerCenter</c>.</summary>
    public string Source { get; }

    /// <summary>The vendor's id for the customer (account id, tenant id).</summary>
    public string CustomerId { get; }

    /// <summary>The vendor's name for the customer, as last seen; informational.</summary>
    public string? CustomerName { get; init; }

    public MappingAction CompanyAction { get; init; }

    /// <summary>The Autotask company; set when <see cref="CompanyAction"/> is Existing, null when it is Create.</summary>
    public long? CompanyId { get; init; }

    public MappingAction ContractAction { get; init; }

    /// <summary>The Autotask contract; set when <see cref="ContractAction"/> is Existing, null when it is Create.</summary>
    public long? ContractId { get; init; }

    /// <summary>Sync is to create the Autotask contract: the mapping says Create, or names none yet.</summary>
    internal bool CreatesContract => ContractAction == MappingAction.Create || ContractId is null;

    /// <summary>Only customers with this set are synced, as with the Intermedia wizard's Export check-box.</summary>
    public bool Export { get; init; } = true;

    /// <summary>The customer's own pricing strategy; null uses the store's default.</summary>
    public PricingStrategy? PricingStrategy { get; init; }

    /// <summary>The customer's own effective-date policy; null uses the run's or the store's default.</summary>
    public EffectiveDatePolicy? EffectiveDatePolicy { get; init; }

    /// <summary>Vendor lines before this UTC date are ignored for the customer; a date at midnight, Kind Utc.</summary>
    public DateTime? SyncStartDate { get; init; }

    /// <summary>
    /// The customer's main phone for the company sync creates; Autotask requires one and sync never invents one, so
    /// a company to create without it (here or in the vendor data) is reported instead.
    /// </summary>
    public string? Phone { get; init; }

    /// <summary>Street address (first line) for the company sync creates; wins over the vendor data's.</summary>
    public string? Address { get; init; }

    public string? City { get; init; }

    /// <summary>State or province.</summary>
    public string? State { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>The company's web site; without it sync uses the vendor's customer domain.</summary>
    public string? WebAddress { get; init; }

    public string? Notes { get; init; }

    /// <summary>When the mapping was first stored (UTC); stamped by <see cref="MappingDocument"/>.</summary>
    public DateTime? CreatedUtc { get; init; }

    /// <summary>When the mapping last changed (UTC); stamped by <see cref="MappingDocument"/>.</summary>
    public DateTime? UpdatedUtc { get; init; }

    internal bool SameSettingsAs(CustomerMapping other) =>
        this with { CreatedUtc = other.CreatedUtc, UpdatedUtc = other.UpdatedUtc } == other;
}
