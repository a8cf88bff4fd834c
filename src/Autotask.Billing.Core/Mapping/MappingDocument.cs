namespace Autotask.Billing.Mapping;

/// <summary>
/// The content of one mapping store: customer mappings, SKU mappings and setup settings. Immutable: every change
/// returns a new document, so a run can load, change and save without half-applied edits.
/// </summary>
public sealed class MappingDocument
{
    public const int CurrentSchemaVersion = 1;

    // Keyed by (source, id) pairs compared as their key strings would be: a lookup builds no string.
    private readonly Dictionary<(string, string), CustomerMapping> customersByKey;
    private readonly Dictionary<(string, string), ServiceMapping> servicesByKey;

    public MappingDocument(
        BillingSettings settings,
        IEnumerable<CustomerMapping> customers,
        IEnumerable<ServiceMapping> services)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        customersByKey = IndexUnique(customers, c => (c.Source, c.CustomerId), "customer", nameof(customers));
        servicesByKey = IndexUnique(services, s => (s.Source, s.Sku), "SKU", nameof(services));
        Customers = customersByKey.Values
            .OrderBy(c => c, Comparer<CustomerMapping>.Create((a, b) => MappingKeys.Compare(a.Source, a.CustomerId, b.Source, b.CustomerId)))
            .ToList();
        Services = servicesByKey.Values
            .OrderBy(s => s, Comparer<ServiceMapping>.Create((a, b) => MappingKeys.Compare(a.Source, a.Sku, b.Source, b.Sku)))
            .ToList();
    }

    public static MappingDocument Empty { get; } =
        new(BillingSettings.Default, Array.Empty<CustomerMapping>(), Array.Empty<ServiceMapping>());

    public int SchemaVersion => CurrentSchemaVersion;

    public BillingSettings Settings { get; }

    /// <summary>Customer mappings ordered by source and customer id, the order they are stored in.</summary>
    public IReadOnlyList<CustomerMapping> Customers { get; }

    /// <summary>SKU mappings ordered by source and SKU, the order they are stored in.</summary>
    public IReadOnlyList<ServiceMapping> Services { get; }

    public CustomerMapping? FindCustomer(string source, string customerId) =>
        customersByKey.TryGetValue((source.Trim(), customerId.Trim()), out var mapping) ? mapping : null;

    public ServiceMapping? FindService(string source, string sku) =>
        servicesByKey.TryGetValue((source.Trim(), sku.Trim()), out var mapping) ? mapping : null;

    public MappingDocument WithCustomer(CustomerMapping mapping, DateTime changedUtc) =>
        WithCustomers(new[] { mapping }, changedUtc);

    /// <summary>
    /// Adds or replaces customer mappings. A replaced mapping keeps its creation time; the update time moves only
    /// when something other than the timestamps changed, so re-applying the same CSV leaves the file as it was.
    /// </summary>
    public MappingDocument WithCustomers(IEnumerable<CustomerMapping> mappings, DateTime changedUtc)
    {
        var stamp = RequireUtc(changedUtc);
        var next = new Dictionary<(string, string), CustomerMapping>(customersByKey, MappingKeys.PairComparer);
        foreach (var mapping in mappings)
        {
            var key = (mapping.Source, mapping.CustomerId);
            next[key] = customersByKey.TryGetValue(key, out var existing)
                ? mapping.SameSettingsAs(existing)
                    ? existing
                    : mapping with { CreatedUtc = existing.CreatedUtc ?? stamp, UpdatedUtc = stamp }
                : mapping with { CreatedUtc = stamp, UpdatedUtc = stamp };
        }

        return new MappingDocument(Settings, next.Values, Services);
    }

    public MappingDocument WithoutCustomer(string source, string customerId) =>
        new(Settings, Customers.Where(c => !IsKey(c.Source, c.CustomerId, source, customerId)), Services);

    public MappingDocument WithService(ServiceMapping mapping, DateTime changedUtc) =>
        WithServices(new[] { mapping }, changedUtc);

    /// <summary>Adds or replaces SKU mappings, stamping times as <see cref="WithCustomers"/> does.</summary>
    public MappingDocument WithServices(IEnumerable<ServiceMapping> mappings, DateTime changedUtc)
    {
        var stamp = RequireUtc(changedUtc);
        var next = new Dictionary<(string, string), ServiceMapping>(servicesByKey, MappingKeys.PairComparer);
        foreach (var mapping in mappings)
        {
            var key = (mapping.Source, mapping.Sku);
            next[key] = servicesByKey.TryGetValue(key, out var existing)
                ? mapping.SameSettingsAs(existing)
                    ? existing
                    : mapping with { CreatedUtc = existing.CreatedUtc ?? stamp, UpdatedUtc = stamp }
                : mapping with { CreatedUtc = stamp, UpdatedUtc = stamp };
        }

        return new MappingDocument(Settings, Customers, next.Values);
    }

    public MappingDocument WithoutService(string source, string sku) =>
        new(Settings, Customers, Services.Where(s => !IsKey(s.Source, s.Sku, source, sku)));

    public MappingDocument WithSettings(BillingSettings settings) => new(settings, Customers, Services);

    private static bool IsKey(string source, string id, string wantedSource, string wantedId) =>
        MappingKeys.Comparer.Equals(source, wantedSource.Trim()) && MappingKeys.Comparer.Equals(id, wantedId.Trim());

    /// <summary>Stamps are kept to whole seconds: finer ones only add noise to a file people read and diff.</summary>
    private static DateTime RequireUtc(DateTime value) =>
        value.Kind == DateTimeKind.Utc
            ? new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc)
            : throw new ArgumentException("The change time must be a UTC time (DateTimeKind.Utc).", nameof(value));

    private static Dictionary<(string, string), T> IndexUnique<T>(
        IEnumerable<T> items, Func<T, (string, string)> keyOf, string what, string parameterName)
    {
        var index = new Dictionary<(string, string), T>(MappingKeys.PairComparer);
        foreach (var item in items ?? throw new ArgumentNullException(parameterName))
        {
            if (item is null)
            {
                throw new ArgumentException($"A {what} mapping is null.", parameterName);
            }

            var key = keyOf(item);
            if (index.ContainsKey(key))
            {
                throw new ArgumentException(
                    $"Two {what} mappings have the key '{MappingKeys.Of(key.Item1, key.Item2).Replace(MappingKeys.Separator, '/')}'.", parameterName);
            }

            index.Add(key, item);
        }

        return index;
    }
}
