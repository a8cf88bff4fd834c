namespace Autotask.Billing.Mapping;

/// <summary>
/// The choices made once at setup (the Intermedia wizard's step 2 and PRISM's program options): billing codes and
/// the account manager for what sync creates, defaults for per-customer options, guardrails and removal policy.
/// </summary>
public sealed record BillingSettings
{
    public const string DefaultServiceNameTemplate = Mapping.ServiceNameTemplate.SkuPlaceholder;
    public const decimal DefaultQuantityChangeThresholdPercent = 50m;
    public const decimal DefaultQuantityChangeMinimumUnits = 5m;
    public const string DefaultCurrency = "USD";

    private static readonly IReadOnlyDictionary<string, string> NoVendorNames =
        new Dictionary<string, string>(MappingKeys.Comparer);

    private readonly IReadOnlyDictionary<string, string> vendorCompanyNames = NoVendorNames;
    private readonly IReadOnlyDictionary<string, string> vendorPhones = NoVendorNames;
    private readonly IReadOnlyDictionary<string, string> salesReps = NoVendorNames;

    public static BillingSettings Default { get; } = new();

    /// <summary>The Recurring Contract Service billing code new services get.</summary>
    public long? RecurringBillingCodeId { get; init; }

    /// <summary>The Material billing code new products get.</summary>
    public long? MaterialBillingCodeId { get; init; }

    /// <summary>The resource that owns companies sync creates.</summary>
    public long? DefaultAccountManagerResourceId { get; init; }

    /// <summary>The Autotask vendor company per source; a source without an entry uses its own name.</summary>
    public IReadOnlyDictionary<string, string> VendorCompanyNames
    {
        get => vendorCompanyNames;
        init => vendorCompanyNames = (value ?? throw new ArgumentNullException(nameof(value)))
            .ToDictionary(pair => pair.Key, pair => pair.Value, MappingKeys.Comparer);
    }

    /// <summary>
    /// The phone of each vendor company sync may have to create, by vendor company name (see
    /// <see cref="VendorCompanyNameFor"/>). Autotask requires a phone for every company and sync never invents one.
    /// </summary>
    public IReadOnlyDictionary<string, string> VendorPhones
    {
        get => vendorPhones;
        init => vendorPhones = (value ?? throw new ArgumentNullException(nameof(value)))
            .ToDictionary(pair => pair.Key, pair => pair.Value, MappingKeys.Comparer);
    }

    /// <summary>
    /// The Autotask resource (user name) each sales rep of a CRM source is, by the rep's name or e-mail, one to one.
    /// Sync-AtQuote uses it unless a run maps a rep itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> SalesReps
    {
        get => salesReps;
        init => salesReps = (value ?? throw new ArgumentNullException(nameof(value)))
            .ToDictionary(pair => pair.Key, pair => pair.Value, MappingKeys.Comparer);
    }

    /// <summary>
    /// The Autotask database's currency (ISO 4217; Autotask has one per database). Compare uses it when the run gives
    /// none: lines in another currency are reported, never converted.
    /// </summary>
    public string Currency { get; init; } = DefaultCurrency;

    /// <summary>
    /// Carry usage lines (Azure plans) whose SKU is mapped to a service as that service with quantity 1 and the
    /// period's total as its price (PRISM's "Azure usage as a contract service"), unless a run says otherwise.
    /// </summary>
    public bool UsageAsService { get; init; }

    /// <summary>
    /// A SKU mapped to a service that no longer exists in Autotask (deleted) has the service created again from the
    /// name template and the mapping pointed at it (PRISM's option), instead of being reported. Off by default.
    /// </summary>
    public bool RecreateDeletedServices { get; init; }

    /// <summary>The name of services sync creates; must contain <c>{Sku}</c>.</summary>
    public string ServiceNameTemplate { get; init; } = DefaultServiceNameTemplate;

    public PricingStrategy DefaultPricingStrategy { get; init; } = PricingStrategy.SyncCostAndPrice;

