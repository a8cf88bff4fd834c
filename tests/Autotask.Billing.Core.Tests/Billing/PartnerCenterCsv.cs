using System.Text;

namespace Autotask.Billing.Tests.Billing;

/// <summary>Builds Partner Center NCE reconciliation CSV text with the 47 documented columns.</summary>
internal sealed class PartnerCenterCsv
{
    public static readonly string[] Header =
    {
        "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber", "MpnId",
        "Tier2MpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName",
        "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription",
        "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate",
        "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency",
        "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId",
        "CreditReasonCode", "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers",
        "PromotionId", "ProductCategory",
    };

    private readonly StringBuilder _text = new();
    private readonly string[] _header;

    public PartnerCenterCsv(string[]? header = null)
    {
        _header = header ?? Header;
        _text.Append(string.Join(",", _header)).Append("\r\n");
    }

    public const string Tenant = "c139c4bf-2e8b-4ab5-8bed-d9f50dcca7a2";
    public const string Subscription = "86646af9-e80a-4aa0-da80-3fd2b792c2cc";

    public static Dictionary<string, string> Defaults() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["PartnerId"] = "934f3416-bc2f-47f3-b492-77e517d4e572",
        ["CustomerId"] = Tenant,
        ["CustomerName"] = "Contoso Ltd",
        ["CustomerDomainName"] = "contoso.onmicrosoft.com",
        ["CustomerCountry"] = "US",
        ["InvoiceNumber"] = "G000773581",
        ["MpnId"] = "5357564",
        ["Tier2MpnId"] = "0",
        ["OrderId"] = "94e858b6d855",
        ["OrderDate"] = "6/11/2024 9:00",
        ["ProductId"] = "CFQ7TTC0LH18",
        ["SkuId"] = "0001",
        ["AvailabilityId"] = "CFQ7TTC0K5DR",
        ["SkuName"] = "Microsoft 365 Business Basic",
        ["ProductName"] = "Microsoft 365 Business Basic",
        ["ChargeType"] = "new",
        ["UnitPrice"] = "4",
        ["Quantity"] = "1",
        ["Subtotal"] = "4",
        ["TaxTotal"] = "0",
        ["Total"] = "4",
        ["Currency"] = "USD",
        ["PriceAdjustmentDescription"] = "[\"Price for given billing period\"]",
        ["PublisherName"] = "Microsoft Corporation",
        ["SubscriptionId"] = Subscription,
        ["ChargeStartDate"] = "6/11/2024",
        ["ChargeEndDate"] = "7/10/2024",
        ["TermAndBillingCycle"] = "One-Month commitment for monthly billing",
        ["EffectiveUnitPrice"] = "4",
        ["BillableQuantity"] = "1",
        ["BillingFrequency"] = "Monthly",
        ["PricingCurrency"] = "USD",
        ["PCToBCExchangeRate"] = "1",
        ["PCToBCExchangeRateDate"] = "6/1/2024",
        ["SubscriptionStartDate"] = "6/11/2024",
        ["SubscriptionEndDate"] = "7/10/2024",
        ["ProductQualifiers"] = "[]",
    };

    /// <summary>Adds a row: the defaults overridden by <paramref name="values"/> ("Name=value" pairs).</summary>
    public PartnerCenterCsv Row(params string[] values)
    {
        var row = Defaults();
        foreach (var pair in values)
        {
            var equals = pair.IndexOf('=');
            row[pair.Substring(0, equals)] = pair.Substring(equals + 1);
        }

        _text.Append(string.Join(",", _header.Select(h => Quote(row.TryGetValue(h, out var v) ? v : string.Empty)))).Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string Quote(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\r', '\n', ';' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
