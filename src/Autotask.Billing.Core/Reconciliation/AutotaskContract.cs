namespace Autotask.Billing;

/// <summary>An Autotask contract as Get-AtContract shows it: picklists as labels, dates as calendar dates (UTC midnight).</summary>
public sealed class AutotaskContract
{
    public long ContractId { get; init; }

    public string ContractName { get; init; } = string.Empty;

    public string? ContractNumber { get; init; }

    public long? CompanyId { get; init; }

    public string? CompanyName { get; init; }

    /// <summary>The status label, e.g. Active or Inactive.</summary>
    public string? Status { get; init; }

    /// <summary>The status is labelled Active.</summary>
    public bool IsActive { get; init; }

    /// <summary>The contract type label, e.g. Recurring Service.</summary>
    public string? ContractType { get; init; }

    /// <summary>The billing period label, e.g. Monthly.</summary>
    public string? PeriodType { get; init; }

    public DateTime? StartDate { get; init; }

    public DateTime? EndDate { get; init; }

    public override string ToString() => $"{ContractName} ({ContractId})";
}
