namespace Autotask.Billing.Crm;

/// <summary>
/// A source customer and the Autotask company it is, or will be once <see cref="CreatingOperationKey"/> has run:
/// recorded in the mapping store so later pushes update the company instead of creating another.
/// </summary>
internal sealed class CompanyPairing
{
    public CompanyPairing(CrmCustomer customer, long? companyId, string? creatingOperationKey)
    {
        Customer = customer;
        CompanyId = companyId;
        CreatingOperationKey = creatingOperationKey;
    }

    public CrmCustomer Customer { get; }

    public long? CompanyId { get; }

    public string? CreatingOperationKey { get; }
}