    public EffectiveDatePolicy DefaultEffectiveDatePolicy { get; init; } = EffectiveDatePolicy.ChangeDate;

    /// <summary>A quantity change above this percentage (and <see cref="QuantityChangeMinimumUnits"/>) needs -Force.</summary>
    public decimal QuantityChangeThresholdPercent { get; init; } = DefaultQuantityChangeThresholdPercent;

    /// <summary>Changes of fewer units than this never need -Force, whatever the percentage.</summary>
    public decimal QuantityChangeMinimumUnits { get; init; } = DefaultQuantityChangeMinimumUnits;

    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.AdjustToZero;

    /// <summary>Where the customer's price comes from when the vendor gives none (Partner Center): list price by default.</summary>
    public PriceBasis PriceBasis { get; init; } = PriceBasis.ListPrice;

    /// <summary>The markup on cost, in percent, under <see cref="Mapping.PriceBasis.CostPlusMarkup"/>.</summary>
    public decimal MarkupPercent { get; init; }

    /// <summary>Which missing Autotask records sync may create.</summary>
    public CreatableEntities SyncMayCreate { get; init; } = CreatableEntities.All;

    public string VendorCompanyNameFor(string source) =>
        vendorCompanyNames.TryGetValue(source, out var name) ? name : source;

    /// <summary>The phone of the vendor company, by its name; null when none is set up.</summary>
    public string? VendorPhoneFor(string vendorCompanyName) =>
        vendorPhones.TryGetValue(vendorCompanyName, out var phone) ? phone : null;

    public PricingStrategy PricingStrategyFor(CustomerMapping customer) =>
        customer.PricingStrategy ?? DefaultPricingStrategy;

    public EffectiveDatePolicy EffectiveDatePolicyFor(CustomerMapping customer) =>
        customer.EffectiveDatePolicy ?? DefaultEffectiveDatePolicy;

    public string ServiceNameFor(ServiceMapping service) =>
        Mapping.ServiceNameTemplate.Apply(service.NameTemplate ?? ServiceNameTemplate, service.Sku);

    public bool Equals(BillingSettings? other) =>
        other is not null
        && RecurringBillingCodeId == other.RecurringBillingCodeId
        && MaterialBillingCodeId == other.MaterialBillingCodeId
        && DefaultAccountManagerResourceId == other.DefaultAccountManagerResourceId
        && SameEntries(vendorCompanyNames, other.vendorCompanyNames)
        && SameEntries(vendorPhones, other.vendorPhones)
        && SameEntries(salesReps, other.salesReps)
        && string.Equals(Currency, other.Currency, StringComparison.Ordinal)
        && UsageAsService == other.UsageAsService
        && RecreateDeletedServices == other.RecreateDeletedServices
        && ServiceNameTemplate == other.ServiceNameTemplate
        && DefaultPricingStrategy == other.DefaultPricingStrategy
        && DefaultEffectiveDatePolicy == other.DefaultEffectiveDatePolicy
        && QuantityChangeThresholdPercent == other.QuantityChangeThresholdPercent
        && QuantityChangeMinimumUnits == other.QuantityChangeMinimumUnits
        && RemovalPolicy == other.RemovalPolicy
        && PriceBasis == other.PriceBasis
        && MarkupPercent == other.MarkupPercent
        && SyncMayCreate == other.SyncMayCreate;

    public override int GetHashCode() =>
        (RecurringBillingCodeId, MaterialBillingCodeId, DefaultAccountManagerResourceId, ServiceNameTemplate,
            DefaultPricingStrategy, QuantityChangeThresholdPercent, RemovalPolicy, SyncMayCreate).GetHashCode();

    private static bool SameEntries(IReadOnlyDictionary<string, string> mine, IReadOnlyDictionary<string, string> theirs) =>
        mine.Count == theirs.Count
        && mine.All(pair => theirs.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
