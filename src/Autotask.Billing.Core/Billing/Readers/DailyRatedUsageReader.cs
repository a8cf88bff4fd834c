using Autotask.Billing.Tabular;

namespace Autotask.Billing.Readers;

/// <summary>
/// Microsoft daily rated usage (Azure plan; FORMATS.md §1.3), CSV or API JSON: one row per meter per day, summed
/// into one Usage line per customer × entitlement (Azure subscription) × calendar month × currency, with
/// Quantity 1 and the month's BillingPreTaxTotal (rounded to cents, midpoint away from zero) as the line amount and
/// unit cost: it is what Microsoft bills the partner, after partner-earned credit (Microsoft Learn, "Daily-rated usage
/// reconciliation file fields": BillingPreTaxTotal is the pre-tax amount in the billing currency, UnitPrice the
/// price-list price in the pricing currency, PCToBCExchangeRate the conversion). The month's list value,
/// Σ UnitPrice × Quantity × PCToBCExchangeRate, is the ListUnitPrice; there is no customer price.
/// Rows without a customer are the partner's own usage and are keyed by PartnerId. Aggregates are handed out after
/// the file's last row, so the memory used grows with the number of customer × entitlement × month groups only.
/// </summary>
internal sealed class DailyRatedUsageReader : BillingFormatReader
{
    public const string Name = "PartnerCenterDailyUsage";
    public const string Sku = "AzurePlanUsage";

    private static readonly ColumnSet Set = new();
    private static readonly ColumnSpec UsageDateColumn = Set.Add("UsageDate", true);
    private static readonly ColumnSpec BillingPreTaxTotalColumn = Set.Add("BillingPreTaxTotal", true);
    private static readonly ColumnSpec SubscriptionIdColumn = Set.Add("SubscriptionId", true);
    private static readonly ColumnSpec CustomerIdColumn = Set.Add("CustomerId", false);
    private static readonly ColumnSpec CustomerNameColumn = Set.Add("CustomerName", false);
    private static readonly ColumnSpec CustomerDomainNameColumn = Set.Add("CustomerDomainName", false);
    private static readonly ColumnSpec PartnerIdColumn = Set.Add("PartnerId", false);
    private static readonly ColumnSpec PartnerNameColumn = Set.Add("PartnerName", false);
    private static readonly ColumnSpec EntitlementIdColumn = Set.Add("EntitlementId", false);
    private static readonly ColumnSpec EntitlementDescriptionColumn = Set.Add("EntitlementDescription", false);
    private static readonly ColumnSpec BillingCurrencyColumn = Set.Add("BillingCurrency", false, "Currency");
    private static readonly ColumnSpec ChargeStartDateColumn = Set.Add("ChargeStartDate", false);
    private static readonly ColumnSpec UnitPriceColumn = Set.Add("UnitPrice", false);
    private static readonly ColumnSpec QuantityColumn = Set.Add("Quantity", false);
    private static readonly ColumnSpec ExchangeRateColumn = Set.Add("PCToBCExchangeRate", false);

    static DailyRatedUsageReader()
    {
        Set.Ignore(
            "CustomerCountry", "MpnId", "Tier2MpnId", "ResellerMpnId", "InvoiceNumber", "ProductId", "SkuId", "AvailabilityId",
            "SkuName", "ProductName", "PublisherName", "PublisherId", "SubscriptionDescription", "ChargeEndDate",
            "MeterType", "MeterCategory", "MeterId", "MeterSubCategory", "MeterName", "MeterRegion", "Unit", "UnitOfMeasure",
            "ResourceLocation", "ConsumedService", "ResourceGroup", "ResourceURI", "ChargeType",
            "UnitType", "PricingPreTaxTotal", "PricingCurrency", "ServiceInfo1", "ServiceInfo2", "Tags", "AdditionalInfo",
            "EffectiveUnitPrice", "PCToBCExchangeRateDate", "PartnerEarnedCreditPercentage",
            "RateOfPartnerEarnedCredit", "CreditPercentage", "RateOfCredit", "CreditType", "BenefitOrderId", "BenefitId",
            "BenefitType", "InvoiceLineItemType", "BillingProvider", "attributes.objectType");
    }

    private readonly Dictionary<string, UsageTotal> _totals = new(StringComparer.Ordinal);

    public DailyRatedUsageReader(string file)
        : base(file)
    {
    }

    public override string FormatName => Name;

    public override ColumnSet Columns => Set;

    public static bool Recognizes(RecordSchema schema) =>
        schema.Contains("UsageDate") && (schema.Contains("BillingPreTaxTotal") || schema.Contains("EntitlementId") || schema.Contains("MeterId"));

