using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Sync;

/// <summary>
/// A contract service's units, price and cost on one date, from the ContractServiceUnits row in force then
/// (<see cref="UnitsRowInForce"/>, the rule Compare uses too).
/// </summary>
internal readonly struct UnitsInForce
{
    private UnitsInForce(int units, decimal? price, decimal? cost, bool hasRow)
    {
        Units = units;
        Price = price;
        Cost = cost;
        HasRow = hasRow;
    }

    public int Units { get; }

    public decimal? Price { get; }

    public decimal? Cost { get; }

    /// <summary>False when no row starts on or before the date: the service carries no units then.</summary>
    public bool HasRow { get; }

    /// <summary>The row <see cref="UnitsRowInForce"/> picks, Compare's rule.</summary>
    public static UnitsInForce On(IEnumerable<ContractServiceUnit> rows, DateTime date) =>
        UnitsRowInForce.On(rows, date) is { } row ? From(row) : new UnitsInForce(0, null, null, false);

    private static UnitsInForce From(ContractServiceUnit row) => new(row.Units ?? 0, row.Price, row.Cost, true);
}
