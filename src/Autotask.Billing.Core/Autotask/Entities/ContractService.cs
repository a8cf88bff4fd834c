using Autotask.Billing.Compact;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A service on a Recurring Service contract; it has a price but no quantity (quantities change through
/// ContractServiceAdjustments). Written through /Contracts/{contractID}/Services; only adjustedPrice and
/// invoiceDescription can be updated.
/// </summary>
[AutotaskEntity("ContractServices", AutotaskEntityCapabilities.ReadWrite, ParentEntityName = "Contracts", ChildSegment = "Services", ParentIdField = "contractID")]
public sealed class ContractService : AutotaskEntity
{
    // A month's compare holds hundreds of thousands: values stored without Nullable's padding (PresentFields).
    private PresentFields _present;
    private long _contractId;
    private long _serviceId;
    private decimal _unitPrice;
    private decimal _unitCost;
    private decimal _adjustedPrice;

    // Fields a compare's load never asks for: apart, and allocated only for a row that has one (32 bytes less a row).
    private Rare? _rare;

    public long? ContractID
    {
        get => _present.Get(0, _contractId);
        init => _contractId = _present.Put(0, value);
    }

    public long? ServiceID
    {
        get => _present.Get(1, _serviceId);
        init => _serviceId = _present.Put(1, value);
    }

    public decimal? UnitPrice
    {
        get => _present.Get(2, _unitPrice);
        init => _unitPrice = _present.Put(2, value);
    }

    public decimal? UnitCost
    {
        get => _present.Get(3, _unitCost);
        init => _unitCost = _present.Put(3, value);
    }

    public decimal? AdjustedPrice
    {
        get => _present.Get(4, _adjustedPrice);
        init => _adjustedPrice = _present.Put(4, value);
    }

    public decimal? InternalCurrencyUnitPrice
    {
        get => _present.Get(5, _rare?.InternalCurrencyUnitPrice ?? 0m);
        init
        {
            var stored = _present.Put(5, value);
            if (value is not null)
            {
                (_rare ??= new Rare()).InternalCurrencyUnitPrice = stored;
            }
        }
    }

    public decimal? InternalCurrencyAdjustedPrice
    {
        get => _present.Get(6, _rare?.InternalCurrencyAdjustedPrice ?? 0m);
        init
        {
            var stored = _present.Put(6, value);
            if (value is not null)
            {
                (_rare ??= new Rare()).InternalCurrencyAdjustedPrice = stored;
            }
        }
    }

    public string? InvoiceDescription { get; init; }

    public string? InternalDescription { get; init; }

    public long? QuoteItemID
    {
        get => _present.Get(7, _rare?.QuoteItemId ?? 0L);
        init
        {
            var stored = _present.Put(7, value);
            if (value is not null)
            {
                (_rare ??= new Rare()).QuoteItemId = stored;
            }
        }
    }

    private sealed class Rare
    {
        public decimal InternalCurrencyUnitPrice;
        public decimal InternalCurrencyAdjustedPrice;
        public long QuoteItemId;
    }
}
