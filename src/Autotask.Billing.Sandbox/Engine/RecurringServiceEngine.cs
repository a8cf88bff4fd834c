using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Protocol;
using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Engine;

// Keeps ContractServiceUnits in step with contract services and their adjustments. Each contract service has a
// ledger of dated events; its unit rows cover every billing period from its first event through the period
// containing the later of "today" and its latest event, split wherever an event falls inside a period. Rows are
// materialised when an event arrives and extended when "today" moves on, and keep their ids once created.
internal sealed class RecurringServiceEngine
{
    private readonly SandboxTenant _tenant;
    private readonly Dictionary<long, ServiceLedger> _ledgers = new();
    private DateTime _materialisedThrough;

    public RecurringServiceEngine(SandboxTenant tenant)
    {
        _tenant = tenant;
    }

    public IEnumerable<ServiceLedger> Ledgers => _ledgers.Values;

    private TenantStore Store => _tenant.Store;

    private EntityTable Units => Store.Table(EntitySchemas.ContractServiceUnits);

    private EntityTable ContractServices => Store.Table(EntitySchemas.ContractServices);

    private static EntityDefinition UnitsDefinition => EntitySchemas.Get(EntitySchemas.ContractServiceUnits);

    public void StartService(EntityRow contractService, DateTime startDate)
    {
        var ledger = new ServiceLedger(contractService.Id);
        ledger.AddEvent(new LedgerEvent(startDate, 0, null, null, null));
        _ledgers[contractService.Id] = ledger;
        Materialise(ledger);
    }

    public void Restore(ServiceLedger ledger, IEnumerable<EntityRow> rows)
    {
        foreach (var row in rows)
        {
            ledger.Rows[(DateTime)row.Values[Field("startDate").Ordinal]!] = row;
        }

        _ledgers[ledger.ContractServiceId] = ledger;
    }

    public DateTime ServiceStart(long contractServiceId) => _ledgers[contractServiceId].Events[0].Date;

    // Validates and records one adjustment; returns the contract service it applied to.
    public long Adjust(long contractId, long? contractServiceId, long? serviceId, DateTime effectiveDate, long unitChange, decimal? price, decimal? cost, long adjustmentId, WriteContext context)
    {
        var contract = Store.Table(EntitySchemas.Contracts).Find(contractId)
            ?? throw new SandboxErrorException("Value does not reference an existing entity for contractID .");
        RequireRecurringServiceContract(contract);
        var periods = PeriodsOf(contract);
        if (effectiveDate < periods.Anchor || effectiveDate > periods.ContractEnd)
        {
            throw new SandboxErrorException("The effectiveDate must fall between the contract's start date and end date.");
        }

        var contractService = FindContractService(contractId, contractServiceId, serviceId);
        if (contractService == null)
        {
            if (serviceId == null)
            {
                throw new SandboxErrorException("Either contractServiceID or serviceID is required.");
            }

            RefuseNegative(Array.Empty<LedgerEvent>(), effectiveDate, unitChange);
            var created = _tenant.Writer.CreateContractService(contractId, serviceId.Value, price, cost, effectiveDate, context);
            contractService = ContractServices.Find(created)!;
        }
        else if (_tenant.IgnoresAdjustmentPrices)
        {
            // The variant where an adjustment changes units only: its price and cost are kept on the record, not billed.
            // (An adjustment that puts a service on the contract still adds it at its price, as adding a service does.)
            price = null;
            cost = null;
        }

        var ledger = _ledgers[contractService.Id];
        var posted = ledger.Rows.Values.FirstOrDefault(r => r.Values[Field("approveAndPostDate").Ordinal] != null && LastDay(r) >= effectiveDate);
        if (posted != null)
        {
            throw new SandboxErrorException($"The units for the period starting {((DateTime)posted.Values[Field("startDate").Ordinal]!):yyyy-MM-dd} have been approved and posted; adjustments must be effective after {LastDay(posted):yyyy-MM-dd}.");
        }

        RefuseNegative(ledger.Events, effectiveDate, unitChange);
        ledger.AddEvent(new LedgerEvent(effectiveDate, unitChange, price, cost, adjustmentId));
        Materialise(ledger);
        if (price != null || cost != null)
        {
            RecordCurrentPrice(contractService, ledger);
        }

        return contractService.Id;
    }

