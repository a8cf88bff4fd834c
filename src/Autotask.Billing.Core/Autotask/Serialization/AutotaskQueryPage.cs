namespace Autotask.Billing.Autotask.Serialization;

/// <summary>
/// One page of a query's answer, <c>{"items": [...], "pageDetails": {...}}</c>, read straight from the response into
/// entities by <see cref="AutotaskJson.Serializer"/> (its converters and contract resolver, unknown fields ignored).
/// </summary>
internal sealed class AutotaskQueryPage<T>
    where T : class
{
    /// <summary>Null when Autotask sent none; a null entry (never seen, but possible in JSON) is skipped as before.</summary>
    public List<T?>? Items { get; init; }

    public AutotaskPageDetails? PageDetails { get; init; }

    public IReadOnlyList<T> Rows()
    {
        if (Items is null || Items.Count == 0)
        {
            return Array.Empty<T>();
        }

        var rows = new List<T>(Items.Count);
        foreach (var item in Items)
        {
            if (item is not null)
            {
                rows.Add(item);
            }
        }

        return rows;
    }

    /// <summary>The next page's absolute URL, or null on the last page (or when Autotask sent something else).</summary>
    public Uri? NextPageUrl() =>
        Uri.TryCreate(PageDetails?.NextPageUrl, UriKind.Absolute, out var url) ? url : null;
}
