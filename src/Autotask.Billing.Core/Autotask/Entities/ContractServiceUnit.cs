using Autotask.Billing.Compact;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// Read-only: the units of a contract service in force from startDate to endDate (one row per period segment).
/// </summary>
[AutotaskEntity("ContractServiceUnits", AutotaskEntityCapabilities.Read)]
public sealed class ContractServiceUnit : AutotaskEntity
{
    // A month's compare holds one per contract service: values stored without Nullable's padding (PresentFields).
    private PresentFields _present;
    private long _contractId;
    private long _contractServiceId;
    private long _serviceId;
    private DateTime _startDate;
    private DateTime _endDate;
    private int _units;
    private decimal _price;
    private decimal _cost;
    private DateTime _approveAndPostDate;

    // Fields a compare's load never asks for: apart, and allocated only for a row that has one (24 bytes less a row).
    private Rare? _rare;

    public long? ContractID
    {
        get => _present.Get(0, _contractId);
        init => _contractId = _present.Put(0, value);
    }

    public long? ContractServiceID
    {
        get => _present.Get(1, _contractServiceId);
        init => _contractServiceId = _present.Put(1, value);
    }

    public long? ServiceID
    {
        get => _present.Get(2, _serviceId);
        init => _serviceId = _present.Put(2, value);
    }

    public DateTime? StartDate
    {
        get => _present.Get(3, _startDate);
        init => _startDate = _present.Put(3, value);
    }

    public DateTime? EndDate
    {
        get => _present.Get(4, _endDate);
        init => _endDate = _present.Put(4, value);
    }

    public int? Units
    {
        get => _present.Get(5, _units);
        init => _units = _present.Put(5, value);
    }

    public decimal? Price
    {
        get => _present.Get(6, _price);
        init => _price = _present.Put(6, value);
    }

    public decimal? Cost
    {
        get => _present.Get(7, _cost);
        init => _cost = _present.Put(7, value);
    }

    public decimal? InternalCurrencyPrice
    {
        get => _present.Get(8, _rare?.InternalCurrencyPrice ?? 0m);
        init
        {
            var stored = _present.Put(8, value);
            if (value is not null)
            {
                (_rare ??= new Rare()).InternalCurrencyPrice = stored;
            }
        }
    }

    public DateTime? ApproveAndPostDate
    {
        get => _present.Get(9, _approveAndPostDate);
        init => _approveAndPostDate = _present.Put(9, value);
    }

    public long? VendorCompanyID
    {
        get => _present.Get(10, _rare?.VendorCompanyId ?? 0L);
        init
        {
            var stored = _present.Put(10, value);
            if (value is not null)
            {
                (_rare ??= new Rare()).VendorCompanyId = stored;
            }
        }
    }

    public long? OrganizationalLevelAssociationID
    {
        get => _present.Get(11, _rare?.OrganizationalLevelAssociationId ?? 0L);
        init
        {
            var stored = _present.Put(11, value);
            if (value is not null)
            {
                (_rare ??= new Rare()).OrganizationalLevelAssociationId = stored;
            }
        }
    }

    private sealed class Rare
    {
        public decimal InternalCurrencyPrice;
        public long VendorCompanyId;
        public long OrganizationalLevelAssociationId;
    }
}
