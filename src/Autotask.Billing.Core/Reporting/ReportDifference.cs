namespace Autotask.Billing.Reporting;

/// <summary>The parts of a ContractDifference a report shows, read by property name from the live or a re-imported object.</summary>
public sealed class ReportDifference
{
    private ReportDifference()
    {
    }

    public string DifferenceId { get; private init; } = string.Empty;

    public DifferenceKind Kind { get; private init; }

    public bool IsActionable { get; private init; }

    public string Reason { get; private init; } = string.Empty;

    public string? Rule { get; private init; }

    public string? Source { get; private init; }

    public string? CustomerId { get; private init; }

    public string CustomerName { get; private init; } = string.Empty;

    public long? CompanyId { get; private init; }

    public string? CompanyName { get; private init; }

    public long? ContractId { get; private init; }

    public string? ContractName { get; private init; }

    public string? Sku { get; private init; }

    public string? ProductName { get; private init; }

    public string? ServiceName { get; private init; }

    public decimal? AutotaskQuantity { get; private init; }

    public decimal? VendorQuantity { get; private init; }

    public string Currency { get; private init; } = string.Empty;

    public decimal? AutotaskUnitPrice { get; private init; }

    public decimal? VendorUnitPrice { get; private init; }

    public decimal? TargetUnitPrice { get; private init; }

    public decimal? AutotaskUnitCost { get; private init; }

    public decimal? VendorUnitCost { get; private init; }

    public decimal? TargetUnitCost { get; private init; }

    public decimal MonthlyRevenueImpact { get; private init; }

    public decimal MonthlyCostImpact { get; private init; }

    public decimal MonthlyMarginImpact => MonthlyRevenueImpact - MonthlyCostImpact;

    /// <summary>Revenue of a one-time, usage, credit or refund charge: once, never in the monthly figures.</summary>
    public decimal OneTimeRevenueImpact { get; private init; }

    public decimal OneTimeCostImpact { get; private init; }

    public DateTime? EffectiveDate { get; private init; }

    public DateTime? AsOf { get; private init; }

    public bool RequiresForce { get; private init; }

    public string? ForceReason { get; private init; }

    public string? TransactionId { get; private init; }

    public DateTime? ChargeDate { get; private init; }

    public string? Suggestions { get; private init; }

    /// <summary>Unmapped customers and SKUs: listed apart, since nothing can be synced for them yet.</summary>
    public bool IsUnmapped => Kind is DifferenceKind.UnmappedCustomer or DifferenceKind.UnmappedSku;

    public bool IsPriceChange => Kind is DifferenceKind.PriceChange or DifferenceKind.CostChange;

    /// <summary>Someone has to look at it before (or instead of) a sync: unmapped, expired, a currency clash, or needing -Force.</summary>
    public bool NeedsReview => IsUnmapped || Kind is DifferenceKind.ContractExpired or DifferenceKind.CurrencyMismatch or DifferenceKind.UnknownPeriodType || RequiresForce;

    /// <summary>What the Sku and the Autotask or vendor names say the line is, for people.</summary>
    public string Item => ServiceName ?? ProductName ?? Sku ?? string.Empty;

    internal static ReportDifference Read(ReportValues values)
    {
        var id = values.RequiredText(nameof(DifferenceId));
        return new ReportDifference
        {
            DifferenceId = id,
            Kind = values.Enum<DifferenceKind>(nameof(Kind)) ?? throw new ReportInputException($"The difference {id} has no Kind."),
            IsActionable = values.Bool(nameof(IsActionable)),
            Reason = values.Text(nameof(Reason)) ?? string.Empty,
            Rule = values.Text(nameof(Rule)),
            Source = values.Text(nameof(Source)),
            CustomerId = values.Text(nameof(CustomerId)),
            CustomerName = values.Text(nameof(CustomerName)) ?? values.Text(nameof(CompanyName)) ?? values.Text(nameof(CustomerId)) ?? string.Empty,
            CompanyId = values.Long(nameof(CompanyId)),
            CompanyName = values.Text(nameof(CompanyName)),
            ContractId = values.Long(nameof(ContractId)),
            ContractName = values.Text(nameof(ContractName)),
            Sku = values.Text(nameof(Sku)),
            ProductName = values.Text(nameof(ProductName)),
            ServiceName = values.Text(nameof(ServiceName)),
            AutotaskQuantity = values.Decimal(nameof(AutotaskQuantity)),
            VendorQuantity = values.Decimal(nameof(VendorQuantity)),
            Currency = (values.Text(nameof(Currency)) ?? string.Empty).Trim().ToUpperInvariant(),
            AutotaskUnitPrice = values.Decimal(nameof(AutotaskUnitPrice)),
            VendorUnitPrice = values.Decimal(nameof(VendorUnitPrice)),
            TargetUnitPrice = values.Decimal(nameof(TargetUnitPrice)),
            AutotaskUnitCost = values.Decimal(nameof(AutotaskUnitCost)),
            VendorUnitCost = values.Decimal(nameof(VendorUnitCost)),
            TargetUnitCost = values.Decimal(nameof(TargetUnitCost)),
            MonthlyRevenueImpact = values.RequiredDecimal(nameof(MonthlyRevenueImpact)),
            MonthlyCostImpact = values.RequiredDecimal(nameof(MonthlyCostImpact)),
            OneTimeRevenueImpact = values.RequiredDecimal(nameof(OneTimeRevenueImpact)),
            OneTimeCostImpact = values.RequiredDecimal(nameof(OneTimeCostImpact)),
            EffectiveDate = values.Date(nameof(EffectiveDate)),
            AsOf = values.Date(nameof(AsOf)),
            RequiresForce = values.Bool(nameof(RequiresForce)),
            ForceReason = values.Text(nameof(ForceReason)),
            TransactionId = values.Text(nameof(TransactionId)),
            ChargeDate = values.Date(nameof(ChargeDate)),
            Suggestions = values.Text(nameof(Suggestions)),
        };
    }
}
