using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>A vendor customer seeded into the sandbox with its company and Recurring Service contract.</summary>
internal sealed record TenantCustomer(string CustomerId, string Name, long CompanyId, long ContractId, string Source)
{
    public CustomerMapping Mapping() =>
        new(Source, CustomerId)
        {
            CustomerName = Name,
            CompanyAction = MappingAction.Existing,
            CompanyId = CompanyId,
            ContractAction = MappingAction.Existing,
            ContractId = ContractId,
        };

    public Transaction Seat(string sku, decimal quantity, decimal? price = null, decimal? cost = null, string? subscription = null, int line = 2, string? source = null, string? customerId = null) =>
        VendorLines.Seat(source ?? Source, customerId ?? CustomerId, Name, sku, quantity, price, cost, subscription, line);

    public Transaction OneTime(string sku, decimal quantity, decimal price, decimal cost, string transactionId, ChargeType chargeType = ChargeType.OneTime, string currency = "USD") =>
        VendorLines.Charge(Source, CustomerId, Name, sku, quantity, price, cost, transactionId, chargeType, currency);
}
