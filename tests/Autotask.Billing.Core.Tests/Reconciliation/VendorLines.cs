namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>Vendor billing lines for October 2026, as a reader would produce them.</summary>
internal static class VendorLines
{
    public const string File = "october.csv";

    public static Transaction Seat(
        string source, string customerId, string customerName, string sku, decimal quantity, decimal? price = null, decimal? cost = null,
        string? subscription = null, int line = 2, DateTime? start = null, bool isProrated = false, string currency = "USD") =>
        new()
        {
            Source = source,
            TransactionId = $"{source}-{customerId}-{sku}-{line}",
            CustomerId = customerId,
            CustomerName = customerName,
            Sku = sku,
            ProductName = "Product " + sku,
            ChargeType = ChargeType.Recurring,
            Quantity = quantity,
            UnitPrice = price,
            UnitCost = cost,
            Currency = currency,
            ServiceStart = start ?? CompareTenant.Day(2026, 10, 1),
            ServiceEnd = CompareTenant.Day(2026, 10, 31),
            SubscriptionId = subscription ?? $"sub-{customerId}-{sku}",
            BillingCycle = "Monthly",
            IsProrated = isProrated,
            SourceFile = File,
            SourceLine = line,
        };

    public static Transaction Charge(
        string source, string customerId, string customerName, string sku, decimal quantity, decimal price, decimal cost, string transactionId,
        ChargeType chargeType = ChargeType.OneTime, string currency = "USD") =>
        new()
        {
            Source = source,
            TransactionId = transactionId,
            CustomerId = customerId,
            CustomerName = customerName,
            Sku = sku,
            ProductName = "Product " + sku,
            Description = "Charge " + sku,
            ChargeType = chargeType,
            Quantity = quantity,
            UnitPrice = price,
            UnitCost = cost,
            Amount = quantity * cost,
            Currency = currency,
            ServiceStart = CompareTenant.Day(2026, 10, 14),
            ServiceEnd = CompareTenant.Day(2026, 10, 14),
            SourceFile = File,
            SourceLine = 40,
        };
}
