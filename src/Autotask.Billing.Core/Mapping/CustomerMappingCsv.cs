namespace Autotask.Billing.Mapping;

/// <summary>
/// Customer mappings as flat rows for <c>Export-Csv</c> / <c>Import-Csv</c>: one column per property, text that
/// round-trips (ids, enum words, <c>yyyy-MM-dd</c> dates, empty for none). CreatedUtc and UpdatedUtc are written for
/// reference and ignored when read back; the store stamps them.
/// </summary>
public static class CustomerMappingCsv
{
    public static IReadOnlyList<string> Columns { get; } = new[]
    {
        nameof(CustomerMapping.Source),
        nameof(CustomerMapping.CustomerId),
        nameof(CustomerMapping.CustomerName),
        nameof(CustomerMapping.CompanyAction),
        nameof(CustomerMapping.CompanyId),
        nameof(CustomerMapping.ContractAction),
        nameof(CustomerMapping.ContractId),
        nameof(CustomerMapping.Export),
        nameof(CustomerMapping.PricingStrategy),
        nameof(CustomerMapping.EffectiveDatePolicy),
        nameof(CustomerMapping.SyncStartDate),
        nameof(CustomerMapping.Phone),
        nameof(CustomerMapping.Address),
        nameof(CustomerMapping.City),
        nameof(CustomerMapping.State),
        nameof(CustomerMapping.PostalCode),
        nameof(CustomerMapping.WebAddress),
        nameof(CustomerMapping.Notes),
        nameof(CustomerMapping.CreatedUtc),
        nameof(CustomerMapping.UpdatedUtc),
    };

    public static IReadOnlyList<KeyValuePair<string, string>> ToRow(CustomerMapping mapping)
    {
        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        var values = new[]
        {
            mapping.Source,
            mapping.CustomerId,
            mapping.CustomerName ?? string.Empty,
            mapping.CompanyAction.ToString(),
            MappingText.FormatId(mapping.CompanyId),
            mapping.ContractAction.ToString(),
            MappingText.FormatId(mapping.ContractId),
            MappingText.FormatBool(mapping.Export),
            mapping.PricingStrategy?.ToString() ?? string.Empty,
            mapping.EffectiveDatePolicy?.ToString() ?? string.Empty,
            MappingText.FormatDate(mapping.SyncStartDate),
            mapping.Phone ?? string.Empty,
            mapping.Address ?? string.Empty,
            mapping.City ?? string.Empty,
            mapping.State ?? string.Empty,
            mapping.PostalCode ?? string.Empty,
            mapping.WebAddress ?? string.Empty,
            mapping.Notes ?? string.Empty,
            MappingText.FormatTimestamp(mapping.CreatedUtc),
            MappingText.FormatTimestamp(mapping.UpdatedUtc),
        };
        return Columns.Select((column, i) => new KeyValuePair<string, string>(column, values[i])).ToList();
    }

    /// <summary>
    /// Reads one row; <paramref name="rowNumber"/> (1 for the first row after the header) names it in problems.
    /// Returns null, with the reasons added to <paramref name="problems"/>, when the row cannot be a mapping.
    /// </summary>
    public static CustomerMapping? FromRow(IReadOnlyDictionary<string, string?> row, int rowNumber, ICollection<MappingProblem> problems)
    {
        var found = new List<MappingProblem>();
        var reader = new CsvRowReader(row, rowNumber, found);
        var source = reader.Text(nameof(CustomerMapping.Source), required: true);
        var customerId = reader.Text(nameof(CustomerMapping.CustomerId), required: true);
        var companyAction = Action(reader, nameof(CustomerMapping.CompanyAction), nameof(CustomerMapping.CompanyId), "a company action");
        var contractAction = Action(reader, nameof(CustomerMapping.ContractAction), nameof(CustomerMapping.ContractId), "a contract action");
        var customerName = reader.Text(nameof(CustomerMapping.CustomerName));
        var companyId = reader.Id(nameof(CustomerMapping.CompanyId));
        var contractId = reader.Id(nameof(CustomerMapping.ContractId));
        var export = reader.Bool(nameof(CustomerMapping.Export), defaultValue: true);
        var pricing = reader.Enum<PricingStrategy>(nameof(CustomerMapping.PricingStrategy), "a pricing strategy");
        var datePolicy = reader.Enum<EffectiveDatePolicy>(nameof(CustomerMapping.EffectiveDatePolicy), "an effective-date policy");
        var syncStart = reader.Date(nameof(CustomerMapping.SyncStartDate));
        var phone = reader.Text(nameof(CustomerMapping.Phone));
        var address = reader.Text(nameof(CustomerMapping.Address));
        var city = reader.Text(nameof(CustomerMapping.City));
        var state = reader.Text(nameof(CustomerMapping.State));
        var postalCode = reader.Text(nameof(CustomerMapping.PostalCode));
        var webAddress = reader.Text(nameof(CustomerMapping.WebAddress));
        var notes = reader.Text(nameof(CustomerMapping.Notes));
        var mapping = source is null || customerId is null
            ? null
            : new CustomerMapping(source, customerId)
            {
                CustomerName = customerName,
                CompanyAction = companyAction,
                CompanyId = companyId,
                ContractAction = contractAction,
                ContractId = contractId,
                Export = export,
                PricingStrategy = pricing,
                EffectiveDatePolicy = datePolicy,
                SyncStartDate = syncStart,
                Phone = phone,
                Address = address,
                City = city,
                State = state,
                PostalCode = postalCode,
                WebAddress = webAddress,
                Notes = notes,
            };
        if (found.Count == 0 && mapping is not null)
        {
            MappingDocumentValidator.CheckCustomer(mapping, reader.ProblemAt, found);
        }

        foreach (var problem in found)
        {
            problems.Add(problem);
        }

        return found.Count == 0 ? mapping : null;
    }

    /// <summary>Reads every row, or throws <see cref="MappingValidationException"/> with the problems of all rows.</summary>
    public static IReadOnlyList<CustomerMapping> FromRows(IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        var problems = new List<MappingProblem>();
        var mappings = rows.Select((row, i) => FromRow(row, i + 1, problems)).ToList();
        return problems.Count == 0
            ? mappings.OfType<CustomerMapping>().ToList()
            : throw new MappingValidationException("The CSV input", problems);
    }

    /// <summary>As in the store file, an action may be left empty when the id is given.</summary>
    internal static MappingAction Action(CsvRowReader reader, string actionColumn, string idColumn, string what)
    {
        if (reader.Enum<MappingAction>(actionColumn, what) is MappingAction action)
        {
            return action;
        }

        if (!reader.Has(actionColumn) && !reader.Has(idColumn))
        {
            reader.Text(actionColumn, required: true);
        }

        return MappingAction.Existing;
    }
}
