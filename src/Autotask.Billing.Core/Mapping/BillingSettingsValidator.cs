namespace Autotask.Billing.Mapping;

/// <summary>
/// Checks setup settings against what the Autotask database holds: billing codes and the account manager must
/// exist, be active and be of the right kind. A refusal lists the valid choices by name and id.
/// </summary>
public static class BillingSettingsValidator
{
    public const string RecurringUseType = "Recurring Contract Service";
    public const string MaterialUseType = "Material";
    private const int ListedChoices = 40;

    public static IReadOnlyList<MappingProblem> Validate(
        BillingSettings settings, IEnumerable<BillingCodeInfo> billingCodes, IEnumerable<ResourceInfo> resources)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        var codes = (billingCodes ?? throw new ArgumentNullException(nameof(billingCodes))).ToList();
        var people = (resources ?? throw new ArgumentNullException(nameof(resources))).ToList();
        var problems = new List<MappingProblem>();
        CheckCode(settings.RecurringBillingCodeId, nameof(BillingSettings.RecurringBillingCodeId), RecurringUseType, "Recurring", codes, CreatableEntities.Services, "services", settings, problems);
        CheckCode(settings.MaterialBillingCodeId, nameof(BillingSettings.MaterialBillingCodeId), MaterialUseType, "Material", codes, CreatableEntities.Products, "products", settings, problems);
        var managerPath = Path(nameof(BillingSettings.DefaultAccountManagerResourceId));
        if (settings.DefaultAccountManagerResourceId is long resourceId)
        {
            if (CheckAccountManager(resourceId, people) is string problem)
            {
                problems.Add(new MappingProblem(managerPath, problem));
            }
        }
        else if ((settings.SyncMayCreate & CreatableEntities.Companies) != 0)
        {
            problems.Add(new MappingProblem(
                managerPath,
                $"sync may create companies, so a default account manager is required; {ValidResources(people)}"));
        }

        return problems;
    }

    /// <summary>Why the code cannot bill new services, or null when it can.</summary>
    public static string? CheckRecurringBillingCode(long billingCodeId, IEnumerable<BillingCodeInfo> billingCodes) =>
        CheckCode(billingCodeId, RecurringUseType, "Recurring", billingCodes.ToList());

    /// <summary>Why the code cannot be the material code of new products, or null when it can.</summary>
    public static string? CheckMaterialBillingCode(long billingCodeId, IEnumerable<BillingCodeInfo> billingCodes) =>
        CheckCode(billingCodeId, MaterialUseType, "Material", billingCodes.ToList());

    /// <summary>Why the resource cannot own new companies, or null when it can.</summary>
    public static string? CheckAccountManager(long resourceId, IEnumerable<ResourceInfo> resources)
    {
        var people = resources.ToList();
        var resource = people.FirstOrDefault(r => r.ResourceId == resourceId);
        if (resource is null)
        {
            return $"resource {resourceId} does not exist in this Autotask database; {ValidResources(people)}";
        }

        return resource.IsActive
            ? null
            : $"resource {resource.Name} ({resourceId}) is inactive; {ValidResources(people)}";
    }

    private static void CheckCode(
        long? billingCodeId,
        string property,
        string useType,
        string keyword,
        List<BillingCodeInfo> codes,
        CreatableEntities neededFor,
        string createdThings,
        BillingSettings settings,
        List<MappingProblem> problems)
    {
        if (billingCodeId is long id)
        {
            if (CheckCode(id, useType, keyword, codes) is string problem)
            {
                problems.Add(new MappingProblem(Path(property), problem));
            }
        }
        else if ((settings.SyncMayCreate & neededFor) != 0)
        {
            problems.Add(new MappingProblem(
                Path(property),
                $"sync may create {createdThings}, so a {useType} billing code is required; {ValidCodes(codes, useType, keyword)}"));
        }
    }

    private static string? CheckCode(long billingCodeId, string useType, string keyword, List<BillingCodeInfo> codes)
    {
        var code = codes.FirstOrDefault(c => c.BillingCodeId == billingCodeId);
        if (code is null)
        {
            return $"billing code {billingCodeId} does not exist in this Autotask database; {ValidCodes(codes, useType, keyword)}";
        }

        if (!IsOfUse(code, keyword))
        {
            return $"billing code {code.Name} ({billingCodeId}) is a {code.UseType} code, not a {useType} code; {ValidCodes(codes, useType, keyword)}";
        }

        return code.IsActive
            ? null
            : $"billing code {code.Name} ({billingCodeId}) is inactive; {ValidCodes(codes, useType, keyword)}";
    }

    /// <summary>Labels differ between tenants and API versions ("Recurring Contract Service", "Recurring Contract"); an unknown label is not held against the code.</summary>
    private static bool IsOfUse(BillingCodeInfo code, string keyword) =>
        string.IsNullOrWhiteSpace(code.UseType) || code.UseType!.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0;

    private static string ValidCodes(List<BillingCodeInfo> codes, string useType, string keyword) =>
        Choices($"active {useType} billing codes", codes.Where(c => c.IsActive && IsOfUse(c, keyword)).Select(c => (c.Name, c.BillingCodeId)));

    private static string ValidResources(List<ResourceInfo> resources) =>
        Choices("active resources", resources.Where(r => r.IsActive).Select(r => (r.Name, r.ResourceId)));

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

    private static string Path(string property) => "settings." + MappingText.CamelCase(property);
}
