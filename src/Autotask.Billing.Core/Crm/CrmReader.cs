using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;

namespace Autotask.Billing.Crm;

/// <summary>
/// Bulk reads of companies and contacts (pages of 500, id lists chunked): what Get-AtCompany, Get-AtContact and the
/// pull to a sales system use. Never one request per company.
/// </summary>
public sealed class CrmReader
{
    private readonly AutotaskClient _client;

    public CrmReader(AutotaskClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>
    /// Companies by id, or else by name: an exact name, or a prefix (<paramref name="namePrefix"/>) that Autotask filters
    /// with beginsWith; neither reads all. The tenant's own company (id 0) is left out; inactive ones on request.
    /// </summary>
    public async Task<IReadOnlyList<CompanyRecord>> ReadCompaniesAsync(
        IReadOnlyCollection<long>? companyIds,
        string? name,
        bool namePrefix,
        bool includeInactive,
        CancellationToken cancellationToken = default)
    {
        var query = AutotaskQuery.All.WithIncludeFields(CompanySyncPlanner.CompanyFields.Split(',').Append("companyNumber").ToArray());
        if (!includeInactive)
        {
            query = query.AndWhere(AutotaskFilter.Eq("isActive", true));
        }

        if (name is not null)
        {
            query = query.AndWhere(namePrefix ? AutotaskFilter.BeginsWith("companyName", name) : AutotaskFilter.Eq("companyName", name));
        }

        var rows = companyIds is { Count: > 0 }
            ? await _client.QueryInAsync<Company>("id", companyIds, query, cancellationToken).ConfigureAwait(false)
            : await _client.QueryLargeAsync<Company>(query, cancellationToken).ConfigureAwait(false);
        return rows.Where(static c => c.Id != 0).OrderBy(static c => c.CompanyName, StringComparer.OrdinalIgnoreCase).ThenBy(static c => c.Id)
            .Select(static c => new CompanyRecord(
                c.Id, c.CompanyName ?? string.Empty, CrmText.Clean(c.CompanyNumber), CrmText.Clean(c.Phone), CrmText.Clean(c.Address1),
                CrmText.Clean(c.City), CrmText.Clean(c.State), CrmText.Clean(c.PostalCode), CrmText.Clean(c.WebAddress), c.IsActive ?? true))
            .ToList();
    }

    /// <summary>The contacts of the companies, active ones unless asked otherwise, by company then name.</summary>
    public async Task<IReadOnlyList<ContactRecord>> ReadContactsAsync(
        IReadOnlyCollection<long> companyIds, bool includeInactive, CancellationToken cancellationToken = default)
    {
        if (companyIds is null)
        {
            throw new ArgumentNullException(nameof(companyIds));
        }

        if (companyIds.Count == 0)
        {
            return Array.Empty<ContactRecord>();
        }

        var query = AutotaskQuery.All.WithIncludeFields(CompanySyncPlanner.ContactFields.Split(','));
        if (!includeInactive)
        {
            query = query.AndWhere(AutotaskFilter.Eq("isActive", 1));
        }

        var rows = await _client.QueryInAsync<Contact>("companyID", companyIds, query, cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(static c => c.CompanyID).ThenBy(static c => c.LastName, StringComparer.OrdinalIgnoreCase).ThenBy(static c => c.Id)
            .Select(static c => new ContactRecord(
                c.Id, c.CompanyID ?? 0, c.FirstName ?? string.Empty, c.LastName ?? string.Empty, CrmText.Clean(c.EmailAddress),
                CrmText.Clean(c.Phone), CrmText.Clean(c.MobilePhone), CrmText.Clean(c.Title), c.PrimaryContact == true, c.IsActive != 0))
            .ToList();
    }
}
