using System.Globalization;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Turns a settings change into new settings: billing codes and the account manager given by name or id are found
/// among all billing codes and resources (each read once, only when given) and refused — with the valid choices —
/// when they do not exist, are of the wrong kind or inactive; every other value is checked as the store checks it.
/// </summary>
public sealed class BillingSettingsResolver
{
    private const int ListedChoices = 40;

    private readonly AutotaskCatalogReader? catalog;

    /// <param name="catalog">Null when not connected: then billing codes and resources can only be given by id, unchecked.</param>
    public BillingSettingsResolver(AutotaskCatalogReader? catalog)
    {
        this.catalog = catalog;
    }

    /// <summary>The settings with the change applied; throws <see cref="MappingValidationException"/> listing every problem.</summary>
    public async Task<BillingSettings> ApplyAsync(BillingSettings current, BillingSettingsChange change, CancellationToken cancellationToken = default)
    {
        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        if (change is null)
        {
            throw new ArgumentNullException(nameof(change));
        }

        var problems = new List<MappingProblem>();
        var codes = change.RecurringBillingCode is null && change.MaterialBillingCode is null
            ? null
            : await ReadOrNullAsync(c => c.ReadBillingCodesAsync(cancellationToken)).ConfigureAwait(false);
        var resources = change.DefaultAccountManager is null && !change.NeedsAutotask
            ? null
            : await ReadOrNullAsync(c => c.ReadResourceAccountsAsync(cancellationToken)).ConfigureAwait(false);

        var settings = current with
        {
            RecurringBillingCodeId = change.RecurringBillingCode is null
                ? current.RecurringBillingCodeId
                : ResolveCode(change.RecurringBillingCode, nameof(BillingSettings.RecurringBillingCodeId), BillingSettingsValidator.RecurringUseType, codes, problems),
            MaterialBillingCodeId = change.MaterialBillingCode is null
                ? current.MaterialBillingCodeId
                : ResolveCode(change.MaterialBillingCode, nameof(BillingSettings.MaterialBillingCodeId), BillingSettingsValidator.MaterialUseType, codes, problems),
            DefaultAccountManagerResourceId = change.DefaultAccountManager is null
                ? current.DefaultAccountManagerResourceId
                : ResolveResource(change.DefaultAccountManager, resources, problems),
            VendorCompanyNames = change.VendorCompanyNames is null ? current.VendorCompanyNames : Merge(current.VendorCompanyNames, change.VendorCompanyNames),
            VendorPhones = change.VendorPhones is null ? current.VendorPhones : Merge(current.VendorPhones, change.VendorPhones),
            SalesReps = change.SalesReps is null ? current.SalesReps : Merge(current.SalesReps, ResolveReps(change.SalesReps, resources, problems)),
            Currency = change.Currency?.Trim().ToUpperInvariant() ?? current.Currency,
            UsageAsService = change.UsageAsService ?? current.UsageAsService,
            RecreateDeletedServices = change.RecreateDeletedServices ?? current.RecreateDeletedServices,
            ServiceNameTemplate = change.ServiceNameTemplate ?? current.ServiceNameTemplate,
            DefaultPricingStrategy = change.DefaultPricingStrategy ?? current.DefaultPricingStrategy,
            DefaultEffectiveDatePolicy = change.DefaultEffectiveDatePolicy ?? current.DefaultEffectiveDatePolicy,
            QuantityChangeThresholdPercent = change.QuantityChangeThresholdPercent ?? current.QuantityChangeThresholdPercent,
            QuantityChangeMinimumUnits = change.QuantityChangeMinimumUnits ?? current.QuantityChangeMinimumUnits,
            RemovalPolicy = change.RemovalPolicy ?? current.RemovalPolicy,
            PriceBasis = change.PriceBasis ?? current.PriceBasis,
            MarkupPercent = change.MarkupPercent ?? current.MarkupPercent,
            SyncMayCreate = change.SyncMayCreate ?? current.SyncMayCreate,
        };
        MappingDocumentValidator.CheckSettings(settings, MappingDocumentValidator.PathProblems("settings"), problems);
        if (problems.Count > 0)
        {
            throw new MappingValidationException("The billing settings change", problems);
        }

        return settings;
    }

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> change)
    {
        var merged = current.ToDictionary(pair => pair.Key, pair => pair.Value, MappingKeys.Comparer);
        foreach (var pair in change)
        {
            var source = MappingKeys.RequireText(pair.Key, nameof(change));
            if (string.IsNullOrWhiteSpace(pair.Value))
            {
                merged.Remove(source);
            }
            else
            {
                merged[source] = pair.Value!.Trim();
            }
        }

        return merged;
    }

    private static long? ResolveCode(string reference, string property, string useType, IReadOnlyList<BillingCodeInfo>? codes, List<MappingProblem> problems)
    {
        var path = "settings." + MappingText.CamelCase(property);
        Func<long, IEnumerable<BillingCodeInfo>, string?> check = useType == BillingSettingsValidator.RecurringUseType
            ? BillingSettingsValidator.CheckRecurringBillingCode
            : BillingSettingsValidator.CheckMaterialBillingCode;
        var trimmed = reference.Trim();
        if (TryId(trimmed, out var id))
        {
            if (codes is not null && check(id, codes) is string problem)
            {
                problems.Add(new MappingProblem(path, problem));
                return null;
            }

            return id;
        }

        if (codes is null)
        {
            problems.Add(new MappingProblem(path, $"'{trimmed}' is a name; give the billing code's id, or connect to Autotask to resolve names"));
            return null;
        }

        var named = codes.Where(c => string.Equals(c.Name.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
        var usable = named.Where(c => check(c.BillingCodeId, codes) is null).ToList();
        if (usable.Count == 1)
        {
            return usable[0].BillingCodeId;
        }

        var message = usable.Count > 1
            ? $"{usable.Count} billing codes are named '{trimmed}' ({string.Join(", ", usable.Select(c => c.BillingCodeId))}); give the id"
            : named.Count > 0
                ? check(named[0].BillingCodeId, codes)!
                : $"no billing code is named '{trimmed}' in this Autotask database; "
                  + Choices($"active {useType} billing codes", codes.Where(c => check(c.BillingCodeId, codes) is null).Select(c => (c.Name, c.BillingCodeId)));
        problems.Add(new MappingProblem(path, message));
        return null;
    }

    private static long? ResolveResource(string reference, IReadOnlyList<(ResourceInfo Resource, string? UserName, string? Email)>? accounts, List<MappingProblem> problems)
    {
        var path = "settings." + MappingText.CamelCase(nameof(BillingSettings.DefaultAccountManagerResourceId));
        var trimmed = reference.Trim();
        var resources = accounts?.Select(a => a.Resource).ToList();
        if (TryId(trimmed, out var id))
        {
            if (resources is not null && BillingSettingsValidator.CheckAccountManager(id, resources) is string problem)
            {
                problems.Add(new MappingProblem(path, problem));
                return null;
            }

            return id;
        }

        if (accounts is null || resources is null)
        {
            problems.Add(new MappingProblem(path, $"'{trimmed}' is a name; give the resource's id, or connect to Autotask to resolve names"));
            return null;
        }

        var named = accounts
            .Where(a => Same(a.Resource.Name, trimmed) || Same(a.UserName, trimmed) || Same(a.Email, trimmed))
            .Select(a => a.Resource)
            .ToList();
        var active = named.Where(r => r.IsActive).ToList();
        if (active.Count == 1)
        {
            return active[0].ResourceId;
        }

        var message = active.Count > 1
            ? $"{active.Count} active resources are named '{trimmed}' ({string.Join(", ", active.Select(r => r.ResourceId))}); give the id"
            : named.Count > 0
                ? BillingSettingsValidator.CheckAccountManager(named[0].ResourceId, resources)!
                : $"no resource is named '{trimmed}' in this Autotask database; "
                  + Choices("active resources", resources.Where(r => r.IsActive).Select(r => (r.Name, r.ResourceId)));
        problems.Add(new MappingProblem(path, message));
        return null;
    }

    /// <summary>
    /// Each rep's resource as the user name (or e-mail) Sync-AtQuote finds it by; a resource that does not exist or is
    /// inactive is refused. Without a connection a value is kept as given, unchecked.
    /// </summary>
    private static Dictionary<string, string?> ResolveReps(
        IReadOnlyDictionary<string, string?> reps, IReadOnlyList<(ResourceInfo Resource, string? UserName, string? Email)>? accounts, List<MappingProblem> problems)
    {
        var path = "settings." + MappingText.CamelCase(nameof(BillingSettings.SalesReps));
        var resolved = new Dictionary<string, string?>(MappingKeys.Comparer);
        foreach (var pair in reps)
        {
            var wanted = pair.Value?.Trim();
            if (string.IsNullOrEmpty(wanted) || accounts is null)
            {
                resolved[pair.Key] = wanted;
                continue;
            }

            var named = accounts
                .Where(a => (TryId(wanted!, out var id) && a.Resource.ResourceId == id)
                    || Same(a.Resource.Name, wanted!) || Same(a.UserName, wanted!) || Same(a.Email, wanted!))
                .ToList();
            var active = named.Where(a => a.Resource.IsActive).ToList();
            if (active.Count == 1 && (active[0].UserName ?? active[0].Email) is string key && key.Trim().Length > 0)
            {
                resolved[pair.Key] = key.Trim();
                continue;
            }

            problems.Add(new MappingProblem(path, active.Count > 1
                ? $"sales rep '{pair.Key}': {active.Count} active resources are named '{wanted}'; give the user name"
                : named.Count > 0
                    ? $"sales rep '{pair.Key}': resource '{wanted}' is inactive or has no user name or e-mail"
                    : $"sales rep '{pair.Key}': no resource is named '{wanted}' in this Autotask database; "
                      + Choices("active resources", accounts.Where(a => a.Resource.IsActive).Select(a => (a.Resource.Name, a.Resource.ResourceId)))));
        }

        return resolved;
    }

    private static bool Same(string? value, string wanted) =>
        value is not null && string.Equals(value.Trim(), wanted, StringComparison.OrdinalIgnoreCase);

    private static bool TryId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static string Choices(string what, IEnumerable<(string Name, long Id)> choices)
    {
        var sorted = choices.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).ToList();
        if (sorted.Count == 0)
        {
            return $"there are no {what}";
        }

        var listed = string.Join(", ", sorted.Take(ListedChoices).Select(c => $"{c.Name} ({c.Id})"));
        var more = sorted.Count > ListedChoices ? $" and {sorted.Count - ListedChoices} more" : string.Empty;
        return $"the {what} are: {listed}{more}";
    }

    private async Task<T?> ReadOrNullAsync<T>(Func<AutotaskCatalogReader, Task<T>> read)
        where T : class =>
        catalog is null ? null : await read(catalog).ConfigureAwait(false);
}
