using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// PLAN for Sync-AtCompany: pairs each customer with its Autotask company (the mapping store first, then an existing
/// company of the same or normalised name, else a company to create), and each selected contact with a contact of
/// that company (e-mail address first, then first and last name), and lists only the writes that change something.
/// Autotask is read in bulk: the mapped companies by id (or every company once when some customer is unmapped) and
/// the contacts of all existing companies, in pages of 500. A customer that cannot be pushed as it is (no work phone
/// and no default, no primary contact where one is required, an ambiguous name) is held back with the reason.
/// </summary>
public static class CompanySyncPlanner
{
    internal const string CompanyFields = "id,companyName,isActive,phone,address1,city,state,postalCode,webAddress";
    internal const string ContactFields = "id,companyID,firstName,lastName,emailAddress,phone,mobilePhone,title,primaryContact,isActive";

    public static async Task<CompanySyncPlan> PlanAsync(
        IEnumerable<CrmCustomer> customers,
        AutotaskClient client,
        MappingDocument document,
        CompanySyncOptions options,
        CancellationToken cancellationToken = default)
    {
        if (customers is null)
        {
            throw new ArgumentNullException(nameof(customers));
        }

        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var before = client.Requests.Total;
        var list = Distinct(customers);
        var mapped = list.ToDictionary(
            static c => c,
            c => document.FindCustomer(c.Source, c.CustomerId) is { CompanyAction: MappingAction.Existing, CompanyId: long id } ? id : (long?)null);

        var companies = await ReadCompaniesAsync(client, mapped, options, cancellationToken).ConfigureAwait(false);
        // The tenant's own company (id 0) is never a customer's.
        var matcher = options.MatchExistingByName && mapped.Values.Any(static id => id is null)
            ? new CompanyMatcher(companies.Values.Where(static c => c.Id != 0).Select(static c => new CompanyCandidate(c.Id, c.CompanyName ?? string.Empty, c.WebAddress, c.IsActive ?? true)))
            : null;

        var builder = new Builder(document.Settings, options);
        var resolved = new List<(CrmCustomer Customer, Company? Existing)>();
        foreach (var customer in list)
        {
            Company? existing = null;
            if (mapped[customer] is long mappedId)
            {
                if (!companies.TryGetValue(mappedId, out existing))
                {
                    builder.HoldBack(customer, SyncOperationKind.UpdateCompany, $"the mapping store pairs it with company {mappedId}, which Autotask no longer shows; correct or remove the mapping (Set-AtContractMapping)");
                    continue;
                }
            }
            else if (matcher is not null)
            {
                var proposal = matcher.Propose(new VendorCustomer(customer.Source, customer.CustomerId, customer.CustomerName, customer.WebAddress));
                if (proposal.IsAmbiguous && proposal.Confidence >= CompanyMatcher.NormalizedNameConfidence * CompanyMatcher.AmbiguityFactor)
                {
                    builder.HoldBack(customer, SyncOperationKind.CreateCompany, $"{proposal.Reason}; pair it with the right company first (New-AtContractMapping -CompanyId)");
                    continue;
                }

                if (proposal.IsAccepted && proposal.CompanyId is long matchedId)
                {
                    existing = companies[matchedId];
                }
            }

            resolved.Add((customer, existing));
        }

        var existingIds = resolved.Where(static r => r.Existing is not null).Select(static r => r.Existing!.Id).Distinct().ToList();
        var contacts = existingIds.Count == 0 || options.Contacts == ContactSelection.None
            ? Array.Empty<Contact>()
            : await client.QueryInAsync<Contact>("companyID", existingIds, AutotaskQuery.All.WithIncludeFields(ContactFields.Split(',')), cancellationToken).ConfigureAwait(false);
        var contactsByCompany = contacts.ToLookup(static c => c.CompanyID ?? 0);
        foreach (var (customer, existing) in resolved)
        {
            builder.Add(customer, existing, existing is null ? Array.Empty<Contact>() : contactsByCompany[existing.Id].ToList());
        }

        return builder.Build(client, list.Count, client.Requests.Total - before);
    }

