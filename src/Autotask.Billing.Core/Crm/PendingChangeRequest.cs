namespace Autotask.Billing.Crm;

/// <summary>What to look for unsynced changes in: the catalog, the customers and the contract differences of one push.</summary>
public sealed class PendingChangeRequest
{
    public IReadOnlyList<CrmProduct> Products { get; init; } = Array.Empty<CrmProduct>();

    public IReadOnlyList<CrmCustomer> Customers { get; init; } = Array.Empty<CrmCustomer>();

    /// <summary>Differences from Compare-AtContract: contracts, services and adjustments.</summary>
    public IReadOnlyList<ContractDifference> Differences { get; init; } = Array.Empty<ContractDifference>();

    public ProductSyncOptions ProductOptions { get; init; } = new();

    public CompanySyncOptions CompanyOptions { get; init; } = new();

    /// <summary>The date new contracts are dated from, as Sync-AtContract's -ExportDate (UTC).</summary>
    public DateTime Today { get; init; } = DateTime.UtcNow.Date;
}
