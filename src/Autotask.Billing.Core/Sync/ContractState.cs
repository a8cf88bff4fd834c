using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Sync;

/// <summary>
/// What Autotask showed for one contract just before the run wrote to it: its services, their unit rows and its
/// charges (by idempotency key). The drift check and the "already in step" check read it; the run keeps it current
/// with its own writes. Thread-safe: a contract's operations run in parallel.
/// </summary>
internal sealed class ContractState
{
    private readonly object _sync = new();
    private readonly Dictionary<long, ContractService> _servicesByServiceId = new();
    private readonly Dictionary<long, List<ContractServiceUnit>> _unitsByContractService = new();
    private readonly Dictionary<string, ContractCharge> _chargesByKey = new(StringComparer.Ordinal);

    public ContractState(
        long contractId,
        IEnumerable<ContractService> services,
        IEnumerable<ContractServiceUnit> units,
        IEnumerable<ContractCharge> charges)
    {
        ContractId = contractId;
        foreach (var service in services.OrderBy(static s => s.Id))
        {
            if (service.ServiceID is { } serviceId && !_servicesByServiceId.ContainsKey(serviceId))
            {
                _servicesByServiceId[serviceId] = service;
            }
        }

        foreach (var group in units.Where(static u => u.ContractServiceID is not null).GroupBy(static u => u.ContractServiceID!.Value))
        {
            _unitsByContractService[group.Key] = group.ToList();
        }

        foreach (var charge in charges.OrderBy(static c => c.Id))
        {
            if (!string.IsNullOrEmpty(charge.InternalPurchaseOrderNumber) && !_chargesByKey.ContainsKey(charge.InternalPurchaseOrderNumber!))
            {
                _chargesByKey[charge.InternalPurchaseOrderNumber!] = charge;
            }
        }
    }

    public long ContractId { get; }

    public static ContractState Empty(long contractId) =>
        new(contractId, Array.Empty<ContractService>(), Array.Empty<ContractServiceUnit>(), Array.Empty<ContractCharge>());

    public ContractService? ServiceFor(long serviceId)
    {
        lock (_sync)
        {
            return _servicesByServiceId.TryGetValue(serviceId, out var service) ? service : null;
        }
    }

    public ContractService? ContractService(long contractServiceId)
    {
        lock (_sync)
        {
            return _servicesByServiceId.Values.FirstOrDefault(s => s.Id == contractServiceId);
        }
    }

    public void AddService(ContractService service)
    {
        lock (_sync)
        {
            _servicesByServiceId[service.ServiceID!.Value] = service;
        }
    }

    public UnitsInForce UnitsOn(long contractServiceId, DateTime date)
    {
        lock (_sync)
        {
            return _unitsByContractService.TryGetValue(contractServiceId, out var rows)
                ? UnitsInForce.On(rows, date)
                : UnitsInForce.On(Array.Empty<ContractServiceUnit>(), date);
        }
    }

    public void ReplaceUnits(long contractServiceId, IEnumerable<ContractServiceUnit> rows)
    {
        lock (_sync)
        {
            _unitsByContractService[contractServiceId] = rows.ToList();
        }
    }

    public ContractCharge? ChargeWithKey(string key)
    {
        lock (_sync)
        {
            return _chargesByKey.TryGetValue(key, out var charge) ? charge : null;
        }
    }

    public void AddCharge(string key, ContractCharge charge)
    {
        lock (_sync)
        {
            _chargesByKey[key] = charge;
        }
    }
}
