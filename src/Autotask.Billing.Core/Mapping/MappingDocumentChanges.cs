namespace Autotask.Billing.Mapping;

/// <summary>
/// The changes the mapping commands make, applied to the newest document at save time (inside
/// <see cref="MappingStore.Update"/>), so a mapping another run added meanwhile is kept rather than overwritten.
/// </summary>
public static class MappingDocumentChanges
{
    /// <summary>Adds the customer mappings whose customer the document does not map yet; returns the document and those added.</summary>
    public static (MappingDocument Document, IReadOnlyList<CustomerMapping> Added) AddNewCustomers(
        MappingDocument document, IEnumerable<CustomerMapping> mappings, DateTime changedUtc)
    {
        var added = Unique(mappings, m => MappingKeys.Of(m.Source, m.CustomerId))
            .Where(m => document.FindCustomer(m.Source, m.CustomerId) is null)
            .ToList();
        return (added.Count == 0 ? document : document.WithCustomers(added, changedUtc), added);
    }

    /// <summary>Adds the SKU mappings whose SKU the document does not map yet; returns the document and those added.</summary>
    public static (MappingDocument Document, IReadOnlyList<ServiceMapping> Added) AddNewServices(
        MappingDocument document, IEnumerable<ServiceMapping> mappings, DateTime changedUtc)
    {
        var added = Unique(mappings, m => MappingKeys.Of(m.Source, m.Sku))
            .Where(m => document.FindService(m.Source, m.Sku) is null)
            .ToList();
        return (added.Count == 0 ? document : document.WithServices(added, changedUtc), added);
    }

    public static MappingDocument RemoveCustomers(MappingDocument document, IEnumerable<(string Source, string CustomerId)> keys) =>
        keys.Aggregate(document, (current, key) => current.WithoutCustomer(key.Source, key.CustomerId));

    public static MappingDocument RemoveServices(MappingDocument document, IEnumerable<(string Source, string Sku)> keys) =>
        keys.Aggregate(document, (current, key) => current.WithoutService(key.Source, key.Sku));

    /// <summary>The last mapping per key wins, as when the same customer appears twice in a CSV.</summary>
    internal static IEnumerable<T> Unique<T>(IEnumerable<T> items, Func<T, string> keyOf)
    {
        var byKey = new Dictionary<string, T>(MappingKeys.Comparer);
        var order = new List<string>();
        foreach (var item in items ?? throw new ArgumentNullException(nameof(items)))
        {
            var key = keyOf(item);
            if (!byKey.ContainsKey(key))
            {
                order.Add(key);
            }

            byKey[key] = item;
        }

        return order.Select(key => byKey[key]);
    }
}
