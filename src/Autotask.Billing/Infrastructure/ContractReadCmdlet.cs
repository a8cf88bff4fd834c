using System.Management.Automation;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Base of the contract read cmdlets: contract and company ids gathered from every pipeline object, then one bulk
/// read at the end — never a request per piped object.
/// </summary>
public abstract class ContractReadCmdlet : AtBillingCmdlet
{
    private readonly HashSet<long> _contractIds = new();
    private readonly HashSet<long> _companyIds = new();

    /// <summary>Only these contracts; binds ContractId from pipeline objects.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0L, long.MaxValue)]
    public long[]? ContractId { get; set; }

    /// <summary>Only the contracts of these companies; binds CompanyId from pipeline objects (mappings, differences).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0L, long.MaxValue)]
    public long[]? CompanyId { get; set; }

    /// <summary>Also inactive contracts.</summary>
    [Parameter]
    public SwitchParameter IncludeInactive { get; set; }

    protected override void ProcessRecord()
    {
        _contractIds.UnionWith(ContractId ?? Array.Empty<long>());
        _companyIds.UnionWith(CompanyId ?? Array.Empty<long>());
    }

    /// <summary>The contracts to read; contracts named by id are read whatever their status and type.</summary>
    protected ContractSelection Selection(bool recurringOnly) => new()
    {
        ContractIds = _contractIds.Count > 0 ? _contractIds : null,
        CompanyIds = _companyIds.Count > 0 ? _companyIds : null,
        ActiveOnly = !IncludeInactive && _contractIds.Count == 0,
        RecurringOnly = recurringOnly && _contractIds.Count == 0,
    };
}
