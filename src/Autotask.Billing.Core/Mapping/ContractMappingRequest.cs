namespace Autotask.Billing.Mapping;

/// <summary>
/// A customer mapping as an admin asks for it: the company by id or name (or to be created), the contract by id (or
/// to be created, or — when only the company is given — chosen among its active Recurring Service contracts).
/// </summary>
public sealed class ContractMappingRequest
{
    public ContractMappingRequest(string source, string customerId)
    {
        Source = MappingKeys.RequireText(source, nameof(source));
        CustomerId = MappingKeys.RequireText(customerId, nameof(customerId));
    }

    public string Source { get; }

    public string CustomerId { get; }

    public string? CustomerName { get; init; }

    public long? CompanyId { get; init; }

    /// <summary>The company's exact name; used when no id is given.</summary>
    public string? CompanyName { get; init; }

    public long? ContractId { get; init; }

    /// <summary>Sync creates the company (and its contract).</summary>
    public bool CreateCompany { get; init; }

    /// <summary>Sync creates the contract in the existing company.</summary>
    public bool CreateContract { get; init; }

    public CustomerMappingOptions Options { get; init; } = CustomerMappingOptions.Default;

    /// <summary>Contact details for a company sync creates (see <see cref="CustomerMapping.Phone"/>).</summary>
    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? PostalCode { get; init; }

    public string? WebAddress { get; init; }

    public string Customer => MappingTargetNames.Customer(Source, CustomerId, CustomerName);
}
