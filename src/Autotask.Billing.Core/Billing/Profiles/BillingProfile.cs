using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Autotask.Billing;

/// <summary>
/// A column map that reads any vendor's CSV (or flat JSON line items) into transactions: which columns hold which
/// Transaction property, which words mean which charge type, which rows are not charges, and the date and number
/// conventions. A new vendor is a JSON file, not code. Schema: Billing/PROFILES.md.
/// </summary>
public sealed class BillingProfile
{
    /// <summary>Transaction properties a profile can map.</summary>
    public static readonly IReadOnlyList<string> MappableFields = new[]
    {
        nameof(Transaction.TransactionId), nameof(Transaction.CustomerId), nameof(Transaction.CustomerName),
        nameof(Transaction.CustomerDomain), nameof(Transaction.CustomerPhone), nameof(Transaction.CustomerAddress),
        nameof(Transaction.CustomerCity), nameof(Transaction.CustomerState), nameof(Transaction.CustomerPostalCode),
        nameof(Transaction.Sku), nameof(Transaction.ProductName),
        nameof(Transaction.Description), nameof(Transaction.ChargeType), nameof(Transaction.Category),
        nameof(Transaction.Quantity), nameof(Transaction.UnitPrice), nameof(Transaction.UnitCost),
        nameof(Transaction.Amount), nameof(Transaction.Currency), nameof(Transaction.ServiceStart),
        nameof(Transaction.ServiceEnd), nameof(Transaction.OrderDate), nameof(Transaction.SubscriptionId),
        nameof(Transaction.BillingCycle), nameof(Transaction.Term), nameof(Transaction.ReferenceId),
        nameof(Transaction.IsProrated), nameof(Transaction.IsTrial),
    };

