namespace Autotask.Billing.Mapping;

/// <summary>
/// Which Autotask catalog item a vendor SKU bills as: a service for recurring lines, a product for one-time lines,
/// or a request to create what is missing. Keyed by <see cref="Source"/> and <see cref="Sku"/>.
/// </summary>
public sealed record ServiceMapping
{
    public ServiceMapping(string source, string sku)
    {
        Source = MappingKeys.RequireText(source, nameof(source));
        Sku = MappingKeys.RequireText(sku, nameof(sku));
    }

    public string Source { get; }

    /// <summary>The vendor's part number.</summary>
    public string Sku { get; }

    public MappingAction Action { get; init; }

    /// <summary>The Autotask service recurring lines of this SKU bill as.</summary>
    public long? ServiceId { get; init; }

    /// <summary>Sync is to create the Autotask service: the mapping says Create, or names none yet.</summary>
    internal bool CreatesService => Action == MappingAction.Create || ServiceId is null;

    /// <summary>The Autotask product one-time lines of this SKU bill as.</summary>
    public long? ProductId { get; init; }

    /// <summary>The name a created service gets, e.g. <c>PC_{Sku}</c>; null uses the store's template.</summary>
    public string? NameTemplate { get; init; }

    /// <summary>Lines of an excluded SKU are dropped (and counted) before comparison.</summary>
    public bool Excluded { get; init; }

    public string? Notes { get; init; }

    public DateTime? CreatedUtc { get; init; }

    public DateTime? UpdatedUtc { get; init; }

    internal bool SameSettingsAs(ServiceMapping other) =>
        this with { CreatedUtc = other.CreatedUtc, UpdatedUtc = other.UpdatedUtc } == other;
}
