namespace Autotask.Billing;

/// <summary>When <see cref="When"/> holds, the line has <see cref="ChargeType"/> (rules are tried in order).</summary>
public sealed class BillingProfileChargeTypeRule
{
    public BillingProfileCondition When { get; init; } = new();

    public ChargeType ChargeType { get; init; }

    /// <summary>The line covers part of a period (e.g. Pax8 "prorate" items).</summary>
    public bool IsProrated { get; init; }

    /// <summary>The line's quantity is seats added or removed part way through the period (Intermedia's prorated items), not a seat total.</summary>
    public QuantityChange QuantityChange { get; init; }
}
