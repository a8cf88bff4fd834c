using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Autotask.Query;

/// <summary>
/// An Autotask QueryModel: top-level filters (ANDed), the fields to return and the page size. Immutable; each
/// With/AndWhere returns a new query. A query without filters matches every row ("id gte 0"), because Autotask
/// requires at least one filter.
/// </summary>
public sealed class AutotaskQuery
{
    public const int MaxPageSize = 500;

    private AutotaskQuery(IReadOnlyList<AutotaskFilter> filters, IReadOnlyList<string> includeFields, int? maxRecords)
    {
        if (filters.Sum(static filter => filter.CountUserDefinedFields()) > 1)
        {
            throw new ArgumentException("Autotask allows only one user-defined field per query.", nameof(filters));
        }

        Filters = filters;
        IncludeFields = includeFields;
        MaxRecords = maxRecords;
    }

    public static AutotaskQuery All { get; } = new(Array.Empty<AutotaskFilter>(), Array.Empty<string>(), null);

    public IReadOnlyList<AutotaskFilter> Filters { get; }

    /// <summary>The fields Autotask should return; empty for all. "id" is always added, paging needs it.</summary>
    public IReadOnlyList<string> IncludeFields { get; }

    /// <summary>Rows per page (Autotask's MaxRecords, 1–500); null for Autotask's default of 500.</summary>
    public int? MaxRecords { get; }

    internal int PageSize => MaxRecords ?? MaxPageSize;

    public static AutotaskQuery Where(params AutotaskFilter[] filters) => All.AndWhere(filters);

    public AutotaskQuery AndWhere(params AutotaskFilter[] filters)
    {
        if (filters is null || filters.Any(static filter => filter is null))
        {
            throw new ArgumentException("Filters must not be null.", nameof(filters));
        }

        return new AutotaskQuery(Filters.Concat(filters).ToArray(), IncludeFields, MaxRecords);
    }

    public AutotaskQuery WithIncludeFields(params string[] fields)
    {
        if (fields is null || fields.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Field names must not be empty.", nameof(fields));
        }

        var included = fields.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (included.Count > 0 && !included.Contains("id", StringComparer.OrdinalIgnoreCase))
        {
            included.Insert(0, "id");
        }

        return new AutotaskQuery(Filters, included, MaxRecords);
    }

    public AutotaskQuery WithMaxRecords(int maxRecords)
    {
        if (maxRecords is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRecords), maxRecords, "Autotask returns 1 to 500 records per page.");
        }

        return new AutotaskQuery(Filters, IncludeFields, maxRecords);
    }

    /// <summary>The QueryModel JSON exactly as the client sends it.</summary>
    public string ToJson() => AutotaskJson.Write(ToBody());

    public override string ToString() => ToJson();

    /// <param name="idGreaterThan">Adds the id cursor condition used to page without nextPageUrl.</param>
    internal JObject ToBody(long? idGreaterThan = null)
    {
        var filters = new JArray(Filters.Select(static filter => filter.ToJson()));
        if (idGreaterThan is not null)
        {
            filters.Add(AutotaskFilter.Gt("id", idGreaterThan.Value).ToJson());
        }

        if (filters.Count == 0)
        {
            filters.Add(AutotaskFilter.Gte("id", 0).ToJson());
        }

        var body = new JObject { ["filter"] = filters };
        if (IncludeFields.Count > 0)
        {
            body["includeFields"] = new JArray(IncludeFields);
        }

        if (MaxRecords is not null)
        {
            body["maxRecords"] = MaxRecords.Value;
        }

        return body;
    }
}
