using System.Globalization;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Readers;

/// <summary>
/// Microsoft Partner Center NCE invoice reconciliation (FORMATS.md §1.1): the 47-column CSV or the API's
/// OneTimeInvoiceLineItem JSON. Columns bind by name with the documented aliases.
/// <list type="bullet">
/// <item>Customer key: the tenant id (CustomerId without the "org:" prefix, lower case). SKU: ProductId:SkuId.</item>
/// <item>Money (Microsoft Learn, "Fields in the new commerce invoice reconciliation file",
/// learn.microsoft.com/partner-center/billing/modern-invoice-reconciliation-file, and "Use your reconciliation files"):
/// UnitPrice is the partner's price-list price before discounts, promotions and partner-earned credit, and
/// EffectiveUnitPrice what Microsoft charges the partner after them (prorated on partial rows), both in the pricing
/// currency; Subtotal is the signed pre-tax line amount in the billing currency (Currency); PCToBCExchangeRate
/// converts pricing to billing currency, and Microsoft's licence Subtotal is ROUNDDOWN(EffectiveUnitPrice ×
/// PCToBCExchangeRate, 2) × BillableQuantity. So: UnitCost = ROUNDDOWN(EffectiveUnitPrice × rate, 2), ListUnitPrice =
/// ROUNDDOWN(UnitPrice × rate, 2), Amount = Subtotal (sign kept). The file has no customer price: UnitPrice stays
/// empty and the price basis setting decides the customer's price (BILLING-RULES §1.1).</item>
/// <item>Charge types: customerCredit → Credit; Azure-plan/metered rows (SubscriptionDescription "Azure plan", a
/// MeterDescription or UnitType) → Usage with BillableQuantity; subscription events (new, renew, cycleCharge,
/// addQuantity, removeQuantity, …) → Recurring when the row names a term, else OneTime. Unknown charge types
/// are read the same way and counted as a warning.</item>
/// <item>Two-leg changes: Quantity is the absolute seat count on both legs; the refund leg (negative Subtotal, or
/// negative BillableQuantity/Quantity on zero-price rows) and cancelImmediate are marked IsReversal.</item>
/// </list>
/// </summary>
internal sealed class PartnerCenterReader : BillingFormatReader
{
    public const string Name = "PartnerCenter";
    public const string SourceName = "PartnerCenter";