    // A new price on the contract service applies from the first period that is not yet posted.
    public void ChangePrice(EntityRow contractService, decimal? price)
    {
        var ledger = _ledgers[contractService.Id];
        var contract = Store.Table(EntitySchemas.Contracts).Find((long)contractService.Values[Field(EntitySchemas.ContractServices, "contractID").Ordinal]!)!;
        var periods = PeriodsOf(contract);
        var from = periods.StartOf(Max(_tenant.Today, ledger.Events[0].Date));
        foreach (var row in ledger.Rows.Values.Where(r => r.Values[Field("approveAndPostDate").Ordinal] != null))
        {
            var next = LastDay(row).AddDays(1);
            from = Max(from, next);
        }

        ledger.AddEvent(new LedgerEvent(Max(from, ledger.Events[0].Date), 0, price, null, null));
        Materialise(ledger);
    }

    // Extends every ledger when "today" has moved past what was materialised.
    public void Refresh()
    {
        if (_tenant.Today <= _materialisedThrough)
        {
            return;
        }

        foreach (var ledger in _ledgers.Values)
        {
            Materialise(ledger);
        }

        _materialisedThrough = _tenant.Today;
    }

    public int ApproveAndPost(DateTime through, long? contractId, DateTime postedAt)
    {
        Refresh();
        var approved = Field("approveAndPostDate");
        var count = 0;
        foreach (var row in Units.Rows)
        {
            if (row.Values[approved.Ordinal] == null
                && LastDay(row) <= through
                && (contractId == null || (long)row.Values[Field("contractID").Ordinal]! == contractId))
            {
                Units.SetValue(row, approved, postedAt);
                count++;
            }
        }

        return count;
    }

    private EntityRow? FindContractService(long contractId, long? contractServiceId, long? serviceId)
    {
        var contractIdField = Field(EntitySchemas.ContractServices, "contractID");
        var serviceIdField = Field(EntitySchemas.ContractServices, "serviceID");
        if (contractServiceId != null)
        {
            var row = ContractServices.Find(contractServiceId.Value);
            if (row == null || (long)row.Values[contractIdField.Ordinal]! != contractId)
            {
                throw new SandboxErrorException("Value does not reference an existing entity for contractServiceID .");
            }

            if (serviceId != null && (long)row.Values[serviceIdField.Ordinal]! != serviceId)
            {
                throw new SandboxErrorException("The serviceID does not match the service of the contract service.");
            }

            return row;
        }

        return ContractServices.IndexedRows(contractIdField, contractId)!
            .FirstOrDefault(r => (long)r.Values[serviceIdField.Ordinal]! == serviceId);
    }

    public void RequireRecurringServiceContract(EntityRow contract)
    {
        if (!Equals(contract.Values[Field(EntitySchemas.Contracts, "contractType").Ordinal], 7L))
        {
            throw new SandboxErrorException("Services can only be added to Recurring Service contracts.");
        }
    }

    private static void RefuseNegative(IEnumerable<LedgerEvent> events, DateTime date, long unitChange)
    {
        var all = events.Select(e => (e.Date, e.UnitChange)).Append((Date: date, UnitChange: unitChange)).OrderBy(e => e.Date);
        long units = 0;
        foreach (var group in all.GroupBy(e => e.Date))
        {
            units += group.Sum(e => e.UnitChange);
            if (units < 0)
            {
                throw new SandboxErrorException($"The adjustment would take the units below zero ({units} on {group.Key:yyyy-MM-dd}).");
            }
        }
    }

    private void RecordCurrentPrice(EntityRow contractService, ServiceLedger ledger)
    {
        var latestPrice = ledger.Events.LastOrDefault(e => e.Price != null)?.Price;
        if (latestPrice != null)
        {
            var adjusted = Field(EntitySchemas.ContractServices, "adjustedPrice");
            ContractServices.SetValue(contractService, adjusted, latestPrice);
            ContractServices.SetValue(contractService, Field(EntitySchemas.ContractServices, "internalCurrencyAdjustedPrice"), latestPrice);
        }
    }

