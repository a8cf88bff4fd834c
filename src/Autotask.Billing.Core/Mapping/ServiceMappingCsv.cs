namespace Autotask.Billing.Mapping;

/// <summary>SKU mappings as flat rows for <c>Export-Csv</c> / <c>Import-Csv</c>, on the same terms as <see cref="CustomerMappingCsv"/>.</summary>
public static class ServiceMappingCsv
{
    public static IReadOnlyList<string> Columns { get; } = new[]
    {
        nameof(ServiceMapping.Source),
        nameof(ServiceMapping.Sku),
        nameof(ServiceMapping.Action),
        nameof(ServiceMapping.ServiceId),
        nameof(ServiceMapping.ProductId),
        nameof(ServiceMapping.NameTemplate),
        nameof(ServiceMapping.Excluded),
        nameof(ServiceMapping.Notes),
        nameof(ServiceMapping.CreatedUtc),
        nameof(ServiceMapping.UpdatedUtc),
    };

    public static IReadOnlyList<KeyValuePair<string, string>> ToRow(ServiceMapping mapping)
    {
        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        var values = new[]
        {
            mapping.Source,
            mapping.Sku,
            mapping.Action.ToString(),
            MappingText.FormatId(mapping.ServiceId),
            MappingText.FormatId(mapping.ProductId),
            mapping.NameTemplate ?? string.Empty,
            MappingText.FormatBool(mapping.Excluded),
            mapping.Notes ?? string.Empty,
            MappingText.FormatTimestamp(mapping.CreatedUtc),
            MappingText.FormatTimestamp(mapping.UpdatedUtc),
        };
        return Columns.Select((column, i) => new KeyValuePair<string, string>(column, values[i])).ToList();
    }

    public static ServiceMapping? FromRow(IReadOnlyDictionary<string, string?> row, int rowNumber, ICollection<MappingProblem> problems)
    {
        var found = new List<MappingProblem>();
        var reader = new CsvRowReader(row, rowNumber, found);
        var source = reader.Text(nameof(ServiceMapping.Source), required: true);
        var sku = reader.Text(nameof(ServiceMapping.Sku), required: true);
        var action = reader.Enum<MappingAction>(nameof(ServiceMapping.Action), "an action");
        if (action is null && !reader.Has(nameof(ServiceMapping.Action))
            && !reader.Has(nameof(ServiceMapping.ServiceId)) && !reader.Has(nameof(ServiceMapping.ProductId)))
        {
            reader.Text(nameof(ServiceMapping.Action), required: true);
        }

        var serviceId = reader.Id(nameof(ServiceMapping.ServiceId));
        var productId = reader.Id(nameof(ServiceMapping.ProductId));
        var template = reader.Text(nameof(ServiceMapping.NameTemplate));
        var excluded = reader.Bool(nameof(ServiceMapping.Excluded), defaultValue: false);
        var notes = reader.Text(nameof(ServiceMapping.Notes));
        var mapping = source is null || sku is null
            ? null
            : new ServiceMapping(source, sku)
            {
                Action = action ?? MappingAction.Existing,
                ServiceId = serviceId,
                ProductId = productId,
                NameTemplate = template,
                Excluded = excluded,
                Notes = notes,
            };
        if (found.Count == 0 && mapping is not null)
        {
            MappingDocumentValidator.CheckService(mapping, reader.ProblemAt, found);
        }

        foreach (var problem in found)
        {
            problems.Add(problem);
        }

        return found.Count == 0 ? mapping : null;
    }

    public static IReadOnlyList<ServiceMapping> FromRows(IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        var problems = new List<MappingProblem>();
        var mappings = rows.Select((row, i) => FromRow(row, i + 1, problems)).ToList();
        return problems.Count == 0
            ? mappings.OfType<ServiceMapping>().ToList()
            : throw new MappingValidationException("The CSV input", problems);
    }
}
