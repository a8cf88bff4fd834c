namespace Autotask.Billing;

/// <summary>
/// Whether a prorated line's Quantity is a change rather than the seat total: Intermedia bills "services added" and
/// "services removed" for the rest of a period as separate prorated items carrying only the seats added or removed.
/// </summary>
public enum QuantityChange
{
    /// <summary>Quantity is the seat count (Partner Center's legs, full-period lines).</summary>
    None,

    /// <summary>Quantity seats were added part way through the period.</summary>
    Added,

    /// <summary>Quantity seats were removed part way through the period.</summary>
    Removed,
}