    private void Materialise(ServiceLedger ledger)
    {
        var contractService = ContractServices.Find(ledger.ContractServiceId)!;
        var contractId = (long)contractService.Values[Field(EntitySchemas.ContractServices, "contractID").Ordinal]!;
        var serviceId = (long)contractService.Values[Field(EntitySchemas.ContractServices, "serviceID").Ordinal]!;
        var contract = Store.Table(EntitySchemas.Contracts).Find(contractId)!;
        var service = Store.Table(EntitySchemas.Services).Find(serviceId);
        var vendor = service?.Values[Field(EntitySchemas.Services, "vendorCompanyID").Ordinal];
        var periods = PeriodsOf(contract);
        var basePrice = (decimal?)contractService.Values[Field(EntitySchemas.ContractServices, "unitPrice").Ordinal];
        var baseCost = (decimal?)contractService.Values[Field(EntitySchemas.ContractServices, "unitCost").Ordinal];

        var first = ledger.Events[0].Date;
        var horizon = periods.EndOf(Max(_tenant.Today, ledger.Events[ledger.Events.Count - 1].Date));
        var boundaries = new SortedSet<DateTime>(ledger.Events.Select(e => e.Date).Where(d => d <= horizon)) { first };
        for (var start = periods.NextStart(first); start <= horizon; start = periods.NextStart(start))
        {
            boundaries.Add(start);
        }

        var starts = boundaries.ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var lastDay = i + 1 < starts.Count ? starts[i + 1].AddDays(-1) : horizon;

            // Touching rows end on the date the next row starts (the variant where boundary dates are shared).
            var end = _tenant.UnitRowsTouch ? lastDay.AddDays(1) : lastDay;
            long units = 0;
            decimal? price = basePrice, cost = baseCost;
            foreach (var change in ledger.Events)
            {
                if (change.Date > start)
                {
                    break;
                }

                units += change.UnitChange;
                price = change.Price ?? price;
                cost = change.Cost ?? cost;
            }

            if (ledger.Rows.TryGetValue(start, out var row))
            {
                if (row.Values[Field("approveAndPostDate").Ordinal] == null)
                {
                    SetUnitValues(row, end, units, price, cost);
                }

                continue;
            }

            var values = new object?[UnitsDefinition.Fields.Count];
            values[Field("contractID").Ordinal] = contractId;
            values[Field("contractServiceID").Ordinal] = ledger.ContractServiceId;
            values[Field("serviceID").Ordinal] = serviceId;
            values[Field("startDate").Ordinal] = start;
            values[Field("vendorCompanyID").Ordinal] = vendor;
            row = new EntityRow(Units.AllocateId(), values);
            values[0] = row.Id;
            SetUnitValues(row, end, units, price, cost, values);
            Units.Insert(row);
            ledger.Rows[start] = row;
        }
    }

    private void SetUnitValues(EntityRow row, DateTime end, long units, decimal? price, decimal? cost, object?[]? fresh = null)
    {
        void Set(string name, object? value)
        {
            if (fresh != null)
            {
                fresh[Field(name).Ordinal] = value;
            }
            else
            {
                Units.SetValue(row, Field(name), value);
            }
        }

        Set("endDate", end);
        Set("units", units);
        Set("price", price);
        Set("cost", cost);
        Set("internalCurrencyPrice", price);
    }

    private ContractPeriods PeriodsOf(EntityRow contract)
    {
        var contractPeriodType = contract.Values[Field(EntitySchemas.Contracts, "contractPeriodType").Ordinal] as long?;
        var label = contractPeriodType == null ? null : Store.PicklistLabel(EntitySchemas.Contracts, "contractPeriodType", contractPeriodType.Value);
        return new ContractPeriods(
            (DateTime)contract.Values[Field(EntitySchemas.Contracts, "startDate").Ordinal]!,
            ContractPeriods.MonthsFor(label),
            (DateTime?)contract.Values[Field(EntitySchemas.Contracts, "endDate").Ordinal] ?? DateTime.MaxValue.Date);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    // The last day a row bills: its end date, or the day before it when rows touch.
    private DateTime LastDay(EntityRow row)
    {
        var end = (DateTime)row.Values[Field("endDate").Ordinal]!;
        return _tenant.UnitRowsTouch ? end.AddDays(-1) : end;
    }

    private static FieldDefinition Field(string name) => UnitsDefinition.FindField(name)!;

    private static FieldDefinition Field(string entity, string name) => EntitySchemas.Field(entity, name);
}