    private static readonly HashSet<string> SubscriptionEvents = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "renew", "cycleCharge", "addQuantity", "removeQuantity", "moveQuantity", "cancelImmediate",
        "convert", "changeBillingPlan", "extendTerm", "trialConversion",
    };

    private static readonly HashSet<string> MidPeriodEvents = new(StringComparer.OrdinalIgnoreCase)
    {
        "addQuantity", "removeQuantity", "moveQuantity", "cancelImmediate",
    };

    // The charge type as it is hashed into a line's id: lower case, of a handful of values (issue 15).
    private static readonly TextMemo<string> ChargeTypeKeys = new(text => text.ToLowerInvariant());

    private static readonly ColumnSet Set = new();
    private static readonly ColumnSpec CustomerIdColumn = Set.Add("CustomerId", true);
    private static readonly ColumnSpec ProductIdColumn = Set.Add("ProductId", true);
    private static readonly ColumnSpec ChargeTypeColumn = Set.Add("ChargeType", true);
    private static readonly ColumnSpec QuantityColumn = Set.Add("Quantity", true);
    private static readonly ColumnSpec SubscriptionIdColumn = Set.Add("SubscriptionId", true);
    private static readonly ColumnSpec ChargeStartDateColumn = Set.Add("ChargeStartDate", true);
    private static readonly ColumnSpec ChargeEndDateColumn = Set.Add("ChargeEndDate", true);
    private static readonly ColumnSpec CurrencyColumn = Set.Add("Currency", true, "BillingCurrency");
    private static readonly ColumnSpec SkuIdColumn = Set.Add("SkuId", false);
    private static readonly ColumnSpec AvailabilityIdColumn = Set.Add("AvailabilityId", false);
    private static readonly ColumnSpec CustomerNameColumn = Set.Add("CustomerName", false);
    private static readonly ColumnSpec CustomerDomainNameColumn = Set.Add("CustomerDomainName", false);
    private static readonly ColumnSpec SkuNameColumn = Set.Add("SkuName", false);
    private static readonly ColumnSpec ProductNameColumn = Set.Add("ProductName", false);
    private static readonly ColumnSpec UnitPriceColumn = Set.Add("UnitPrice", false);
    private static readonly ColumnSpec EffectiveUnitPriceColumn = Set.Add("EffectiveUnitPrice", false);
    private static readonly ColumnSpec SubtotalColumn = Set.Add("Subtotal", false);
    private static readonly ColumnSpec BillableQuantityColumn = Set.Add("BillableQuantity", false);
    private static readonly ColumnSpec OrderIdColumn = Set.Add("OrderId", false);
    private static readonly ColumnSpec OrderDateColumn = Set.Add("OrderDate", false);
    private static readonly ColumnSpec SubscriptionDescriptionColumn = Set.Add("SubscriptionDescription", false);
    private static readonly ColumnSpec TermAndBillingCycleColumn = Set.Add("TermAndBillingCycle", false);
    private static readonly ColumnSpec BillingFrequencyColumn = Set.Add("BillingFrequency", false);
    private static readonly ColumnSpec UnitTypeColumn = Set.Add("UnitType", false);
    private static readonly ColumnSpec MeterDescriptionColumn = Set.Add("MeterDescription", false);
    private static readonly ColumnSpec ReferenceIdColumn = Set.Add("ReferenceId", false, "ReferenceID");
    private static readonly ColumnSpec ProductQualifiersColumn = Set.Add("ProductQualifiers", false);
    private static readonly ColumnSpec PricingCurrencyColumn = Set.Add("PricingCurrency", false);
    private static readonly ColumnSpec ExchangeRateColumn = Set.Add("PCToBCExchangeRate", false);
    private static readonly ColumnSpec SubscriptionStartDateColumn = Set.Add("SubscriptionStartDate", false);
    private static readonly ColumnSpec InvoiceNumberColumn = Set.Add("InvoiceNumber", false);

    static PartnerCenterReader()
    {
        Set.Ignore(
            "PartnerId", "CustomerCountry", "MpnId", "MPNID", "Tier2MpnId", "ResellerMpnId", "ResellerMPNID",
            "TaxTotal", "Total", "TotalForCustomer", "PriceAdjustmentDescription", "PublisherName", "PublisherId",
            "AlternateId", "PCToBCExchangeRateDate", "ReservationOrderId", "CreditReasonCode",
            "SubscriptionEndDate", "PromotionId", "PromotionID", "ProductCategory",
            "PartnerName", "DiscountDetails", "InvoiceLineItemType", "BillingProvider", "attributes.objectType");
    }

    public PartnerCenterReader(string file)
        : base(file)
    {
    }

    public override string FormatName => Name;

    /// <summary>
    /// Partner Center writes month/day/year (doc sample OrderDate `10/3/2020`; Microsoft's reconciliation FAQ says to
    /// re-import with dates MDY: learn.microsoft.com/partner-center/billing/use-the-reconciliation-files). A re-issued
    /// file in another order is read with -Culture.
    /// </summary>
    public override CultureInfo? DeclaredCultureFor(RecordSchema schema) => CultureInfo.GetCultureInfo("en-US");

    public override ColumnSet Columns => Set;

    public static bool Recognizes(RecordSchema schema) =>
        new[] { "CustomerId", "ProductId", "ChargeType", "ChargeStartDate", "SubscriptionId" }.All(schema.Contains)
        && new[] { "EffectiveUnitPrice", "AvailabilityId", "TermAndBillingCycle", "BillableQuantity" }.Any(schema.Contains)
        && !schema.Contains("UsageDate");

    /// <summary>The tenant id as the key: "org:" prefix dropped (older API rows), GUID case folded.</summary>
    public static string CustomerKey(string customerId)
    {
        var key = customerId.StartsWith("org:", StringComparison.OrdinalIgnoreCase) ? customerId.Substring(4) : customerId;
        return key.Trim().ToLowerInvariant();
    }

    public override RowResult Map(RecordView row)
    {
        var customerId = row.Share(CustomerKey(row.RequiredText(CustomerIdColumn)));
        var productId = row.RequiredText(ProductIdColumn);
        var skuId = row.Text(SkuIdColumn);
        var chargeTypeText = row.RequiredText(ChargeTypeColumn);
        var quantity = row.RequiredDecimal(QuantityColumn);
        var subscriptionId = row.RequiredText(SubscriptionIdColumn);
        var chargeStart = row.Date(ChargeStartDateColumn);
        var chargeEnd = row.Date(ChargeEndDateColumn);
        var orderDate = row.Timestamp(OrderDateColumn);
        var listPrice = row.Decimal(UnitPriceColumn);
        var effectivePrice = row.Decimal(EffectiveUnitPriceColumn) ?? listPrice;
        var pricingCurrency = row.Text(PricingCurrencyColumn) is { } pricing ? row.Share(pricing.ToUpperInvariant()) : null;
        var exchangeRate = row.Decimal(ExchangeRateColumn) is decimal rate && rate > 0m ? rate : 1m;
        var subtotal = row.Decimal(SubtotalColumn);
        var billableQuantity = row.Decimal(BillableQuantityColumn);
        var currency = row.Text(CurrencyColumn) ?? pricingCurrency
            ?? throw row.Invalid(CurrencyColumn, BillingProblemReason.MissingValue, "Currency is empty.");
        var termText = row.Text(TermAndBillingCycleColumn);
        var billingFrequency = row.Text(BillingFrequencyColumn);
        var subscriptionDescription = row.Text(SubscriptionDescriptionColumn);
        var qualifiers = row.Text(ProductQualifiersColumn);

        var isUsage = string.Equals(subscriptionDescription, "Azure plan", StringComparison.OrdinalIgnoreCase)
            || row.Text(MeterDescriptionColumn) is not null
            || row.Text(UnitTypeColumn) is not null;
        var isKnownEvent = SubscriptionEvents.Contains(chargeTypeText);
        var chargeType = Classify(chargeTypeText, isUsage, isKnownEvent, termText, billingFrequency);
        var isReversal = chargeType == ChargeType.Recurring
            && (subtotal < 0
                || (subtotal is null or 0m && (billableQuantity < 0 || quantity < 0))
                || string.Equals(chargeTypeText, "cancelImmediate", StringComparison.OrdinalIgnoreCase));

        var lineQuantity = chargeType == ChargeType.Usage ? billableQuantity ?? quantity : quantity;
        var availabilityId = row.Text(AvailabilityIdColumn);
        var referenceId = row.Text(ReferenceIdColumn);
        var meter = row.Text(MeterDescriptionColumn);
        // The parts (and their text) of the ids first made with StableId.From: ids are persisted, they must not change.
        var transactionId = StableId.Builder()
            .Add(customerId).Add(subscriptionId).Add(productId).Add(skuId).Add(availabilityId)
            .Add(ChargeTypeKeys.Of(chargeTypeText)).Add(row.RawText(OrderIdColumn)).Add(referenceId)
            .Add(row.RawText(OrderDateColumn)).Add(chargeStart, "yyyy-MM-dd").Add(chargeEnd, "yyyy-MM-dd")
            .Add(Math.Abs(lineQuantity)).Add(isReversal || subtotal < 0 ? "-" : "+").Add(meter)
            .ToId("pc");

        return RowResult.Emit(new Transaction
        {
            Source = SourceName,
            TransactionId = transactionId,
            CustomerId = customerId,
            CustomerName = row.Text(CustomerNameColumn) ?? string.Empty,
            CustomerDomain = row.Text(CustomerDomainNameColumn),
            Sku = skuId is null ? productId : row.Share(productId, ':', skuId),
            ProductName = row.Text(SkuNameColumn) ?? row.Text(ProductNameColumn) ?? string.Empty,
            Description = meter ?? subscriptionDescription ?? row.Text(ProductNameColumn) ?? string.Empty,
            ChargeType = chargeType,
            Category = chargeTypeText,
            Quantity = chargeType == ChargeType.Usage ? lineQuantity : Math.Abs(lineQuantity),
            UnitCost = InBillingCurrency(effectivePrice, exchangeRate),
            ListUnitPrice = InBillingCurrency(listPrice, exchangeRate),
            Amount = subtotal,
            Currency = row.Share(currency.ToUpperInvariant()),
            PricingCurrency = pricingCurrency,
            ExchangeRate = exchangeRate,
            ServiceStart = chargeStart,
            ServiceEnd = chargeEnd,
            OrderDate = orderDate,
            SubscriptionId = row.Share(subscriptionId.ToLowerInvariant()),
            SubscriptionStart = row.Date(SubscriptionStartDateColumn),
            // "Reconciliation-recent activity" rows carry no invoice number (FORMATS.md §1.1, column 6).
            IsUnbilled = row.Binding.Has(InvoiceNumberColumn) && row.Text(InvoiceNumberColumn) is null,
            BillingCycle = PartnerCenterTerms.BillingCycle(billingFrequency, termText),
            Term = PartnerCenterTerms.Term(termText),
            IsProrated = MidPeriodEvents.Contains(chargeTypeText),
            IsReversal = isReversal,
            IsTrial = (qualifiers?.IndexOf("trial", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0
                || (termText?.IndexOf("trial", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0,
            ReferenceId = referenceId,
            SourceFile = File,
            SourceLine = row.LineNumber,
        });
    }

    /// <summary>Microsoft's own conversion of a unit price: pricing-currency price × rate, rounded down to the cent (sign kept).</summary>
    private static decimal? InBillingCurrency(decimal? price, decimal rate)
    {
        if (price is not decimal value)
        {
            return null;
        }

        if (rate == 1m)
        {
            return value;
        }

        var converted = value * rate;
        return Math.Sign(converted) * Math.Floor(Math.Abs(converted) * 100m) / 100m;
    }

    private ChargeType Classify(string chargeTypeText, bool isUsage, bool isKnownEvent, string? termText, string? billingFrequency)
    {
        if (string.Equals(chargeTypeText, "customerCredit", StringComparison.OrdinalIgnoreCase))
        {
            return ChargeType.Credit;
        }

        if (!isKnownEvent)
        {
            Warn("UnknownChargeType:" + chargeTypeText);
        }

        if (isUsage)
        {
            return ChargeType.Usage;
        }

        return PartnerCenterTerms.IsRecurringTerm(termText, billingFrequency) ? ChargeType.Recurring : ChargeType.OneTime;
    }
}