    private const string ResourcePrefix = "Autotask.Billing.Profiles.";

    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        MissingMemberHandling = MissingMemberHandling.Error,
    };

    /// <summary>Short name, e.g. "intermedia-balance"; embedded profiles load by it.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Source name stamped on every transaction, e.g. "Intermedia".</summary>
    public string Source { get; init; } = string.Empty;

    public string? Description { get; init; }

    /// <summary>Header names that, all present, identify this profile's files during format detection.</summary>
    public IReadOnlyList<string> DetectColumns { get; init; } = Array.Empty<string>();

    /// <summary>For JSON input: the envelope property holding the line items, when not items/content/value/data.</summary>
    public string? JsonArrayProperty { get; init; }

    /// <summary>Transaction property → accepted header names, first match wins.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Columns { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Header names whose values, joined with '|', make the transaction id when the TransactionId column is
    /// absent or empty (e.g. transaction id + charge item id).
    /// </summary>
    public IReadOnlyList<string> TransactionIdColumns { get; init; } = Array.Empty<string>();

    /// <summary>Transaction properties a file must have columns for. Default: CustomerId, Sku, Quantity.</summary>
    public IReadOnlyList<string> Required { get; init; } =
        new[] { nameof(Transaction.CustomerId), nameof(Transaction.Sku), nameof(Transaction.Quantity) };

    /// <summary>Tried in order; the first that holds gives the charge type.</summary>
    public IReadOnlyList<BillingProfileChargeTypeRule> ChargeTypeRules { get; init; } = Array.Empty<BillingProfileChargeTypeRule>();

    /// <summary>Charge type when no rule holds and no ChargeType column is mapped; null makes such a row a problem.</summary>
    public ChargeType? DefaultChargeType { get; init; }

    /// <summary>Only these categories are billing lines (Intermedia: MR, AL); others count under CategoryNotInProfile.</summary>
    public IReadOnlyList<string> IncludeCategories { get; init; } = Array.Empty<string>();

    /// <summary>Records that are not billing lines (payments, subtotals), each counted under its rule name.</summary>
    public IReadOnlyList<BillingProfileSkipRule> SkipWhen { get; init; } = Array.Empty<BillingProfileSkipRule>();

    /// <summary>Marks trial lines when no IsTrial column is mapped.</summary>
    public BillingProfileCondition? TrialWhen { get; init; }

    /// <summary>Extra .NET date formats tried before the built-in ones (ISO, M/d/yyyy, d.M.yyyy).</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The culture (e.g. "en-GB", "en-US") whose day/month order the vendor writes slash dates in. Without it a date
    /// such as 08/10/2026 that reads both ways is rejected; -Culture on the cmdlets wins over it.
    /// </summary>
    public string? Culture { get; init; }

    /// <summary>The resolved <see cref="Culture"/>, or null when none is declared.</summary>
    [JsonIgnore]
    public System.Globalization.CultureInfo? DateCulture => BillingCulture.TryResolve(Culture, out var culture, out _) ? culture : null;

    /// <summary>"." (default) or ",".</summary>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary>Currency when the file has none.</summary>
    public string? DefaultCurrency { get; init; }

    /// <summary>Names of the profiles shipped inside the assembly.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(BillingProfile).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n.Substring(ResourcePrefix.Length, n.Length - ResourcePrefix.Length - ".json".Length))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    internal static IReadOnlyList<BillingProfile> AllEmbedded => LazyEmbedded.Value;

    private static Lazy<IReadOnlyList<BillingProfile>> LazyEmbedded { get; } =
        new(() => EmbeddedNames.Select(Embedded).ToList());

    /// <summary>A shipped profile by name (case-insensitive), e.g. "intermedia-balance", "pax8-invoice-items".</summary>
    public static BillingProfile Embedded(string name)
    {
        var match = EmbeddedNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new BillingProfileException(name, $"no such embedded profile; known: {string.Join(", ", EmbeddedNames)}.");
        using var stream = typeof(BillingProfile).Assembly.GetManifestResourceStream(ResourcePrefix + match + ".json")!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), match);
    }

    /// <summary>A profile from a JSON file.</summary>
    public static BillingProfile Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new BillingProfileException(path, ex.Message, ex);
        }

        return Parse(json, path);
    }

    /// <summary>A profile from JSON text; <paramref name="origin"/> names it in errors.</summary>
    public static BillingProfile Parse(string json, string origin)
    {
        BillingProfile? profile;
        try
        {
            profile = JsonConvert.DeserializeObject<BillingProfile>(json, Settings);
        }
        catch (JsonException ex)
        {
            throw new BillingProfileException(origin, ex.Message, ex);
        }

        if (profile is null)
        {
            throw new BillingProfileException(origin, "the file is empty.");
        }

        profile.Validate(origin);
        return profile;
    }

    /// <summary>The header names mapped to a Transaction property, or none.</summary>
    public IReadOnlyList<string> ColumnsFor(string field) =>
        Columns.FirstOrDefault(c => string.Equals(c.Key, field, StringComparison.OrdinalIgnoreCase)).Value
        ?? (IReadOnlyList<string>)Array.Empty<string>();

    public override string ToString() => $"{Name} ({Source})";

    private void Validate(string origin)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("'name' is required");
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            errors.Add("'source' is required");
        }

        errors.AddRange(Columns.Keys
            .Where(k => !MappableFields.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => $"'columns.{k}' is not a Transaction property ({string.Join(", ", MappableFields)})"));
        errors.AddRange(Required
            .Where(r => ColumnsFor(r).Count == 0 && !(r == nameof(Transaction.TransactionId) && TransactionIdColumns.Count > 0))
            .Select(r => $"required '{r}' has no entry in 'columns'"));
        if (ColumnsFor(nameof(Transaction.TransactionId)).Count == 0 && TransactionIdColumns.Count == 0)
        {
            errors.Add("'columns.TransactionId' or 'transactionIdColumns' is required");
        }

        if (ChargeTypeRules.Count == 0 && DefaultChargeType is null && ColumnsFor(nameof(Transaction.ChargeType)).Count == 0)
        {
            errors.Add("'chargeTypeRules', 'defaultChargeType' or 'columns.ChargeType' is required");
        }

        if (!string.IsNullOrWhiteSpace(Culture) && !BillingCulture.TryResolve(Culture, out _, out var cultureProblem))
        {
            errors.Add($"'culture' {cultureProblem}");
        }

        if (DecimalSeparator != "." && DecimalSeparator != ",")
        {
            errors.Add("'decimalSeparator' must be \".\" or \",\"");
        }

        var conditions = ChargeTypeRules.Select(r => r.When).Concat(SkipWhen.Select(s => s.When));
        if (TrialWhen is not null)
        {
            conditions = conditions.Append(TrialWhen);
        }

        foreach (var condition in conditions)
        {
            var tests = (condition.AnyOf is null ? 0 : 1) + (condition.Negative ? 1 : 0) + (condition.NotEmpty ? 1 : 0);
            if (string.IsNullOrWhiteSpace(condition.Column) || tests != 1)
            {
                errors.Add($"condition '{condition}' needs a column and exactly one of anyOf, negative, notEmpty");
            }
        }

        errors.AddRange(SkipWhen.Where(s => string.IsNullOrWhiteSpace(s.Rule)).Select(s => $"skip rule on '{s.When}' needs a 'rule' name"));
        if (errors.Count > 0)
        {
            throw new BillingProfileException(origin, string.Join("; ", errors) + ".");
        }
    }
}
