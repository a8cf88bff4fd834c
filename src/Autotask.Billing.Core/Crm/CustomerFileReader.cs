using Autotask.Billing.Tabular;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Crm;

/// <summary>
/// Reads customers with their contacts from a sales or vendor system's export through the same tabular readers as
/// billing files (CSV with any common delimiter and encoding, gzip, or a JSON array): one row per contact with the
/// customer's columns repeated, or JSON objects with a nested Contacts array. Rows go through
/// <see cref="CustomerRowReader"/>, the one place that knows the column names.
/// </summary>
public static class CustomerFileReader
{
    public static IReadOnlyList<CrmCustomer> Read(string path, string? defaultSource, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var text = SourceText.Sniff(path);
        using IRecordSource source = text.LooksLikeJson ? new JsonRecordSource(text, arrayProperty: null) : new CsvRecordSource(text);
        var reader = new CustomerRowReader(defaultSource);
        foreach (var record in source.Records(cancellationToken))
        {
            if (source.IsRepeatedHeader(record))
            {
                continue;
            }

            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var names = record.Schema.Names;
            for (var i = 0; i < names.Count && i < record.FieldCount; i++)
            {
                row[names[i]] = ValueOf(names[i], record[i]);
            }

            try
            {
                reader.Add(row, $"{path}, line {record.LineNumber}");
            }
            catch (Newtonsoft.Json.JsonException exception)
            {
                throw new CustomerInputException($"{path}, line {record.LineNumber}: the Contacts value is not a JSON array ({exception.Message}).");
            }
        }

        return reader.Customers();
    }

    /// <summary>JSON keeps nested arrays as text; a Contacts array becomes the list of contact objects it holds.</summary>
    private static object? ValueOf(string name, string? value)
    {
        if (value is null || !string.Equals(name, "Contacts", StringComparison.OrdinalIgnoreCase) || !value.TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            return value;
        }

        return JArray.Parse(value)
            .OfType<JObject>()
            .Select(static item => (IReadOnlyDictionary<string, object?>)item.Properties()
                .ToDictionary(static p => p.Name, static p => p.Value.Type == JTokenType.Null ? null : (object?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase))
            .ToList();
    }
}
