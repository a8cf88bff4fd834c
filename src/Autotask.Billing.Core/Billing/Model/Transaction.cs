namespace Autotask.Billing;

/// <summary>
/// One charge item of a vendor bill in canonical form (BILLING-RULES §1), whatever the source format.
/// Dates are calendar dates as the vendor wrote them: DateTime at midnight with Kind Utc, never shifted by a time zone.
/// </summary>
public sealed class Transaction
{
    /// <summary>The source system, e.g. PartnerCenter, Pax8, Intermedia, Generic or a profile's source name.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Unique within <see cref="Source"/>; the idempotency key for charges.</summary>
    public string TransactionId { get; init; } = string.Empty;

    /// <summary>The vendor's customer key (Partner Center: the customer's tenant id).</summary>
    public string CustomerId { get; init; } = string.Empty;

    public string CustomerName { get; init; } = string.Empty;

    /// <summary>Customer domain or tenant name when the source gives one.</summary>
    public string? CustomerDomain { get; init; }

    /// <summary>The customer's main phone when the source gives one; used when sync creates the company.</summary>
    public string? CustomerPhone { get; init; }

    /// <summary>The customer's street address (first line) when the source gives one.</summary>
    public string? CustomerAddress { get; init; }

    public string? CustomerCity { get; init; }

    /// <summary>The customer's state or province.</summary>
    public string? CustomerState { get; init; }

    public string? CustomerPostalCode { get; init; }

    /// <summary>The vendor's part number (Partner Center: ProductId:SkuId).</summary>
    public string Sku { get; init; } = string.Empty;

    public string ProductName { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public ChargeType ChargeType { get; init; }

    /// <summary>The source's own category code, e.g. Intermedia's MR/AL or Partner Center's charge type text.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>Units on the line. For seat lines it is the absolute seat count, never a delta.</summary>
    public decimal Quantity { get; init; }

    /// <summary>What the customer pays the MSP per unit, when the source gives it.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>What the MSP pays the vendor per unit, when the source gives it.</summary>
    public decimal? UnitCost { get; init; }

    /// <summary>Signed line total before tax as the vendor computed it (negative on refunds and credits), when given.</summary>
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217 currency code of the money on this line.</summary>
    public string Currency { get; init; } = string.Empty;

    public DateTime? ServiceStart { get; init; }

    /// <summary>Last day of the service period, inclusive.</summary>
    public DateTime? ServiceEnd { get; init; }

    /// <summary>When the vendor recorded the event (UTC), used to order lines that share a service period.</summary>
    public DateTime? OrderDate { get; init; }

    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>How often the line is billed, e.g. Monthly, Annual.</summary>
    public string BillingCycle { get; init; } = string.Empty;

    /// <summary>Commitment term when the source gives one, e.g. "1 Month", "1 Year", "3 Years".</summary>
    public string? Term { get; init; }

    /// <summary>The line covers part of a billing period (mid-period add, remove or cancel).</summary>
    public bool IsProrated { get; init; }

    /// <summary>
    /// The line takes back seats charged by an earlier line (refund leg of a two-leg quantity change, cancellation):
    /// its <see cref="Quantity"/> is the count being refunded.
    /// </summary>
    public bool IsReversal { get; init; }

    public bool IsTrial { get; init; }

    /// <summary>Groups the lines one vendor event produced (Partner Center ReferenceId), when given.</summary>
    public string? ReferenceId { get; init; }

    public string SourceFile { get; init; } = string.Empty;

    /// <summary>1-based physical line where the record starts (JSON: the line of its opening brace).</summary>
    public int SourceLine { get; init; }

    public override string ToString() =>
        $"{Source} {TransactionId}: {CustomerName} {Sku} {ChargeType} x{Quantity}";
}
