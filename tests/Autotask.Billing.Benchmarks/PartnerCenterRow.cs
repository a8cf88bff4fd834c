namespace Autotask.Billing.Benchmarks;

/// <summary>The values of one Partner Center reconciliation row that a benchmark varies; the rest are constant.</summary>
public sealed record PartnerCenterRow
{
    public required string CustomerId { get; init; }

    public required string CustomerName { get; init; }

    public required string CustomerDomain { get; init; }

    public required string OrderId { get; init; }

    public required DateTime OrderDate { get; init; }

    public required string ProductId { get; init; }

    public string SkuId { get; init; } = "0001";

    public string SkuName { get; init; } = "Microsoft 365 Business Premium";

    public required string ChargeType { get; init; }

    public required decimal UnitPrice { get; init; }

    public required decimal Quantity { get; init; }

    public bool IsRefund { get; init; }

    public required string SubscriptionId { get; init; }

    public required DateTime ChargeStart { get; init; }

    public required DateTime ChargeEnd { get; init; }

    public required DateTime SubscriptionStart { get; init; }

    public required string ReferenceId { get; init; }
}
