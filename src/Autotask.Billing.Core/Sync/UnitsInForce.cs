using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Sync;

/// <summary>
/// A contract service's units, price and cost on one date, from its ContractServiceUnits rows: the row whose period
/// covers the date; past the last row, the last row's values carry on (Autotask extends rows as periods start).
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

    public static UnitsInForce On(IEnumerable<ContractServiceUnit> rows, DateTime date)
    {
        var day = date.Date;
        ContractServiceUnit? latest = null;
        foreach (var row in rows)
        {
            if (row.StartDate is not { } start || start.Date > day)
            {
                continue;
            }

            if (row.EndDate is { } end && end.Date >= day)
            {
                return From(row);
            }

            if (latest is null || start > latest.StartDate)
            {
                latest = row;
            }
        }

        return latest is null ? new UnitsInForce(0, null, null, false) : From(latest);
    }

    private static UnitsInForce From(ContractServiceUnit row) => new(row.Units ?? 0, row.Price, row.Cost, true);
}