    public override RowResult Map(RecordView row)
    {
        var usageDate = row.Date(UsageDateColumn) ?? row.Date(ChargeStartDateColumn)
            ?? throw row.Invalid(UsageDateColumn, BillingProblemReason.MissingValue, "UsageDate is empty.");
        var amount = row.RequiredDecimal(BillingPreTaxTotalColumn);
        var subscriptionId = row.RequiredText(SubscriptionIdColumn).ToLowerInvariant();
        var customerId = row.Text(CustomerIdColumn) is { } id
            ? PartnerCenterReader.CustomerKey(id)
            : PartnerCenterReader.CustomerKey(row.Text(PartnerIdColumn)
                ?? throw row.Invalid(CustomerIdColumn, BillingProblemReason.MissingValue, "CustomerId and PartnerId are both empty."));
        var customerName = row.Text(CustomerNameColumn) ?? row.Text(PartnerNameColumn) ?? string.Empty;
        var entitlementId = (row.Text(EntitlementIdColumn) ?? subscriptionId).ToLowerInvariant();
        var currency = (row.Text(BillingCurrencyColumn)
            ?? throw row.Invalid(BillingCurrencyColumn, BillingProblemReason.MissingValue, "BillingCurrency is empty.")).ToUpperInvariant();
        var month = new DateTime(usageDate.Year, usageDate.Month, 1, 0, 0, 0, DateTimeKind.Utc);

        var key = string.Join("\u001F", customerId, entitlementId, month.ToString("yyyy-MM"), currency);
        if (!_totals.TryGetValue(key, out var total))
        {
            total = new UsageTotal(customerId, entitlementId, month, currency, row.LineNumber);
            _totals.Add(key, total);
        }

        total.Amount += amount;
        if (row.Decimal(UnitPriceColumn) is decimal listPrice && row.Decimal(QuantityColumn) is decimal quantity)
        {
            total.ListAmount = (total.ListAmount ?? 0m) + (listPrice * quantity * (row.Decimal(ExchangeRateColumn) is decimal rate && rate > 0m ? rate : 1m));
        }
        else
        {
            total.ListIncomplete = true;
        }

        total.CustomerName = total.CustomerName.Length == 0 ? customerName : total.CustomerName;
        total.CustomerDomain ??= row.Text(CustomerDomainNameColumn);
        total.EntitlementDescription ??= row.Text(EntitlementDescriptionColumn);
        return RowResult.AddedToAggregate();
    }

    public override IEnumerable<Transaction> Complete()
    {
        foreach (var total in _totals.Values.OrderBy(t => t.FirstLine))
        {
            var money = Math.Round(total.Amount, 2, MidpointRounding.AwayFromZero);
            yield return new Transaction
            {
                Source = PartnerCenterReader.SourceName,
                TransactionId = StableId.From("pcu", total.CustomerId, total.EntitlementId, total.Month.ToString("yyyy-MM"), total.Currency),
                CustomerId = total.CustomerId,
                CustomerName = total.CustomerName,
                CustomerDomain = total.CustomerDomain,
                Sku = Sku,
                ProductName = "Azure plan usage",
                Description = $"Azure usage {total.Month:yyyy-MM}, {total.EntitlementDescription ?? "subscription"} ({total.EntitlementId})",
                ChargeType = ChargeType.Usage,
                Category = "DailyRatedUsage",
                Quantity = 1m,
                UnitCost = money,
                ListUnitPrice = total.ListIncomplete || total.ListAmount is null ? null : Math.Round(total.ListAmount.Value, 2, MidpointRounding.AwayFromZero),
                Amount = money,
                Currency = total.Currency,
                ServiceStart = total.Month,
                ServiceEnd = total.Month.AddMonths(1).AddDays(-1),
                SubscriptionId = total.EntitlementId,
                BillingCycle = "Monthly",
                SourceFile = File,
                SourceLine = total.FirstLine,
            };
        }
    }

    private sealed class UsageTotal
    {
        public UsageTotal(string customerId, string entitlementId, DateTime month, string currency, int firstLine)
        {
            CustomerId = customerId;
            EntitlementId = entitlementId;
            Month = month;
            Currency = currency;
            FirstLine = firstLine;
        }

        public string CustomerId { get; }

        public string EntitlementId { get; }

        public DateTime Month { get; }

        public string Currency { get; }

        public int FirstLine { get; }

        public decimal Amount { get; set; }

        public decimal? ListAmount { get; set; }

        /// <summary>A row without a list price: the month's list value is unknown, not partial.</summary>
        public bool ListIncomplete { get; set; }

        public string CustomerName { get; set; } = string.Empty;

        public string? CustomerDomain { get; set; }

        public string? EntitlementDescription { get; set; }
    }
}
