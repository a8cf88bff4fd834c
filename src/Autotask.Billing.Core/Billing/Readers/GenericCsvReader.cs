using System.Globalization;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Readers;

/// <summary>Our own format: one column per <see cref="Transaction"/> property (GENERIC-CSV.md); also binds pipeline objects.</summary>
internal sealed class GenericCsvReader : BillingFormatReader
{
    public const string Name = "Generic";

    private static readonly ColumnSet Set = new();
    private static readonly ColumnSpec TransactionIdColumn = Set.Add(nameof(Transaction.TransactionId), true, "Id", "LineId", "TransactionNumber");
    private static readonly ColumnSpec CustomerIdColumn = Set.Add(nameof(Transaction.CustomerId), true, "AccountId", "TenantId", "CompanyId");
    private static readonly ColumnSpec SkuColumn = Set.Add(nameof(Transaction.Sku), true, "PartNumber", "ProductCode", "SkuId");
    private static readonly ColumnSpec ChargeTypeColumn = Set.Add(nameof(Transaction.ChargeType), true, "Type");
    private static readonly ColumnSpec QuantityColumn = Set.Add(nameof(Transaction.Quantity), true, "Qty", "Seats", "Units");
    private static readonly ColumnSpec SourceColumn = Set.Add(nameof(Transaction.Source), false, "Vendor");
    private static readonly ColumnSpec CustomerNameColumn = Set.Add(nameof(Transaction.CustomerName), false, "Customer", "CompanyName", "AccountName");
    private static readonly ColumnSpec CustomerDomainColumn = Set.Add(nameof(Transaction.CustomerDomain), false, "Domain", "CustomerDomainName", "TenantDomain");
    private static readonly ColumnSpec CustomerPhoneColumn = Set.Add(nameof(Transaction.CustomerPhone), false, "Phone");
    private static readonly ColumnSpec CustomerAddressColumn = Set.Add(nameof(Transaction.CustomerAddress), false, "Address", "Address1");
    private static readonly ColumnSpec CustomerCityColumn = Set.Add(nameof(Transaction.CustomerCity), false, "City");
    private static readonly ColumnSpec CustomerStateColumn = Set.Add(nameof(Transaction.CustomerState), false, "State", "Province");
    private static readonly ColumnSpec CustomerPostalCodeColumn = Set.Add(nameof(Transaction.CustomerPostalCode), false, "PostalCode", "ZipCode", "Zip");
    private static readonly ColumnSpec ProductNameColumn = Set.Add(nameof(Transaction.ProductName), false, "Product");
    private static readonly ColumnSpec DescriptionColumn = Set.Add(nameof(Transaction.Description), false, "ItemDescription");
    private static readonly ColumnSpec CategoryColumn = Set.Add(nameof(Transaction.Category), false, "CategoryCode");
    private static readonly ColumnSpec UnitPriceColumn = Set.Add(nameof(Transaction.UnitPrice), false, "Price");
    private static readonly ColumnSpec UnitCostColumn = Set.Add(nameof(Transaction.UnitCost), false, "Cost");
    private static readonly ColumnSpec AmountColumn = Set.Add(nameof(Transaction.Amount), false, "Subtotal", "LineTotal");
    private static readonly ColumnSpec CurrencyColumn = Set.Add(nameof(Transaction.Currency), false, "CurrencyCode");
    private static readonly ColumnSpec ServiceStartColumn = Set.Add(nameof(Transaction.ServiceStart), false, "StartDate", "PeriodStart");
    private static readonly ColumnSpec ServiceEndColumn = Set.Add(nameof(Transaction.ServiceEnd), false, "EndDate", "PeriodEnd");
    private static readonly ColumnSpec OrderDateColumn = Set.Add(nameof(Transaction.OrderDate), false, "EventDate");
    private static readonly ColumnSpec SubscriptionIdColumn = Set.Add(nameof(Transaction.SubscriptionId), false, "Subscription");
    private static readonly ColumnSpec BillingCycleColumn = Set.Add(nameof(Transaction.BillingCycle), false, "BillingFrequency", "Frequency");
    private static readonly ColumnSpec TermColumn = Set.Add(nameof(Transaction.Term), false, "CommitmentTerm");
    private static readonly ColumnSpec IsProratedColumn = Set.Add(nameof(Transaction.IsProrated), false, "Prorated");
    private static readonly ColumnSpec IsReversalColumn = Set.Add(nameof(Transaction.IsReversal), false, "Reversal");
    private static readonly ColumnSpec IsTrialColumn = Set.Add(nameof(Transaction.IsTrial), false, "Trial");
    private static readonly ColumnSpec ReferenceIdColumn = Set.Add(nameof(Transaction.ReferenceId), false);

