namespace Autotask.Billing;

/// <summary>
/// A service on an Autotask contract as Get-AtContractService shows it: the price it bills now, the units in force on
/// <see cref="AsOf"/> and what that comes to per month.
/// </summary>
public sealed class AutotaskContractService
{
    public long ContractServiceId { get; init; }

    public long ContractId { get; init; }

    public string? ContractName { get; init; }

    public long? CompanyId { get; init; }

    public string? CompanyName { get; init; }

    public long? ServiceId { get; init; }

    public string? ServiceName { get; init; }

    /// <summary>The vendor part number the service carries (its SKU, provider product number or catalog number).</summary>
    public string? Sku { get; init; }

    public bool? ServiceIsActive { get; init; }

    /// <summary>The unit price billed on <see cref="AsOf"/>: the units row's, else adjustedPrice, else the price it was added with.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>The unit cost in force on <see cref="AsOf"/>.</summary>
    public decimal? UnitCost { get; init; }

    /// <summary>Units in force on <see cref="AsOf"/>; 0 when no units row covers the date.</summary>
    public int Units { get; init; }

    public DateTime? UnitsPeriodStart { get; init; }

    public DateTime? UnitsPeriodEnd { get; init; }

    public DateTime AsOf { get; init; }

    /// <summary>
    /// Units × unit price, per month (a quarterly, semi-annual or yearly price is spread over its months); empty when
    /// the service's period type is a tenant's own, which cannot be turned into months.
    /// </summary>
    public decimal? MonthlyRevenue { get; init; }

    /// <summary>Units × unit cost, per month; empty when <see cref="MonthlyRevenue"/> is.</summary>
    public decimal? MonthlyCost { get; init; }

    public override string ToString() => $"{ContractName}: {ServiceName} × {Units}";
}
