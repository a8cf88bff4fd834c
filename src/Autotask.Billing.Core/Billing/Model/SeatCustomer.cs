namespace Autotask.Billing;

/// <summary>
/// The customer a <see cref="TransactionSummary"/> names, as its lines spell it: name, domain and contact details. A
/// customer's seats share one (<see cref="Of"/>): a month's compare holds a seat per customer × SKU, and seven
/// references per seat were 48 bytes more than one (issue 15).
/// </summary>
internal sealed class SeatCustomer
{
    public static readonly SeatCustomer Unnamed = new(string.Empty, null, null, null, null, null, null);

    private SeatCustomer(string name, string? domain, string? phone, string? address, string? city, string? state, string? postalCode)
    {
        Name = name;
        Domain = domain;
        Phone = phone;
        Address = address;
        City = city;
        State = state;
        PostalCode = postalCode;
    }

    public string Name { get; }

    public string? Domain { get; }

    public string? Phone { get; }

    public string? Address { get; }

    public string? City { get; }

    public string? State { get; }

    public string? PostalCode { get; }

    /// <summary><paramref name="previous"/> when it spells the customer the same way (ordinal), else a new one.</summary>
    public static SeatCustomer Of(SeatCustomer? previous, string name, string? domain, string? phone, string? address, string? city, string? state, string? postalCode) =>
        previous is not null && Same(previous.Name, name) && Same(previous.Domain, domain) && Same(previous.Phone, phone) && Same(previous.Address, address)
            && Same(previous.City, city) && Same(previous.State, state) && Same(previous.PostalCode, postalCode)
            ? previous
            : new SeatCustomer(name, domain, phone, address, city, state, postalCode);

    public SeatCustomer WithName(string name) => new(name, Domain, Phone, Address, City, State, PostalCode);

    public SeatCustomer WithDomain(string? domain) => new(Name, domain, Phone, Address, City, State, PostalCode);

    public SeatCustomer WithPhone(string? phone) => new(Name, Domain, phone, Address, City, State, PostalCode);

    public SeatCustomer WithAddress(string? address) => new(Name, Domain, Phone, address, City, State, PostalCode);

    public SeatCustomer WithCity(string? city) => new(Name, Domain, Phone, Address, city, State, PostalCode);

    public SeatCustomer WithState(string? state) => new(Name, Domain, Phone, Address, City, state, PostalCode);

    public SeatCustomer WithPostalCode(string? postalCode) => new(Name, Domain, Phone, Address, City, State, postalCode);

    private static bool Same(string? a, string? b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);
}
