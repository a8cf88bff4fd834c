using Autotask.Billing.Mapping;

namespace Autotask.Billing;

/// <summary>
/// Where Autotask differs from what a vendor bills, for one customer × SKU (or one one-time/usage line): what the
/// vendor bills, what Autotask showed when compared (the drift check compares against these), what sync would set
/// (the Target* values, after the customer's pricing strategy), why, and what it is worth per month.
/// Plain data: every property is a scalar with a stable name, so the object survives Export-Csv/Import-Csv and
/// Export-Clixml/Import-Clixml and can be fed to Sync-AtContract later.
/// </summary>
public sealed class ContractDifference
{
    /// <summary>Stable across runs for the same customer, SKU, kind and transaction: the journal's key.</summary>
    public string DifferenceId { get; internal init; } = string.Empty;

    public DifferenceKind Kind { get; internal init; }

    /// <summary>Whether Sync-AtContract would write anything for it (false for unmapped, report-only and expired items).</summary>
    public bool IsActionable { get; internal init; }

    /// <summary>In words an accountant understands: what differs and what sync would do.</summary>
    public string Reason { get; internal init; } = string.Empty;

    /// <summary>The billing rule that produced it, e.g. "QuantityInForce", "RemovalPolicy=AdjustToZero".</summary>
    public string Rule { get; internal init; } = string.Empty;

    public string Source { get; internal init; } = string.Empty;

    public string CustomerId { get; internal init; } = string.Empty;

    /// <summary>
    /// Each vendor customer id behind a difference as the comparer made it, whole and unguarded: what the held-back
    /// rule matches (<see cref="CustomerId"/> is joined, guarded text, and an id may itself contain the separator).
    /// Not public, so not part of what is exported or read back.
    /// </summary>
    internal IReadOnlyList<string> VendorCustomerIds { get; init; } = Array.Empty<string>();

    public string CustomerName { get; internal init; } = string.Empty;

    public string? CustomerDomain { get; internal init; }

    /// <summary>
    /// The customer's main phone, from the customer mapping or else the vendor data; Autotask requires one to create
    /// a company.
    /// </summary>
    public string? CustomerPhone { get; internal init; }

    /// <summary>
    /// The customer's street address, used when sync creates the company: the mapping's address when it has one,
    /// else the vendor data's (an address is never pieced together from both).
    /// </summary>
    public string? CustomerAddress { get; internal init; }

    public string? CustomerCity { get; internal init; }

    /// <summary>State or province.</summary>
    public string? CustomerState { get; internal init; }

    public string? CustomerPostalCode { get; internal init; }

    /// <summary>The web site the mapping gives for a company sync creates; without it sync uses <see cref="CustomerDomain"/>.</summary>
    public string? CustomerWebAddress { get; internal init; }

    public long? CompanyId { get; internal init; }

    public string? CompanyName { get; internal init; }

    public long? ContractId { get; internal init; }

    public string? ContractName { get; internal init; }

    /// <summary>The mapping asks sync to create the company (CompanyId is then empty).</summary>
    public bool CreateCompany { get; internal init; }

    /// <summary>The mapping asks sync to create the contract (ContractId is then empty).</summary>
    public bool CreateContract { get; internal init; }

    public string Sku { get; internal init; } = string.Empty;

    /// <summary>The vendor's product name for the SKU.</summary>
    public string? ProductName { get; internal init; }

    public string? Description { get; internal init; }

    public ChargeType ChargeType { get; internal init; }

    public long? ServiceId { get; internal init; }

    public long? ProductId { get; internal init; }

    /// <summary>The Autotask service or product name (or the name sync would create it with).</summary>
    public string? ServiceName { get; internal init; }

    public long? ContractServiceId { get; internal init; }

    /// <summary>False when the Autotask service is inactive: quantities still sync, the service stays inactive.</summary>
    public bool? ServiceIsActive { get; internal init; }

    public decimal? VendorQuantity { get; internal init; }

    public decimal? AutotaskQuantity { get; internal init; }

    public decimal? QuantityDelta { get; internal init; }

    public string Currency { get; internal init; } = string.Empty;

