using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Engine;

// The history of one contract service (its events) and the ContractServiceUnits rows derived from it.
internal sealed class ServiceLedger
{
    public ServiceLedger(long contractServiceId)
    {
        ContractServiceId = contractServiceId;
    }

    public long ContractServiceId { get; }

    // Ordered by date, then by arrival.
    public List<LedgerEvent> Events { get; } = new();

    // Unit rows by start date.
    public SortedDictionary<DateTime, EntityRow> Rows { get; } = new();

    public void AddEvent(LedgerEvent change)
    {
        var index = Events.FindLastIndex(e => e.Date <= change.Date) + 1;
        Events.Insert(index, change);
    }
}