    static GenericCsvReader()
    {
        // Export-Csv of our own Transaction objects writes these; provenance is re-stamped with the new file.
        Set.Ignore(nameof(Transaction.SourceFile), nameof(Transaction.SourceLine));
    }

    private readonly BillingReadOptions _options;

    public GenericCsvReader(string file, BillingReadOptions options)
        : base(file)
    {
        _options = options;
    }

    public override string FormatName => Name;

    public override ColumnSet Columns => Set;

    /// <summary>
    /// A file of our own Transactions (Export-Csv writes SourceFile and SourceLine) carries dates the way Export-Csv
    /// wrote them: in the session's culture, the policy <see cref="Loose.LooseValue"/> reads pipeline objects by.
    /// Any other generic file declares none.
    /// </summary>
    public override CultureInfo? DeclaredCultureFor(RecordSchema schema) =>
        schema.Contains(nameof(Transaction.SourceFile)) && schema.Contains(nameof(Transaction.SourceLine))
            ? CultureInfo.CurrentCulture
            : null;

    public static bool Recognizes(RecordSchema schema) =>
        new[] { TransactionIdColumn, ChargeTypeColumn, QuantityColumn, SkuColumn }
            .All(spec => spec.Aliases.Any(schema.Contains));

    public override RowResult Map(RecordView row)
    {
        var chargeTypeText = row.RequiredText(ChargeTypeColumn);
        if (!ChargeTypeText.TryParse(chargeTypeText, out var chargeType))
        {
            throw row.Invalid(
                ChargeTypeColumn, BillingProblemReason.UnknownChargeType,
                $"ChargeType '{chargeTypeText}' is not Recurring, OneTime, Usage or Credit.");
        }

        var quantity = row.RequiredDecimal(QuantityColumn);
        var isReversal = row.Boolean(IsReversalColumn) ?? false;
        if (quantity < 0 && chargeType == ChargeType.Recurring)
        {
            throw row.Invalid(
                QuantityColumn, BillingProblemReason.NegativeQuantity,
                $"Quantity {quantity} is negative on a Recurring line; seat counts cannot be negative (use IsReversal or a Credit line).");
        }

        return RowResult.Emit(new Transaction
        {
            Source = row.Text(SourceColumn) ?? _options.GenericSourceName,
            TransactionId = row.RawText(TransactionIdColumn) ?? row.RequiredText(TransactionIdColumn),
            CustomerId = row.RequiredText(CustomerIdColumn),
            CustomerName = row.Text(CustomerNameColumn) ?? string.Empty,
            CustomerDomain = row.Text(CustomerDomainColumn),
            CustomerPhone = row.Text(CustomerPhoneColumn),
            CustomerAddress = row.Text(CustomerAddressColumn),
            CustomerCity = row.Text(CustomerCityColumn),
            CustomerState = row.Text(CustomerStateColumn),
            CustomerPostalCode = row.Text(CustomerPostalCodeColumn),
            Sku = row.RequiredText(SkuColumn),
            ProductName = row.Text(ProductNameColumn) ?? string.Empty,
            Description = row.Text(DescriptionColumn) ?? string.Empty,
            ChargeType = chargeType,
            Category = row.Text(CategoryColumn) ?? string.Empty,
            Quantity = quantity,
            UnitPrice = row.Decimal(UnitPriceColumn),
            UnitCost = row.Decimal(UnitCostColumn),
            Amount = row.Decimal(AmountColumn),
            Currency = row.Share((row.Text(CurrencyColumn) ?? _options.DefaultCurrency).ToUpperInvariant()),
            ServiceStart = row.Date(ServiceStartColumn),
            ServiceEnd = row.Date(ServiceEndColumn),
            OrderDate = row.Timestamp(OrderDateColumn),
            SubscriptionId = row.Text(SubscriptionIdColumn) ?? string.Empty,
            BillingCycle = row.Text(BillingCycleColumn) ?? string.Empty,
            Term = row.Text(TermColumn),
            IsProrated = row.Boolean(IsProratedColumn) ?? false,
            IsReversal = isReversal,
            IsTrial = row.Boolean(IsTrialColumn) ?? false,
            ReferenceId = row.Text(ReferenceIdColumn),
            SourceFile = File,
            SourceLine = row.LineNumber,
        });
    }
}