    /// <summary>The same customer given twice (two files, or a file and the pipeline) is pushed once, its last copy winning.</summary>
    private static List<CrmCustomer> Distinct(IEnumerable<CrmCustomer> customers)
    {
        var byKey = new Dictionary<string, CrmCustomer>(MappingKeys.Comparer);
        var order = new List<string>();
        foreach (var customer in customers.Where(static c => c is not null))
        {
            var key = MappingKeys.Of(customer.Source, customer.CustomerId);
            if (!byKey.ContainsKey(key))
            {
                order.Add(key);
            }

            byKey[key] = customer;
        }

        return order.Select(key => byKey[key]).ToList();
    }

    private static async Task<IReadOnlyDictionary<long, Company>> ReadCompaniesAsync(
        AutotaskClient client, IReadOnlyDictionary<CrmCustomer, long?> mapped, CompanySyncOptions options, CancellationToken cancellationToken)
    {
        var query = AutotaskQuery.All.WithIncludeFields(CompanyFields.Split(','));
        var rows = options.MatchExistingByName && mapped.Values.Any(static id => id is null)
            ? await client.QueryLargeAsync<Company>(query, cancellationToken).ConfigureAwait(false)
            : await client.QueryInAsync<Company>("id", mapped.Values.Where(static id => id is not null).Select(static id => id!.Value), query, cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(static c => c.Id).ToDictionary(static g => g.Key, static g => g.First());
    }

    private sealed class Builder
    {
        private readonly BillingSettings _settings;
        private readonly CompanySyncOptions _options;
        private readonly List<SyncOperation> _companyOperations = new();
        private readonly List<SyncOperation> _contactOperations = new();
        private readonly Dictionary<string, CrmWrite> _writes = new(StringComparer.Ordinal);
        private readonly List<CompanyPairing> _pairings = new();
        private readonly Dictionary<string, string> _creatingByName = new(StringComparer.OrdinalIgnoreCase);
        private int _inStep;

        public Builder(BillingSettings settings, CompanySyncOptions options)
        {
            _settings = settings;
            _options = options;
        }

        public void HoldBack(CrmCustomer customer, SyncOperationKind kind, string reason) =>
            _companyOperations.Add(Operation(customer, kind, "Companies", CompanyTarget(customer), "held back: " + reason, problem: reason));

        public void Add(CrmCustomer customer, Company? existing, IReadOnlyList<Contact> existingContacts)
        {
            var selected = _options.Select(customer);
            if (_options.RequirePrimaryContact && !selected.Any(static c => c.PrimaryContact))
            {
                HoldBack(customer, existing is null ? SyncOperationKind.CreateCompany : SyncOperationKind.UpdateCompany,
                    "it has no primary contact among the selected contacts; mark one (PrimaryContact) or push without -RequirePrimaryContact");
                return;
            }

            var writesBefore = _companyOperations.Count + _contactOperations.Count;
            string? companyKey = null;
            if (existing is null)
            {
                companyKey = PlanCreate(customer);
                if (companyKey is null)
                {
                    return;
                }
            }
            else
            {
                _pairings.Add(new CompanyPairing(customer, existing.Id, null));
                PlanUpdate(customer, existing);
            }

            PlanContacts(customer, selected, existing?.Id, companyKey, existingContacts);
            if (existing is not null && _companyOperations.Count + _contactOperations.Count == writesBefore)
            {
                _inStep++;
            }
        }

        public CompanySyncPlan Build(AutotaskClient client, int customers, long requests)
        {
            var ordered = _companyOperations.Concat(_contactOperations).ToList();
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].OperationId = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
                ids[ordered[i].Key] = ordered[i].OperationId;
            }

            foreach (var operation in ordered)
            {
                operation.DependsOn = operation.DependencyKeys.Distinct().Select(key => ids[key]).ToList();
            }

            return new CompanySyncPlan(client, ordered, _writes, _pairings, customers, _inStep, requests);
        }

