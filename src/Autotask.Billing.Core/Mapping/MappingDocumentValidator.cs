namespace Autotask.Billing.Mapping;

/// <summary>
/// The rules a mapping must follow whatever wrote it (hand edit, CSV import, a cmdlet). Problems are collected, never
/// fixed: a store that breaks a rule is refused with every problem and where it is.
/// </summary>
public static class MappingDocumentValidator
{
    private static readonly IReadOnlyDictionary<string, int> CompanyFieldLengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["phone"] = 25,
        ["address1"] = 150,
        ["city"] = 30,
        ["state"] = 25,
        ["postalCode"] = 10,
        ["webAddress"] = 255,
    };

    public static IReadOnlyList<MappingProblem> Validate(MappingDocument document)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var problems = new List<MappingProblem>();
        CheckSettings(document.Settings, PathProblems("settings"), problems);
        for (var i = 0; i < document.Customers.Count; i++)
        {
            CheckCustomer(document.Customers[i], PathProblems($"customers[{i}]"), problems);
        }

        for (var i = 0; i < document.Services.Count; i++)
        {
            CheckService(document.Services[i], PathProblems($"services[{i}]"), problems);
        }

        return problems;
    }

    /// <summary>Problems of one customer mapping, with paths built by <paramref name="problemAt"/> from a property name.</summary>
    internal static void CheckCustomer(
        CustomerMapping mapping, Func<string, string, MappingProblem> problemAt, ICollection<MappingProblem> problems)
    {
        CheckTarget(
            mapping.CompanyAction, mapping.CompanyId, "company",
            nameof(CustomerMapping.CompanyAction), nameof(CustomerMapping.CompanyId), problemAt, problems);
        CheckTarget(
            mapping.ContractAction, mapping.ContractId, "contract",
            nameof(CustomerMapping.ContractAction), nameof(CustomerMapping.ContractId), problemAt, problems);
        if (mapping.CompanyAction == MappingAction.Create && mapping.ContractAction == MappingAction.Existing)
        {
            problems.Add(problemAt(
                nameof(CustomerMapping.ContractAction),
                "an existing contract belongs to an existing company; when the company is to be created, the contract must be created too (Create)"));
        }

        CheckDefined(mapping.PricingStrategy, nameof(CustomerMapping.PricingStrategy), problemAt, problems);
        CheckDefined(mapping.EffectiveDatePolicy, nameof(CustomerMapping.EffectiveDatePolicy), problemAt, problems);
        if (mapping.SyncStartDate is DateTime start && start.TimeOfDay != TimeSpan.Zero)
        {
            problems.Add(problemAt(nameof(CustomerMapping.SyncStartDate), "must be a date without a time of day"));
        }

        if (mapping.Phone is not null && CheckPhone(mapping.Phone) is string phoneProblem)
        {
            problems.Add(problemAt(nameof(CustomerMapping.Phone), phoneProblem));
        }

        CheckCompanyText(mapping.Address, nameof(CustomerMapping.Address), "address1", problemAt, problems);
        CheckCompanyText(mapping.City, nameof(CustomerMapping.City), "city", problemAt, problems);
        CheckCompanyText(mapping.State, nameof(CustomerMapping.State), "state", problemAt, problems);
        CheckCompanyText(mapping.PostalCode, nameof(CustomerMapping.PostalCode), "postalCode", problemAt, problems);
        CheckCompanyText(mapping.WebAddress, nameof(CustomerMapping.WebAddress), "webAddress", problemAt, problems);
    }

    internal static void CheckService(
        ServiceMapping mapping, Func<string, string, MappingProblem> problemAt, ICollection<MappingProblem> problems)
    {
        CheckDefined<MappingAction>(mapping.Action, nameof(ServiceMapping.Action), problemAt, problems);
        CheckId(mapping.ServiceId, nameof(ServiceMapping.ServiceId), problemAt, problems);
        CheckId(mapping.ProductId, nameof(ServiceMapping.ProductId), problemAt, problems);
        if (mapping.Action == MappingAction.Existing && !mapping.Excluded
            && mapping.ServiceId is null && mapping.ProductId is null)
        {
            problems.Add(problemAt(
                nameof(ServiceMapping.ServiceId),
                "a ServiceId (recurring lines) or ProductId (one-time lines) is required when Action is Existing; use Create to have sync create it, or mark the SKU Excluded"));
        }

        if (mapping.Action == MappingAction.Create)
        {
            if (mapping.ServiceId is not null)
            {
                problems.Add(problemAt(nameof(ServiceMapping.ServiceId), "must be empty when Action is Create"));
            }

            if (mapping.ProductId is not null)
            {
                problems.Add(problemAt(nameof(ServiceMapping.ProductId), "must be empty when Action is Create"));
            }
        }

        if (mapping.NameTemplate is not null && ServiceNameTemplate.Check(mapping.NameTemplate) is string templateProblem)
        {
            problems.Add(problemAt(nameof(ServiceMapping.NameTemplate), templateProblem));
        }
    }

    internal static void CheckSettings(
        BillingSettings settings, Func<string, string, MappingProblem> problemAt, ICollection<MappingProblem> problems)
    {
        CheckId(settings.RecurringBillingCodeId, nameof(BillingSettings.RecurringBillingCodeId), problemAt, problems);
        CheckId(settings.MaterialBillingCodeId, nameof(BillingSettings.MaterialBillingCodeId), problemAt, problems);
        CheckId(settings.DefaultAccountManagerResourceId, nameof(BillingSettings.DefaultAccountManagerResourceId), problemAt, problems);
        foreach (var pair in settings.VendorCompanyNames.Where(pair => string.IsNullOrWhiteSpace(pair.Value)))
        {
            problems.Add(problemAt(
                nameof(BillingSettings.VendorCompanyNames),
                $"the vendor company name for source '{pair.Key}' is empty"));
        }

        foreach (var pair in settings.VendorPhones)
        {
            if (CheckPhone(pair.Value) is string phoneProblem)
            {
                problems.Add(problemAt(nameof(BillingSettings.VendorPhones), $"the phone of vendor company '{pair.Key}': {phoneProblem}"));
            }
        }

        foreach (var pair in settings.SalesReps.Where(pair => string.IsNullOrWhiteSpace(pair.Value)))
        {
            problems.Add(problemAt(nameof(BillingSettings.SalesReps), $"the Autotask resource of sales rep '{pair.Key}' is empty"));
        }

        // One to one: two reps on one resource would make quotes of both look like one person's.
        foreach (var shared in settings.SalesReps
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .GroupBy(pair => pair.Value.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1))
        {
            problems.Add(problemAt(
                nameof(BillingSettings.SalesReps),
                $"sales reps {string.Join(", ", shared.Select(pair => $"'{pair.Key}'").OrderBy(name => name, StringComparer.OrdinalIgnoreCase))} all map to resource '{shared.Key}'; each rep is one resource"));
        }

        if (!IsCurrencyCode(settings.Currency))
        {
            problems.Add(problemAt(
                nameof(BillingSettings.Currency),
                $"'{settings.Currency}' is not a currency code; use the three capital letters of ISO 4217, e.g. USD, EUR or GBP"));
        }

        if (ServiceNameTemplate.Check(settings.ServiceNameTemplate) is string templateProblem)
        {
            problems.Add(problemAt(nameof(BillingSettings.ServiceNameTemplate), templateProblem));
        }

        CheckDefined<PricingStrategy>(settings.DefaultPricingStrategy, nameof(BillingSettings.DefaultPricingStrategy), problemAt, problems);
        CheckDefined<EffectiveDatePolicy>(settings.DefaultEffectiveDatePolicy, nameof(BillingSettings.DefaultEffectiveDatePolicy), problemAt, problems);
        CheckDefined<RemovalPolicy>(settings.RemovalPolicy, nameof(BillingSettings.RemovalPolicy), problemAt, problems);
        CheckDefined<PriceBasis>(settings.PriceBasis, nameof(BillingSettings.PriceBasis), problemAt, problems);
        if (settings.MarkupPercent < 0)
        {
            problems.Add(problemAt(
                nameof(BillingSettings.MarkupPercent),
                $"{settings.MarkupPercent} is not a usable markup; it must be a percentage of 0 or more"));
        }

        if (settings.QuantityChangeThresholdPercent <= 0)
        {
            problems.Add(problemAt(
                nameof(BillingSettings.QuantityChangeThresholdPercent),
                $"{settings.QuantityChangeThresholdPercent} is not a usable threshold; it must be a percentage above 0"));
        }

        if (settings.QuantityChangeMinimumUnits < 0)
        {
            problems.Add(problemAt(
                nameof(BillingSettings.QuantityChangeMinimumUnits),
                $"{settings.QuantityChangeMinimumUnits} is not a usable minimum; it must be 0 or more units"));
        }

        if ((settings.SyncMayCreate & ~CreatableEntities.All) != 0)
        {
            problems.Add(problemAt(
                nameof(BillingSettings.SyncMayCreate),
                $"'{settings.SyncMayCreate}' is not a set of entity kinds; use Services, Products, Companies, Contracts"));
        }
    }

    internal static Func<string, string, MappingProblem> PathProblems(string parentPath) =>
        (property, message) => new MappingProblem(parentPath + "." + MappingText.CamelCase(property), message);

    private static void CheckTarget(
        MappingAction action,
        long? id,
        string entity,
        string actionProperty,
        string idProperty,
        Func<string, string, MappingProblem> problemAt,
        ICollection<MappingProblem> problems)
    {
        CheckDefined<MappingAction>(action, actionProperty, problemAt, problems);
        CheckId(id, idProperty, problemAt, problems);
        if (action == MappingAction.Existing && id is null)
        {
            problems.Add(problemAt(
                idProperty,
                $"the {entity} id is required when {actionProperty} is Existing; use {actionProperty} Create to have sync create the {entity}"));
        }
        else if (action == MappingAction.Create && id is not null)
        {
            problems.Add(problemAt(
                idProperty,
                $"must be empty when {actionProperty} is Create; use {actionProperty} Existing to bill into {entity} {id}"));
        }
    }

    /// <summary>Contact details go into the Company sync creates: Autotask refuses a value longer than its field.</summary>
    private static void CheckCompanyText(
        string? value, string property, string companyField, Func<string, string, MappingProblem> problemAt, ICollection<MappingProblem> problems)
    {
        if (value is not null && CheckCompanyText(value, companyField) is string problem)
        {
            problems.Add(problemAt(property, problem));
        }
    }

    private static string? CheckCompanyText(string value, string companyField)
    {
        var maxLength = CompanyFieldLengths[companyField];
        var length = value.Trim().Length;
        return length == 0 ? "must not be blank; leave it out (null) when unknown"
            : length > maxLength ? $"is {length} characters; the Autotask company's {companyField} holds at most {maxLength}"
            : null;
    }

    /// <summary>A phone sync writes to a company it creates: something a person can dial, never a placeholder.</summary>
    private static string? CheckPhone(string phone) =>
        CheckCompanyText(phone, "phone")
        ?? (phone.Any(char.IsDigit) ? null : $"'{phone}' is not a phone number; it has no digits");

    private static bool IsCurrencyCode(string? code) =>
        code is not null && code.Length == 3 && code.All(c => c is >= 'A' and <= 'Z');

    private static void CheckId(
        long? id, string property, Func<string, string, MappingProblem> problemAt, ICollection<MappingProblem> problems)
    {
        if (id is long value && MappingText.CheckId(value) is string problem)
        {
            problems.Add(problemAt(property, problem));
        }
    }

    private static void CheckDefined<TEnum>(
        TEnum? value, string property, Func<string, string, MappingProblem> problemAt, ICollection<MappingProblem> problems)
        where TEnum : struct, Enum
    {
        if (value is TEnum defined && !Enum.IsDefined(typeof(TEnum), defined))
        {
            problems.Add(problemAt(
                property,
                $"{Convert.ToInt64(defined, System.Globalization.CultureInfo.InvariantCulture)} is not a defined value; use one of {string.Join(", ", Enum.GetNames(typeof(TEnum)))}"));
        }
    }
}
