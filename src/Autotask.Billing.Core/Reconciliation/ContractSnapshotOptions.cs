namespace Autotask.Billing.Reconciliation;

/// <summary>What a <see cref="ContractSnapshotLoader"/> reads besides the selected contracts.</summary>
public sealed record ContractSnapshotOptions
{
    /// <summary>The date whose units are read (units rows with startDate ≤ AsOf ≤ endDate); a calendar date.</summary>
    public DateTime AsOf { get; init; } = DateTime.UtcNow.Date;

    /// <summary>Read the contracts' services and the units in force on <see cref="AsOf"/>.</summary>
    public bool IncludeContractServices { get; init; } = true;

    /// <summary>Read the whole service catalog instead of only the services the contracts use.</summary>
    public bool AllServices { get; init; }

    /// <summary>Services to read besides those the contracts use (e.g. the services SKUs are mapped to).</summary>
    public IReadOnlyCollection<long> ServiceIds { get; init; } = Array.Empty<long>();

    /// <summary>Read the whole product catalog.</summary>
    public bool AllProducts { get; init; }

    /// <summary>Products to read (e.g. the products one-time SKUs are mapped to).</summary>
    public IReadOnlyCollection<long> ProductIds { get; init; } = Array.Empty<long>();

    /// <summary>
    /// Contracts whose charges carrying a sync key (<see cref="ChargeKey"/>) are read, so a one-time or usage line
    /// already charged is known to be in step; empty reads none.
    /// </summary>
    public IReadOnlyCollection<long> ChargeContractIds { get; init; } = Array.Empty<long>();

    /// <summary>Read every company (for matching unmapped customers) instead of only the contracts' companies.</summary>
    public bool AllCompanies { get; init; }

    /// <summary>Companies to read besides the contracts' own (e.g. mapped companies whose contract is to be created).</summary>
    public IReadOnlyCollection<long> CompanyIds { get; init; } = Array.Empty<long>();
}