        /// <summary>The create of the customer's company, or null when it is held back (then reported).</summary>
        private string? PlanCreate(CrmCustomer customer)
        {
            if (_creatingByName.TryGetValue(customer.CustomerName, out var sameName))
            {
                // Two customers of one name become one company, not two.
                _pairings.Add(new CompanyPairing(customer, null, sameName));
                return sameName;
            }

            var phone = customer.Phone ?? _options.DefaultPhone;
            if (phone is null)
            {
                HoldBack(customer, SyncOperationKind.CreateCompany, "it has no work phone, which Autotask requires; add one or give -DefaultPhone");
                return null;
            }

            if (_settings.DefaultAccountManagerResourceId is not long owner)
            {
                HoldBack(customer, SyncOperationKind.CreateCompany, "no account manager is set for new companies; run Set-AtBillingSetting -DefaultAccountManagerResourceId");
                return null;
            }

            var company = new Company
            {
                CompanyName = AutotaskText.Truncate(customer.CustomerName, 100),
                OwnerResourceID = owner,
                Phone = phone,
                Address1 = customer.Address,
                City = customer.City,
                State = customer.State,
                PostalCode = customer.PostalCode,
                WebAddress = customer.WebAddress,
                IsActive = true,
            };
            var details = new List<string> { "phone " + phone + (customer.Phone is null ? " (the default phone given)" : string.Empty) };
            details.AddRange(new[] { customer.Address, customer.City, customer.State, customer.PostalCode }.Where(static t => t is not null)!);
            var operation = Operation(
                customer, SyncOperationKind.CreateCompany, "Companies", CompanyTarget(customer),
                $"create company '{company.CompanyName}': " + string.Join(", ", details));
            _companyOperations.Add(operation);
            _writes[operation.Key] = new CrmWrite { Create = company };
            _creatingByName[customer.CustomerName] = operation.Key;
            _pairings.Add(new CompanyPairing(customer, null, operation.Key));
            return operation.Key;
        }

        private void PlanUpdate(CrmCustomer customer, Company existing)
        {
            var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
            var words = new List<string>();
            void Compare(string field, string label, string? wanted, string? current)
            {
                if (wanted is not null && !CrmText.SameText(wanted, current))
                {
                    changes[field] = wanted;
                    words.Add($"{label} '{current}' → '{wanted}'");
                }
            }

            Compare("phone", "phone", customer.Phone, existing.Phone);
            Compare("address1", "address", customer.Address, existing.Address1);
            Compare("city", "city", customer.City, existing.City);
            Compare("state", "state", customer.State, existing.State);
            Compare("postalCode", "postal code", customer.PostalCode, existing.PostalCode);
            Compare("webAddress", "web address", customer.WebAddress, existing.WebAddress);
            if (changes.Count == 0)
            {
                return;
            }

            var operation = Operation(
                customer, SyncOperationKind.UpdateCompany, "Companies", CompanyTarget(customer),
                $"update company {existing.Id} '{existing.CompanyName}': " + string.Join("; ", words));
            operation.CompanyId = existing.Id;
            _companyOperations.Add(operation);
            _writes[operation.Key] = new CrmWrite { ExistingId = existing.Id, Changes = changes };
        }

        private void PlanContacts(CrmCustomer customer, IReadOnlyList<CrmContact> selected, long? companyId, string? companyKey, IReadOnlyList<Contact> existing)
        {
            var taken = new HashSet<long>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var primaryTaken = false;
            foreach (var contact in selected)
            {
                if (!seen.Add(contact.EmailAddress ?? contact.FullName))
                {
                    continue;
                }

                var wantsPrimary = contact.PrimaryContact && !primaryTaken;
                primaryTaken |= wantsPrimary;
                var target = $"contact {contact} at {customer.CustomerName}";
                if (contact.EmailAddress is { } email && !CrmText.IsEmailAddress(email))
                {
                    _contactOperations.Add(Operation(customer, SyncOperationKind.CreateContact, "Contacts", target,
                        "held back: " + $"'{email}' is not an e-mail address Autotask accepts", problem: $"'{email}' is not an e-mail address Autotask accepts; correct it in the source"));
                    continue;
                }

                var match = Match(contact, existing, taken);
                if (match is null)
                {
                    PlanContactCreate(customer, contact, wantsPrimary, companyId, companyKey, target);
                }
                else
                {
                    taken.Add(match.Id);
                    PlanContactUpdate(customer, contact, wantsPrimary, match, target);
                }
            }
        }

