using System.Globalization;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Tests.Reporting;

/// <summary>
/// Differences and sync results as they cross the pipeline: the live objects' properties by name (what PowerShell's
/// adapter shows), or all text as Export-Csv writes them under a given culture and Import-Csv reads them back.
/// </summary>
internal static class ReportSamples
{
    public const string EscapedCustomer = "<b>&\"Co\"</b>";

    public static readonly DateTime AsOf = new(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc);

    public static ContractDifference QuantityChange(string customerId, string customer, string sku, decimal from, decimal to, decimal price, decimal cost, string currency = "EUR") => new()
    {
        DifferenceId = $"{customerId}-{sku}-q",
        Kind = DifferenceKind.QuantityChange,
        IsActionable = true,
        Reason = $"Vendor bills {to} seats of {sku}, the contract has {from}; sync adjusts the units.",
        Rule = "QuantityInForce",
        Source = "PartnerCenter",
        CustomerId = customerId,
        CustomerName = customer,
        CompanyId = 100,
        CompanyName = customer,
        ContractId = 200,
        ContractName = "Cloud services",
        Sku = sku,
        ProductName = sku + " product",
        ServiceName = sku + " service",
        VendorQuantity = to,
        AutotaskQuantity = from,
        QuantityDelta = to - from,
        Currency = currency,
        VendorUnitPrice = price,
        AutotaskUnitPrice = price,
        VendorUnitCost = cost,
        AutotaskUnitCost = cost,
        MonthlyRevenueImpact = (to - from) * price,
        MonthlyCostImpact = (to - from) * cost,
        PricingStrategy = PricingStrategy.CostOnly,
        EffectiveDate = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        AsOf = AsOf,
        SourceLines = "invoice.csv:2",
    };

    public static ContractDifference PriceChange(string customerId, string customer, string sku, decimal from, decimal to, decimal units) => new()
    {
        DifferenceId = $"{customerId}-{sku}-p",
        Kind = DifferenceKind.PriceChange,
        IsActionable = true,
        Reason = $"The vendor's price for {sku} changed from {from} to {to}.",
        Rule = "PriceFollowsVendor",
        Source = "PartnerCenter",
        CustomerId = customerId,
        CustomerName = customer,
        Sku = sku,
        VendorQuantity = units,
        AutotaskQuantity = units,
        Currency = "EUR",
        AutotaskUnitPrice = from,
        VendorUnitPrice = to,
        TargetUnitPrice = to,
        MonthlyRevenueImpact = (to - from) * units,
        MonthlyCostImpact = 0m,
        AsOf = AsOf,
    };

    public static ContractDifference Unmapped(string customerId, string customer) => new()
    {
        DifferenceId = customerId + "-unmapped",
        Kind = DifferenceKind.UnmappedCustomer,
        IsActionable = false,
        Reason = $"No mapping for the vendor customer {customer}.",
        Source = "PartnerCenter",
        CustomerId = customerId,
        CustomerName = customer,
        Sku = "O365_BUSINESS",
        VendorQuantity = 3m,
        Currency = "EUR",
        MonthlyRevenueImpact = 0m,
        MonthlyCostImpact = 0m,
        AsOf = AsOf,
        Suggestions = "Contoso Ltd (0.93, Name)",
    };

    public static Dictionary<string, object?> SyncResult(string operationId, string status, string customerId, string customer, string reason, string reasonCode = "None") => new()
    {
        ["RunId"] = "run-1",
        ["OperationId"] = operationId,
        ["OperationKind"] = "AdjustUnits",
        ["Status"] = status,
        ["ReasonCode"] = reasonCode,
        ["Reason"] = reason,
        ["Entity"] = "ContractServiceAdjustments",
        ["AutotaskId"] = status == "Applied" ? 991L : null,
        ["Target"] = $"{customer} / Cloud services",
        ["Action"] = "Set units 12 → 15",
        ["DifferenceIds"] = new List<string> { customerId + "-q" },
        ["DifferenceId"] = customerId + "-q",
        ["CustomerId"] = customerId,
        ["CustomerName"] = customer,
        ["Sku"] = "M365_BP",
        ["ContractId"] = 200L,
        ["FinishedUtc"] = new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc),
    };

    public static Dictionary<string, object?> RunSummary(int applied, int skipped, int failed, int notRun, int needsAttention) => new()
    {
        ["RunId"] = "run-1",
        ["StartedUtc"] = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
        ["FinishedUtc"] = new DateTime(2026, 11, 1, 8, 31, 5, DateTimeKind.Utc),
        ["Duration"] = TimeSpan.FromSeconds(1865),
        ["Applied"] = applied,
        ["Skipped"] = skipped,
        ["Failed"] = failed,
        ["NotRun"] = notRun,
        ["Total"] = applied + skipped + failed + notRun,
        ["NeedsAttention"] = needsAttention,
        ["RequestsUsed"] = 57L,
        ["JournalPath"] = "/var/atb/journal.jsonl",
        ["BudgetExhausted"] = false,
        ["Cancelled"] = false,
        ["ExitCode"] = failed > 0 || notRun > 0 ? 1 : needsAttention > 0 ? 2 : 0,
    };

    /// <summary>A mixed run: two mapped customers (one with an HTML-hostile name), an unmapped one, a failed and a declined operation.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> MixedRun() => new IReadOnlyDictionary<string, object?>[]
    {
        Properties(QuantityChange("C1", "Contoso Ltd", "M365_BP", 10m, 15m, 246.9m, 200m)),
        Properties(QuantityChange("C2", EscapedCustomer, "M365_E3", 4m, 2m, 30m, 25m)),
        Properties(PriceChange("C1", "Contoso Ltd", "EXO_P1", 4m, 4.5m, 20m)),
        Properties(Unmapped("C3", "Fabrikam GmbH")),
        SyncResult("op-1", "Applied", "C1", "Contoso Ltd", "Units set to 15."),
        SyncResult("op-2", "Failed", "C2", EscapedCustomer, "Autotask refused the adjustment: the contract is inactive.", "AutotaskError"),
        SyncResult("op-3", "Skipped", "C1", "Contoso Ltd", "Declined at the prompt.", "Declined"),
        SyncResult("op-4", "Skipped", "C1", "Contoso Ltd", "Autotask already shows 15 units.", "AlreadyInStep"),
        RunSummary(1, 2, 1, 0, 1),
    };

    public static BillingReport Build(IEnumerable<IReadOnlyDictionary<string, object?>> items, string title = "October billing")
    {
        var builder = new BillingReportBuilder();
        foreach (var item in items)
        {
            builder.Add(item);
        }

        return builder.Build(title, new DateTime(2026, 11, 1, 9, 15, 0, DateTimeKind.Utc));
    }

    /// <summary>Every public property by name with its live value, as PowerShell's adapter shows the object.</summary>
    public static Dictionary<string, object?> Properties(object item) =>
        item.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToDictionary(p => p.Name, p => p.GetValue(item));

    /// <summary>The same object after Export-Csv under <paramref name="culture"/> and Import-Csv: every value text, empty for null.</summary>
    public static IReadOnlyDictionary<string, object?> AsCsvText(IReadOnlyDictionary<string, object?> properties, CultureInfo culture) =>
        properties.ToDictionary(p => p.Key, p => (object?)(p.Value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(null, culture),
            _ => p.Value.ToString(),
        }));
}
