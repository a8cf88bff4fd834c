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
        var reader = new CustomerRowReader(defaultSource);
        foreach (var (row, where) in ExportRows.Read(path, "Contacts", cancellationToken))
        {
            reader.Add(row, where);
        }

        return reader.Customers();
    }
}
