namespace Autotask.Billing.Mapping;

/// <summary>
/// The setup values a Set-AtBillingSetting run changes; null leaves a value as it is. Billing codes and the account
/// manager are given as an Autotask id or a name, and resolved against the database.
/// </summary>
public sealed class BillingSettingsChange
{
    /// <summary>A Recurring Contract Service billing code, by id or name.</summary>
    public string? RecurringBillingCode { get; init; }

    /// <summary>A Material billing code, by id or name.</summary>
    public string? MaterialBillingCode { get; init; }

    /// <summary>An active resource, by id, full name, user name or e-mail address.</summary>
    public string? DefaultAccountManager { get; init; }

    /// <summary>The vendor company per source to set; an empty name removes the source's entry.</summary>
    public IReadOnlyDictionary<string, string?>? VendorCompanyNames { get; init; }

    /// <summary>The phone per vendor company name to set; an empty phone removes the company's entry.</summary>
    public IReadOnlyDictionary<string, string?>? VendorPhones { get; init; }

    /// <summary>The Autotask resource per sales rep to set (id, full name, user name or e-mail); an empty value removes the rep's entry.</summary>
    public IReadOnlyDictionary<string, string?>? SalesReps { get; init; }

    /// <summary>The Autotask database's currency, an ISO 4217 code.</summary>
    public string? Currency { get; init; }

    public bool? UsageAsService { get; init; }

    public bool? RecreateDeletedServices { get; init; }

    public string? ServiceNameTemplate { get; init; }

    public PricingStrategy? DefaultPricingStrategy { get; init; }

    public EffectiveDatePolicy? DefaultEffectiveDatePolicy { get; init; }

    public decimal? QuantityChangeThresholdPercent { get; init; }

    public decimal? QuantityChangeMinimumUnits { get; init; }

    public RemovalPolicy? RemovalPolicy { get; init; }

    public PriceBasis? PriceBasis { get; init; }

    public decimal? MarkupPercent { get; init; }

    public CreatableEntities? SyncMayCreate { get; init; }

    /// <summary>Whether anything needs Autotask to resolve.</summary>
    public bool NeedsAutotask =>
        RecurringBillingCode is not null || MaterialBillingCode is not null || DefaultAccountManager is not null
        || (SalesReps is not null && SalesReps.Values.Any(value => !string.IsNullOrWhiteSpace(value)));
}
