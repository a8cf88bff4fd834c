using Autotask.Billing.Tabular;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Crm;

/// <summary>
/// The rows of a sales or vendor system's export as property bags, through the same tabular readers as billing files
/// (CSV with any common delimiter and encoding, gzip, or a JSON array). A nested array (a customer's contacts, a
/// document's lines), which JSON keeps as text, becomes a list of property bags.
/// </summary>
internal static class ExportRows
{
    public static IEnumerable<(IReadOnlyDictionary<string, object?> Row, string Where)> Read(string path, string? nestedArray, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var text = SourceText.Sniff(path);
        using IRecordSource source = text.LooksLikeJson ? new JsonRecordSource(text, arrayProperty: null) : new CsvRecordSource(text);
        foreach (var record in source.Records(cancellationToken))
        {
            if (source.IsRepeatedHeader(record))
            {
                continue;
            }

            var where = $"{path}, line {record.LineNumber}";
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var names = record.Schema.Names;
            for (var i = 0; i < names.Count && i < record.FieldCount; i++)
            {
                row[names[i]] = ValueOf(names[i], record[i], nestedArray, where);
            }

            yield return (row, where);
        }
    }

    private static object? ValueOf(string name, string? value, string? nestedArray, string where)
    {
        if (value is null || nestedArray is null || !string.Equals(name, nestedArray, StringComparison.OrdinalIgnoreCase)
            || !value.TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return JArray.Parse(value)
                .OfType<JObject>()
                .Select(static item => (IReadOnlyDictionary<string, object?>)item.Properties()
                    .ToDictionary(static p => p.Name, static p => p.Value.Type == JTokenType.Null ? null : (object?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase))
                .ToList();
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            throw new CustomerInputException($"{where}: the {name} value is not a JSON array ({exception.Message}).");
        }
    }
}
