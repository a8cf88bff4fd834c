using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>A difference while the comparer fills it in; <see cref="Build"/> freezes it into a ContractDifference.</summary>
internal sealed class DifferenceDraft
{
    public DifferenceKind Kind { get; set; }

    public bool IsActionable { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string Rule { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Each vendor customer id behind it, whole (<see cref="CustomerId"/> joins them for people).</summary>
    public IReadOnlyList<string> CustomerIds { get; set; } = Array.Empty<string>();

    public string CustomerName { get; set; } = string.Empty;

    public string? CustomerDomain { get; set; }

    public string? CustomerPhone { get; set; }

    public string? CustomerAddress { get; set; }

    public string? CustomerCity { get; set; }

    public string? CustomerState { get; set; }

    public string? CustomerPostalCode { get; set; }

    public string? CustomerWebAddress { get; set; }

    public long? CompanyId { get; set; }

    public string? CompanyName { get; set; }

    public long? ContractId { get; set; }

    public string? ContractName { get; set; }

    public bool CreateCompany { get; set; }

    public bool CreateContract { get; set; }

    public string Sku { get; set; } = string.Empty;

    public string? ProductName { get; set; }

    public string? Description { get; set; }

    public ChargeType ChargeType { get; set; }

    public long? ServiceId { get; set; }

    public long? ProductId { get; set; }

    public string? ServiceName { get; set; }

    public long? ContractServiceId { get; set; }

    public bool? ServiceIsActive { get; set; }

    public decimal? VendorQuantity { get; set; }

    public decimal? AutotaskQuantity { get; set; }

    public string Currency { get; set; } = string.Empty;

    public decimal? VendorUnitPrice { get; set; }

    public decimal? AutotaskUnitPrice { get; set; }

    public decimal? TargetUnitPrice { get; set; }

    public decimal? VendorUnitCost { get; set; }

    public decimal? AutotaskUnitCost { get; set; }

    public decimal? TargetUnitCost { get; set; }

    public decimal MonthlyRevenueImpact { get; set; }

    public decimal MonthlyCostImpact { get; set; }

    public decimal OneTimeRevenueImpact { get; set; }

    public decimal OneTimeCostImpact { get; set; }

    public decimal? VendorAmount { get; set; }

    public ChargeKind? ChargeKind { get; set; }

    public decimal? ChargeQuantity { get; set; }

    public PricingStrategy PricingStrategy { get; set; }

    public EffectiveDatePolicy EffectiveDatePolicy { get; set; }

    public DateTime? EffectiveDate { get; set; }

    public DateTime? VendorChangeDate { get; set; }

    /// <summary>When the vendor's current price started (the full-period line's service start): a price change's effective date.</summary>
    public DateTime? PriceDate { get; set; }

    public DateTime? SubscriptionStart { get; set; }

    public DateTime AsOf { get; set; }

    public bool RequiresForce { get; set; }

    public string? ForceReason { get; set; }

    public string? TransactionId { get; set; }

    public DateTime? ChargeDate { get; set; }

    public string SourceLines { get; set; } = string.Empty;

    public string TransactionIds { get; set; } = string.Empty;

    public string SubscriptionIds { get; set; } = string.Empty;

    /// <summary>
    /// The seats a seat draft stands for: their source lines, transaction and subscription ids are joined only when a
    /// difference is built, since most drafts of a month's run (everything in step) never become one.
    /// </summary>
    public VendorDemand? Demand { get; set; }

    public string? Suggestions { get; set; }

    public long? SuggestedCompanyId { get; set; }

    public long? SuggestedServiceId { get; set; }

    public ContractDifference Build() => ContractDifferenceReader.Guarded(new()
    {
        DifferenceId = DifferenceIds.For(Kind, Source, CustomerId, Sku, TransactionId),
        Kind = Kind,
        IsActionable = IsActionable,
        Reason = Reason,
        Rule = Rule,
        Source = Source,
        CustomerId = CustomerId,
        VendorCustomerIds = CustomerIds,
        CustomerName = CustomerName,
        CustomerDomain = CustomerDomain,
        CustomerPhone = CustomerPhone,
        CustomerAddress = CustomerAddress,
        CustomerCity = CustomerCity,
        CustomerState = CustomerState,
        CustomerPostalCode = CustomerPostalCode,
        CustomerWebAddress = CustomerWebAddress,
        CompanyId = CompanyId,
        CompanyName = CompanyName,
        ContractId = ContractId,
        ContractName = ContractName,
        CreateCompany = CreateCompany,
        CreateContract = CreateContract,
        Sku = Sku,
        ProductName = ProductName,
        Description = Description,
        ChargeType = ChargeType,
        ServiceId = ServiceId,
        ProductId = ProductId,
        ServiceName = ServiceName,
        ContractServiceId = ContractServiceId,
        ServiceIsActive = ServiceIsActive,
        VendorQuantity = VendorQuantity,
        AutotaskQuantity = AutotaskQuantity,
        QuantityDelta = VendorQuantity is decimal vendor && AutotaskQuantity is decimal autotask ? vendor - autotask : null,
        Currency = Currency,
        VendorUnitPrice = VendorUnitPrice,
        AutotaskUnitPrice = AutotaskUnitPrice,
        TargetUnitPrice = TargetUnitPrice,
        VendorUnitCost = VendorUnitCost,
        AutotaskUnitCost = AutotaskUnitCost,
        TargetUnitCost = TargetUnitCost,
        MonthlyRevenueImpact = MonthlyRevenueImpact,
        MonthlyCostImpact = MonthlyCostImpact,
        OneTimeRevenueImpact = OneTimeRevenueImpact,
        OneTimeCostImpact = OneTimeCostImpact,
        VendorAmount = VendorAmount,
        ChargeKind = ChargeKind,
        ChargeQuantity = ChargeQuantity,
        SubscriptionStart = SubscriptionStart,
        PricingStrategy = PricingStrategy,
        EffectiveDatePolicy = EffectiveDatePolicy,
        EffectiveDate = EffectiveDate,
        VendorChangeDate = VendorChangeDate,
        AsOf = AsOf,
        RequiresForce = RequiresForce,
        ForceReason = ForceReason,
        TransactionId = TransactionId,
        ChargeDate = ChargeDate,
        SourceLines = Demand?.SourceLines ?? SourceLines,
        TransactionIds = Demand?.TransactionIds ?? TransactionIds,
        SubscriptionIds = Demand?.SubscriptionIds ?? SubscriptionIds,
        Suggestions = Suggestions,
        SuggestedCompanyId = SuggestedCompanyId,
        SuggestedServiceId = SuggestedServiceId,
    });
}
