using System.Collections;
using System.Globalization;

namespace Autotask.Billing.Crm;

/// <summary>
/// The one reader of loosely typed customer input: rows of a CSV or JSON export, Import-Csv objects and deserialized
/// CrmCustomer objects alike. A row carries a customer (repeated on each of its contact rows) and at most one contact;
/// an object may instead carry a Contacts list. Rows of one customer (same source and id) are gathered in order.
/// Column names are matched case-insensitively with the common aliases of sales-system exports.
/// </summary>
public sealed class CustomerRowReader
{
    private static readonly string[] SourceNames = { "Source", "System" };
    private static readonly string[] IdNames = { "CustomerId", "AccountId", "AccountNumber", "CustomerNumber", "CompanyId" };
    private static readonly string[] NameNames = { "CustomerName", "AccountName", "CompanyName", "Company", "Name" };
    private static readonly string[] PhoneNames = { "Phone", "WorkPhone", "CompanyPhone" };
    private static readonly string[] AddressNames = { "Address", "Address1", "Street" };
    private static readonly string[] CityNames = { "City" };
    private static readonly string[] StateNames = { "State", "Province", "Region" };
    private static readonly string[] PostalNames = { "PostalCode", "ZipCode", "Zip", "PostCode" };
    private static readonly string[] WebNames = { "WebAddress", "Website", "Web", "Domain" };
    private static readonly string[] FirstNames = { "FirstName", "ContactFirstName" };
    private static readonly string[] LastNames = { "LastName", "ContactLastName" };
    private static readonly string[] EmailNames = { "EmailAddress", "Email", "ContactEmail", "ContactEmailAddress" };
    private static readonly string[] ContactPhoneNames = { "ContactPhone", "ContactWorkPhone" };
    private static readonly string[] MobileNames = { "MobilePhone", "ContactMobilePhone", "Mobile" };
    private static readonly string[] TitleNames = { "Title", "ContactTitle", "JobTitle" };
    private static readonly string[] PrimaryNames = { "PrimaryContact", "IsPrimary", "Primary", "IsPrimaryContact" };

    private readonly string? _defaultSource;
    private readonly Dictionary<string, Gathered> _customers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Gathered> _order = new();

    /// <param name="defaultSource">The source of rows that do not name one (e.g. <c>ChannelOnline</c>).</param>
    public CustomerRowReader(string? defaultSource)
    {
        _defaultSource = CrmText.Clean(defaultSource);
    }

    /// <summary>Adds one row or object; <paramref name="where"/> names it in an error ("line 4", "object 2").</summary>
    public void Add(IReadOnlyDictionary<string, object?> row, string where)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in row)
        {
            byName[pair.Key.Trim()] = pair.Value;
        }

        var source = RowValues.Text(byName, SourceNames) ?? _defaultSource
            ?? throw new CustomerInputException($"{where}: no Source; give -Source or a Source column.");
        var id = RowValues.Text(byName, IdNames) ?? throw new CustomerInputException($"{where}: no CustomerId (or AccountId, AccountNumber).");
        var name = RowValues.Text(byName, NameNames) ?? throw new CustomerInputException($"{where}: customer {id} has no CustomerName (or AccountName, CompanyName).");
        var key = source + "\u001F" + id;
        if (!_customers.TryGetValue(key, out var customer))
        {
            customer = new Gathered(source, id, name, byName);
            _customers.Add(key, customer);
            _order.Add(customer);
        }

        if (byName.TryGetValue("Contacts", out var list) && list is IEnumerable contacts and not string)
        {
            var index = 0;
            foreach (var contact in contacts)
            {
                index++;
                if (ContactOf(Bag(contact), $"{where}, contact {index}", useContactPhoneOnly: false) is { } read)
                {
                    customer.Contacts.Add(read);
                }
            }
        }
        else if (ContactOf(byName, where, useContactPhoneOnly: true) is { } contact)
        {
            customer.Contacts.Add(contact);
        }
    }

    public IReadOnlyList<CrmCustomer> Customers() => _order.Select(static c => c.Build()).ToList();

    private static CrmContact? ContactOf(IReadOnlyDictionary<string, object?> row, string where, bool useContactPhoneOnly)
    {
        var first = RowValues.Text(row, FirstNames);
        var last = RowValues.Text(row, LastNames);
        var email = RowValues.Text(row, EmailNames);
        if (first is null && last is null && email is null)
        {
            return null;
        }

        if (first is null || last is null)
        {
            throw new CustomerInputException($"{where}: the contact {email ?? first ?? last} needs both a first and a last name (Autotask requires them).");
        }

        // On a flat row Phone is the company's; the contact's own is ContactPhone. A contact object names its own Phone.
        var phone = useContactPhoneOnly ? RowValues.Text(row, ContactPhoneNames) : RowValues.Text(row, ContactPhoneNames) ?? RowValues.Text(row, PhoneNames);
        return new CrmContact(first, last, email, phone, RowValues.Text(row, MobileNames), RowValues.Text(row, TitleNames), RowValues.Flag(row, PrimaryNames, where));
    }

    private static IReadOnlyDictionary<string, object?> Bag(object? value)
    {
        if (value is IReadOnlyDictionary<string, object?> dictionary)
        {
            return new Dictionary<string, object?>(dictionary.ToDictionary(static p => p.Key, static p => p.Value), StringComparer.OrdinalIgnoreCase);
        }

        if (value is CrmContact contact)
        {
            return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["FirstName"] = contact.FirstName,
                ["LastName"] = contact.LastName,
                ["EmailAddress"] = contact.EmailAddress,
                ["Phone"] = contact.Phone,
                ["MobilePhone"] = contact.MobilePhone,
                ["Title"] = contact.Title,
                ["PrimaryContact"] = contact.PrimaryContact,
            };
        }

        var bag = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (value is IDictionary plain)
        {
            foreach (DictionaryEntry entry in plain)
            {
                bag[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
            }
        }

        return bag;
    }

    private sealed class Gathered
    {
        private readonly IReadOnlyDictionary<string, object?> _first;

        public Gathered(string source, string id, string name, IReadOnlyDictionary<string, object?> first)
        {
            Source = source;
            Id = id;
            Name = name;
            _first = first;
        }

        public string Source { get; }

        public string Id { get; }

        public string Name { get; }

        public List<CrmContact> Contacts { get; } = new();

        public CrmCustomer Build() => new(
            Source, Id, Name, Contacts, RowValues.Text(_first, PhoneNames), RowValues.Text(_first, AddressNames), RowValues.Text(_first, CityNames),
            RowValues.Text(_first, StateNames), RowValues.Text(_first, PostalNames), RowValues.Text(_first, WebNames));
    }
}
