using System.Globalization;
using System.Text;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reporting;
using CsvHelper;
using CsvHelper.Configuration;

namespace Autotask.Billing.Crm;

/// <summary>
/// PULL: Autotask companies with their selected contacts in the shape a sales system imports (and Get-AtCustomer
/// reads back): one CSV row per contact with the company's columns repeated. Each company keeps the customer id a
/// mapping already pairs it with, else takes its account number (companyNumber), else its Autotask id; the pairings
/// go to the mapping store, so a later push of the same customers updates these companies instead of duplicating them.
/// </summary>
public static class CustomerExport
{
    private static readonly string[] Columns =
    {
        "Source", "CustomerId", "CustomerName", "Phone", "Address", "City", "State", "PostalCode", "WebAddress",
        "FirstName", "LastName", "EmailAddress", "ContactPhone", "MobilePhone", "Title", "PrimaryContact",
    };

    public static IReadOnlyList<CrmCustomer> ToCustomers(
        string source,
        IEnumerable<CompanyRecord> companies,
        IEnumerable<ContactRecord> contacts,
        MappingDocument document,
        ContactSelection selection = ContactSelection.All,
        Func<CrmContact, bool>? filter = null)
    {
        var system = CrmText.Require(source, nameof(source));
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var paired = document.Customers
            .Where(m => MappingKeys.Comparer.Equals(m.Source, system) && m.CompanyAction == MappingAction.Existing && m.CompanyId is not null)
            .GroupBy(static m => m.CompanyId!.Value)
            .ToDictionary(static g => g.Key, static g => g.First().CustomerId);
        var byCompany = (contacts ?? throw new ArgumentNullException(nameof(contacts))).ToLookup(static c => c.CompanyId);
        return (companies ?? throw new ArgumentNullException(nameof(companies)))
            .Select(company =>
            {
                var id = paired.TryGetValue(company.CompanyId, out var mapped)
                    ? mapped
                    : company.CompanyNumber ?? company.CompanyId.ToString(CultureInfo.InvariantCulture);
                var people = byCompany[company.CompanyId]
                    .Select(static c => new CrmContact(c.FirstName, c.LastName, c.EmailAddress, c.Phone, c.MobilePhone, c.Title, c.PrimaryContact));
                return new CrmCustomer(
                    system, id, company.CompanyName, ContactChoice.Apply(people, selection, filter), company.Phone, company.Address,
                    company.City, company.State, company.PostalCode, company.WebAddress);
            })
            .ToList();
    }

    /// <summary>The store with each exported customer paired with its company (unchanged when all are already).</summary>
    public static MappingDocument RecordPairings(
        MappingDocument document, IReadOnlyList<CrmCustomer> customers, IReadOnlyList<CompanyRecord> companies, DateTime changedUtc)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (customers is null || companies is null || customers.Count != companies.Count)
        {
            throw new ArgumentException("Each exported customer needs the company it was read from.", nameof(customers));
        }

        var changes = new List<CustomerMapping>();
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            var companyId = companies[i].CompanyId;
            var current = document.FindCustomer(customer.Source, customer.CustomerId);
            if (current is { CompanyAction: MappingAction.Existing } && current.CompanyId == companyId)
            {
                continue;
            }

            changes.Add(current is null
                ? new CustomerMapping(customer.Source, customer.CustomerId)
                {
                    CustomerName = customer.CustomerName,
                    CompanyAction = MappingAction.Existing,
                    CompanyId = companyId,
                    ContractAction = MappingAction.Create,
                }
                : current with { CompanyAction = MappingAction.Existing, CompanyId = companyId });
        }

        return changes.Count == 0 ? document : document.WithCustomers(changes, changedUtc);
    }

    /// <summary>Writes the customers as one CSV row per contact (a customer without contacts gets one row), all at once or not at all.</summary>
    public static Task WriteCsvAsync(string path, IReadOnlyList<CrmCustomer> customers, bool overwrite, CancellationToken cancellationToken = default)
    {
        if (customers is null)
        {
            throw new ArgumentNullException(nameof(customers));
        }

        return AtomicFile.WriteAsync(path, overwrite, async (stream, token) =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 81920, leaveOpen: true);
            using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }, leaveOpen: true);
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
            foreach (var customer in customers)
            {
                token.ThrowIfCancellationRequested();
                var rows = customer.Contacts.Count == 0 ? new CrmContact?[] { null } : customer.Contacts.Cast<CrmContact?>();
                foreach (var contact in rows)
                {
                    foreach (var value in new[]
                    {
                        customer.Source, customer.CustomerId, customer.CustomerName, customer.Phone, customer.Address, customer.City,
                        customer.State, customer.PostalCode, customer.WebAddress, contact?.FirstName, contact?.LastName,
                        contact?.EmailAddress, contact?.Phone, contact?.MobilePhone, contact?.Title,
                        contact is null ? null : contact.PrimaryContact ? "true" : "false",
                    })
                    {
                        csv.WriteField(value);
                    }

                    await csv.NextRecordAsync().ConfigureAwait(false);
                }
            }

            await csv.FlushAsync().ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }, cancellationToken);
    }
}