    public decimal? VendorUnitPrice { get; internal init; }

    public decimal? AutotaskUnitPrice { get; internal init; }

    /// <summary>The unit price sync would set; empty when the pricing strategy leaves the price alone.</summary>
    public decimal? TargetUnitPrice { get; internal init; }

    public decimal? VendorUnitCost { get; internal init; }

    public decimal? AutotaskUnitCost { get; internal init; }

    /// <summary>The unit cost sync would set; empty when the pricing strategy leaves the cost alone.</summary>
    public decimal? TargetUnitCost { get; internal init; }

    /// <summary>Change in monthly revenue if applied: units delta × price plus price delta × units.</summary>
    public decimal MonthlyRevenueImpact { get; internal init; }

    /// <summary>Change in monthly cost if applied, computed the same way from costs.</summary>
    public decimal MonthlyCostImpact { get; internal init; }

    public decimal MonthlyMarginImpact => MonthlyRevenueImpact - MonthlyCostImpact;

    /// <summary>
    /// Revenue of the one-time, usage, credit or refund charge sync would write, in the month charged (signed:
    /// negative for credits and refunds). Never part of <see cref="MonthlyRevenueImpact"/>.
    /// </summary>
    public decimal OneTimeRevenueImpact { get; internal init; }

    /// <summary>Cost of that charge: the vendor's signed line amount.</summary>
    public decimal OneTimeCostImpact { get; internal init; }

    /// <summary>For a charge: the vendor's signed line amount in the billing currency, as on the vendor's bill.</summary>
    public decimal? VendorAmount { get; internal init; }

    /// <summary>What the vendor line means (one-time, usage, credit, refund, ...), for charges.</summary>
    public ChargeKind? ChargeKind { get; internal init; }

    /// <summary>
    /// The unit quantity a charge is written with: the vendor's quantity when its money divides by it exactly, else 1,
    /// so that quantity × <see cref="TargetUnitPrice"/> is the vendor's money to the cent.
    /// </summary>
    public decimal? ChargeQuantity { get; internal init; }

    /// <summary>The earliest start of the vendor subscriptions behind it: a contract sync creates starts on or before it.</summary>
    public DateTime? SubscriptionStart { get; internal init; }

    /// <summary>The pricing strategy of the customer's mapping that decided the Target* values.</summary>
    public PricingStrategy PricingStrategy { get; internal init; }

    /// <summary>The effective-date policy that decided <see cref="EffectiveDate"/>.</summary>
    public EffectiveDatePolicy EffectiveDatePolicy { get; internal init; }

    /// <summary>When the change takes effect in Autotask (a date; UTC midnight).</summary>
    public DateTime? EffectiveDate { get; internal init; }

    /// <summary>When the vendor changed the quantity, as far as the billing lines tell.</summary>
    public DateTime? VendorChangeDate { get; internal init; }

    /// <summary>The date whose quantities were compared (UTC midnight).</summary>
    public DateTime AsOf { get; internal init; }

    public bool RequiresForce { get; internal init; }

    public string? ForceReason { get; internal init; }

    /// <summary>For one-time and usage lines: the vendor transaction that becomes exactly one contract charge.</summary>
    public string? TransactionId { get; internal init; }

    public DateTime? ChargeDate { get; internal init; }

    /// <summary>Where it came from: "file:line" entries, separated by "; ".</summary>
    public string SourceLines { get; internal init; } = string.Empty;

    /// <summary>The vendor transaction ids behind it, separated by "; ".</summary>
    public string TransactionIds { get; internal init; } = string.Empty;

    public string SubscriptionIds { get; internal init; } = string.Empty;

    /// <summary>For unmapped customers and SKUs: the best candidates with confidence and rule, separated by "; ".</summary>
    public string? Suggestions { get; internal init; }

    public long? SuggestedCompanyId { get; internal init; }

    public long? SuggestedServiceId { get; internal init; }

    public override string ToString() =>
        $"{Kind}: {CustomerName} — {Sku} ({AutotaskQuantity?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} → {VendorQuantity?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "-"})";
}
