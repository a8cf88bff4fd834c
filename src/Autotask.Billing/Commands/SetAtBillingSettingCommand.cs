using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>
/// Changes the setup values in the mapping store. Billing codes and the default account manager are given by name or
/// id and checked against Autotask (all billing codes or resources read once): one that does not exist, is of the
/// wrong kind or is inactive is refused with the list of valid ones. Values not given stay as they are.
/// </summary>
[Cmdlet(VerbsCommon.Set, "AtBillingSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(BillingSettings))]
public sealed class SetAtBillingSettingCommand : MappingCmdlet
{
    /// <summary>The Recurring Contract Service billing code services sync creates get, by name or id.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BillingCodeCompleter))]
    public string? RecurringBillingCode { get; set; }

    /// <summary>The Material billing code products sync creates get, by name or id.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BillingCodeCompleter))]
    public string? MaterialBillingCode { get; set; }

    /// <summary>The resource that owns companies sync creates: id, full name, user name or e-mail address.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    public string? DefaultAccountManager { get; set; }

    /// <summary>The Autotask vendor company per source, e.g. @{ Pax8 = 'Pax8 Inc' }; an empty name removes the entry.</summary>
    [Parameter]
    public Hashtable? VendorCompanyName { get; set; }

    /// <summary>The phone per vendor company name, for a vendor company sync has to create, e.g. @{ Pax8 = '+1 855 729 8324' }; an empty phone removes the entry.</summary>
    [Parameter]
    public Hashtable? VendorPhone { get; set; }

    /// <summary>
    /// The Autotask resource each sales rep of a CRM source is, one to one, e.g. @{ 'Jane Doe' = 'jdoe' }: the rep's
    /// name or e-mail as the documents give it, and an active resource's id, full name, user name or e-mail. Merged
    /// into the stored pairs; an empty or null resource removes the rep. Sync-AtQuote uses them.
    /// </summary>
    [Parameter]
    public Hashtable? SalesRep { get; set; }

    /// <summary>The Autotask database's currency (ISO 4217, e.g. USD); Compare-AtContract uses it when -Currency is not given.</summary>
    [Parameter]
    [ValidatePattern("^[A-Za-z]{3}$")]
    public string? Currency { get; set; }

    /// <summary>Whether Compare-AtContract carries usage (Azure plans) of SKUs mapped to a service as that service with quantity 1, unless a run says otherwise.</summary>
    [Parameter]
    public bool UsageAsService { get; set; }

    /// <summary>Create a mapped service again when it was deleted in Autotask (PRISM's option), instead of reporting it.</summary>
    [Parameter]
    public bool RecreateDeletedServices { get; set; }

    /// <summary>The name services sync creates get; must contain {Sku}.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ServiceNameTemplate { get; set; }

    [Parameter]
    public PricingStrategy DefaultPricingStrategy { get; set; }

    [Parameter]
    public EffectiveDatePolicy DefaultEffectiveDatePolicy { get; set; }

    /// <summary>A quantity change above this percentage (and the minimum units) needs -Force in sync.</summary>
    [Parameter]
    public decimal QuantityChangeThresholdPercent { get; set; }

    /// <summary>Changes of fewer units than this never need -Force.</summary>
    [Parameter]
    public decimal QuantityChangeMinimumUnits { get; set; }

    [Parameter]
    public RemovalPolicy RemovalPolicy { get; set; }

    /// <summary>Where the customer's price comes from when the vendor's file has none (Partner Center): ListPrice (default), CostPlusMarkup, KeepAutotaskPrice or Cost.</summary>
    [Parameter]
    public PriceBasis PriceBasis { get; set; }

    /// <summary>The markup on cost in percent, used with -PriceBasis CostPlusMarkup.</summary>
    [Parameter]
    public decimal MarkupPercent { get; set; }

    /// <summary>Which missing Autotask records sync may create: Services, Products, Companies, Contracts, All or None.</summary>
    [Parameter]
    public CreatableEntities SyncMayCreate { get; set; }

    /// <summary>Returns the settings as saved.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var change = Change();
        var current = ReadDocument().Settings;
        var resolver = new BillingSettingsResolver(change.NeedsAutotask ? CatalogOf(OptionalConnection) : null);
        BillingSettings settings;
        try
        {
            settings = RunAutotask(token => resolver.ApplyAsync(current, change, token));
        }
        catch (MappingValidationException exception)
        {
            // A refused value is the caller's to handle (-ErrorAction, -ErrorVariable); nothing is saved.
            WriteError(ErrorRecords.Create(exception, ErrorIds.BillingSettingInvalid, ErrorCategory.InvalidArgument, change,
                "Choose one of the values listed; Connect-AtBilling first to give billing codes and resources by name."));
            return;
        }

        var changes = Describe(current, settings);
        if (changes.Count == 0)
        {
            WriteVerbose("The billing settings are unchanged.");
        }
        else if (ShouldProcess($"billing settings in {StorePath}", "Set " + string.Join(", ", changes)))
        {
            settings = SaveChanges(document => document.WithSettings(settings)).Settings;
        }
        else
        {
            return;
        }

        if (PassThru)
        {
            WriteObject(settings);
        }
    }

    private BillingSettingsChange Change() => new()
    {
        RecurringBillingCode = RecurringBillingCode,
        MaterialBillingCode = MaterialBillingCode,
        DefaultAccountManager = DefaultAccountManager,
        VendorCompanyNames = TextByName(VendorCompanyName),
        VendorPhones = TextByName(VendorPhone),
        SalesReps = TextByName(SalesRep),
        Currency = Currency,
        UsageAsService = IsBound(nameof(UsageAsService)) ? UsageAsService : null,
        RecreateDeletedServices = IsBound(nameof(RecreateDeletedServices)) ? RecreateDeletedServices : null,
        ServiceNameTemplate = ServiceNameTemplate,
        DefaultPricingStrategy = IsBound(nameof(DefaultPricingStrategy)) ? DefaultPricingStrategy : null,
        DefaultEffectiveDatePolicy = IsBound(nameof(DefaultEffectiveDatePolicy)) ? DefaultEffectiveDatePolicy : null,
        QuantityChangeThresholdPercent = IsBound(nameof(QuantityChangeThresholdPercent)) ? QuantityChangeThresholdPercent : null,
        QuantityChangeMinimumUnits = IsBound(nameof(QuantityChangeMinimumUnits)) ? QuantityChangeMinimumUnits : null,
        RemovalPolicy = IsBound(nameof(RemovalPolicy)) ? RemovalPolicy : null,
        PriceBasis = IsBound(nameof(PriceBasis)) ? PriceBasis : null,
        MarkupPercent = IsBound(nameof(MarkupPercent)) ? MarkupPercent : null,
        SyncMayCreate = IsBound(nameof(SyncMayCreate)) ? SyncMayCreate : null,
    };

    private static Dictionary<string, string?>? TextByName(Hashtable? table) =>
        table?.Cast<DictionaryEntry>().ToDictionary(
            entry => Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty,
            entry => entry.Value is null ? null : Convert.ToString(entry.Value, CultureInfo.InvariantCulture),
            StringComparer.OrdinalIgnoreCase);

    private static List<string> Describe(BillingSettings before, BillingSettings after)
    {
        var changes = new List<string>();
        void Add(string name, object? from, object? to)
        {
            if (!Equals(from, to))
            {
                changes.Add($"{name} to {Text(to) ?? "(none)"}");
            }
        }

        Add(nameof(BillingSettings.RecurringBillingCodeId), before.RecurringBillingCodeId, after.RecurringBillingCodeId);
        Add(nameof(BillingSettings.MaterialBillingCodeId), before.MaterialBillingCodeId, after.MaterialBillingCodeId);
        Add(nameof(BillingSettings.DefaultAccountManagerResourceId), before.DefaultAccountManagerResourceId, after.DefaultAccountManagerResourceId);
        foreach (var source in before.VendorCompanyNames.Keys.Union(after.VendorCompanyNames.Keys, StringComparer.OrdinalIgnoreCase))
        {
            before.VendorCompanyNames.TryGetValue(source, out var from);
            after.VendorCompanyNames.TryGetValue(source, out var to);
            Add($"the vendor company of {source}", from, to);
        }

        foreach (var vendor in before.VendorPhones.Keys.Union(after.VendorPhones.Keys, StringComparer.OrdinalIgnoreCase))
        {
            Add($"the phone of vendor {vendor}", before.VendorPhoneFor(vendor), after.VendorPhoneFor(vendor));
        }

        foreach (var rep in before.SalesReps.Keys.Union(after.SalesReps.Keys, StringComparer.OrdinalIgnoreCase))
        {
            before.SalesReps.TryGetValue(rep, out var from);
            after.SalesReps.TryGetValue(rep, out var to);
            Add($"the resource of sales rep {rep}", from, to);
        }

        Add(nameof(BillingSettings.Currency), before.Currency, after.Currency);
        Add(nameof(BillingSettings.UsageAsService), before.UsageAsService, after.UsageAsService);
        Add(nameof(BillingSettings.RecreateDeletedServices), before.RecreateDeletedServices, after.RecreateDeletedServices);
        Add(nameof(BillingSettings.ServiceNameTemplate), before.ServiceNameTemplate, after.ServiceNameTemplate);
        Add(nameof(BillingSettings.DefaultPricingStrategy), before.DefaultPricingStrategy, after.DefaultPricingStrategy);
        Add(nameof(BillingSettings.DefaultEffectiveDatePolicy), before.DefaultEffectiveDatePolicy, after.DefaultEffectiveDatePolicy);
        Add(nameof(BillingSettings.QuantityChangeThresholdPercent), before.QuantityChangeThresholdPercent, after.QuantityChangeThresholdPercent);
        Add(nameof(BillingSettings.QuantityChangeMinimumUnits), before.QuantityChangeMinimumUnits, after.QuantityChangeMinimumUnits);
        Add(nameof(BillingSettings.RemovalPolicy), before.RemovalPolicy, after.RemovalPolicy);
        Add(nameof(BillingSettings.PriceBasis), before.PriceBasis, after.PriceBasis);
        Add(nameof(BillingSettings.MarkupPercent), before.MarkupPercent, after.MarkupPercent);
        Add(nameof(BillingSettings.SyncMayCreate), before.SyncMayCreate, after.SyncMayCreate);
        return changes;
    }
}
