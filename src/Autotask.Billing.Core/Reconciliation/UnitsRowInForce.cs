using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The one rule for which ContractServiceUnits row of a contract service is in force on a date (BILLING-RULES §3),
/// used by Compare's snapshot and Sync's drift check alike: among the rows whose period covers the date (start and
/// end dates inclusive), the one that started last (then the higher id): rows may touch at their boundary dates, and
/// on such a day the row that starts then is the one in force. Past the last row, that row carries on (Autotask
/// extends rows as periods start); before the first, none is.
/// </summary>
public static class UnitsRowInForce
{
    public static ContractServiceUnit? On(IEnumerable<ContractServiceUnit> rows, DateTime date)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        var day = date.Date;
        ContractServiceUnit? covering = null;
        ContractServiceUnit? latestStarted = null;
        if (rows is IList<ContractServiceUnit> list)
        {
            // A list (a grouping is one) is read by index: no enumerator per contract service.
            for (var i = 0; i < list.Count; i++)
            {
                Consider(list[i], day, ref covering, ref latestStarted);
            }
        }
        else
        {
            foreach (var row in rows)
            {
                Consider(row, day, ref covering, ref latestStarted);
            }
        }

        return covering ?? latestStarted;
    }

    private static void Consider(ContractServiceUnit row, DateTime day, ref ContractServiceUnit? covering, ref ContractServiceUnit? latestStarted)
    {
        if (row.StartDate is not { } start || start.Date > day)
        {
            return;
        }

        if (Later(row, latestStarted))
        {
            latestStarted = row;
        }

        if ((row.EndDate is not { } end || end.Date >= day) && Later(row, covering))
        {
            covering = row;
        }
    }

    private static bool Later(ContractServiceUnit row, ContractServiceUnit? than) =>
        than is null || row.StartDate!.Value.Date > than.StartDate!.Value.Date
        || (row.StartDate.Value.Date == than.StartDate.Value.Date && row.Id > than.Id);
}