        private void PlanContactCreate(CrmCustomer customer, CrmContact contact, bool primary, long? companyId, string? companyKey, string target)
        {
            var phone = contact.Phone ?? _options.DefaultPhone;
            var created = new Contact
            {
                CompanyID = companyId,
                FirstName = AutotaskText.Truncate(contact.FirstName, 50),
                LastName = AutotaskText.Truncate(contact.LastName, 50),
                EmailAddress = contact.EmailAddress,
                Phone = phone,
                MobilePhone = contact.MobilePhone,
                Title = AutotaskText.Truncate(contact.Title, 50),
                PrimaryContact = primary,
                IsActive = 1,
            };
            var phoneText = phone is null ? "no work phone" : "phone " + phone + (contact.Phone is null ? " (the default phone given)" : string.Empty);
            var operation = Operation(customer, SyncOperationKind.CreateContact, "Contacts", target,
                $"create contact {contact.FullName}" + (contact.EmailAddress is null ? string.Empty : $", {contact.EmailAddress}") + $", {phoneText}" + (primary ? ", primary contact" : string.Empty));
            operation.CompanyId = companyId;
            if (companyKey is not null)
            {
                operation.DependencyKeys.Add(companyKey);
            }

            _contactOperations.Add(operation);
            _writes[operation.Key] = new CrmWrite { Create = created, ParentId = companyId, ParentOperationKey = companyKey };
        }

        private void PlanContactUpdate(CrmCustomer customer, CrmContact contact, bool primary, Contact match, string target)
        {
            var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
            var words = new List<string>();
            void Compare(string field, string label, string? wanted, string? current)
            {
                if (wanted is not null && !string.Equals(wanted, CrmText.Clean(current), StringComparison.Ordinal))
                {
                    changes[field] = wanted;
                    words.Add($"{label} '{current}' → '{wanted}'");
                }
            }

            Compare("firstName", "first name", AutotaskText.Truncate(contact.FirstName, 50), match.FirstName);
            Compare("lastName", "last name", AutotaskText.Truncate(contact.LastName, 50), match.LastName);
            if (match.EmailAddress is null)
            {
                Compare("emailAddress", "e-mail", contact.EmailAddress, match.EmailAddress);
            }

            Compare("phone", "phone", contact.Phone, match.Phone);
            Compare("mobilePhone", "mobile", contact.MobilePhone, match.MobilePhone);
            Compare("title", "title", AutotaskText.Truncate(contact.Title, 50), match.Title);
            if (primary && match.PrimaryContact != true)
            {
                changes["primaryContact"] = true;
                words.Add("make primary contact");
            }

            if (match.IsActive == 0)
            {
                changes["isActive"] = 1;
                words.Add("reactivate");
            }

            if (changes.Count == 0)
            {
                return;
            }

            var operation = Operation(customer, SyncOperationKind.UpdateContact, "Contacts", target,
                $"update contact {match.Id}: " + string.Join("; ", words));
            operation.CompanyId = match.CompanyID;
            _contactOperations.Add(operation);
            _writes[operation.Key] = new CrmWrite { ExistingId = match.Id, ParentId = match.CompanyID, Changes = changes };
        }

        /// <summary>E-mail address first (as ChannelOnline advises), then first and last name among the unmatched.</summary>
        private static Contact? Match(CrmContact contact, IReadOnlyList<Contact> existing, HashSet<long> taken)
        {
            var available = existing.Where(c => !taken.Contains(c.Id)).OrderBy(static c => c.Id).ToList();
            if (contact.EmailAddress is { } email)
            {
                var byEmail = available.FirstOrDefault(c => string.Equals(CrmText.Clean(c.EmailAddress), email, StringComparison.OrdinalIgnoreCase));
                if (byEmail is not null)
                {
                    return byEmail;
                }
            }

            return available.FirstOrDefault(c =>
                CrmText.SameText(c.FirstName, contact.FirstName) && CrmText.SameText(c.LastName, contact.LastName)
                && (contact.EmailAddress is null || CrmText.Clean(c.EmailAddress) is null));
        }

        private SyncOperation Operation(CrmCustomer customer, SyncOperationKind kind, string entity, string target, string action, string? problem = null)
        {
            var key = kind + "\u001F" + (_companyOperations.Count + _contactOperations.Count).ToString(CultureInfo.InvariantCulture);
            return new SyncOperation(key, new SyncOperationDetails())
            {
                Kind = kind,
                Entity = entity,
                Target = target,
                Action = action,
                Impact = kind == SyncOperationKind.CreateCompany ? SyncImpact.High : SyncImpact.Medium,
                Problem = problem,
                CustomerId = customer.CustomerId,
                CustomerName = customer.CustomerName,
            };
        }

        private static string CompanyTarget(CrmCustomer customer) => $"{customer.CustomerName} ({customer.Source} {customer.CustomerId})";
    }
}
