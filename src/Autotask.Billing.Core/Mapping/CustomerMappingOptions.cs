namespace Autotask.Billing.Mapping;

/// <summary>The per-customer options a run gives every mapping it creates (export flag, pricing, dates, notes).</summary>
public sealed class CustomerMappingOptions
{
    public static CustomerMappingOptions Default { get; } = new();

    public bool Export { get; init; } = true;

    public PricingStrategy? PricingStrategy { get; init; }

    public EffectiveDatePolicy? EffectiveDatePolicy { get; init; }

    /// <summary>A date at midnight, Kind Utc.</summary>
    public DateTime? SyncStartDate { get; init; }

    public string? Notes { get; init; }

    public CustomerMapping ApplyTo(CustomerMapping mapping) => mapping with
    {
        Export = Export,
        PricingStrategy = PricingStrategy,
        EffectiveDatePolicy = EffectiveDatePolicy,
        SyncStartDate = SyncStartDate,
        Notes = MappingText.OptionalText(Notes),
    };
}
