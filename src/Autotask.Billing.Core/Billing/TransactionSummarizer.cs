using Autotask.Billing.Buffering;

namespace Autotask.Billing;

/// <summary>
/// Seats in force per Source × CustomerId × Sku on a date (BILLING-RULES §3; Partner Center per FORMATS.md §1.1.4).
/// <para>Only Recurring lines carry seats. Per subscription (SubscriptionId; lines without one form one subscription):</para>
/// <list type="number">
/// <item>The lines whose service period covers the as-of date count. When none does, the subscription is read at the
/// end of its latest period that started on or before the as-of date ("the latest in the window"), or at the start of
/// its earliest period when all of them lie ahead.</item>
/// <item>When the covering lines hold a two-leg change (a reversal line, or lines sharing a ReferenceId), they are
/// all applied; otherwise prorated lines are ignored while a full-period line covers the date, so a mid-period
/// add never counts seats twice.</item>
/// <item>Lines are applied as events in vendor order (OrderDate, else ServiceStart; then file and line). Lines of one
/// event (same ReferenceId, else same OrderDate) apply together: if the event has a non-reversal line, the seats become
/// that line's Quantity (an absolute count); an event of reversals only (cancellation) takes its quantity away, never
/// below zero. For Microsoft's worked examples this equals the signed sum of §1.1.4 and also survives a missing or
/// repeated leg and a trial conversion that repeats the seat count.</item>
/// </list>
/// The SKU's quantity is the sum over its subscriptions. ChangeDate is the first day on which that quantity took its
/// current value; a prorated line that announced the change earlier (added mid-period, full line from the next
/// period) moves it back to the prorated line's start. Unit price, cost and list price come from the latest
/// full-period line in force (<see cref="Transaction.IsFullPeriod"/>: prorated legs, upgrades mid-period and partial
/// first periods never set a price), as prices per month (an annual price ÷ 12, <see cref="BillingCycles"/>).
/// Trial lines carry no seats.
/// <para>The rules are worked out in one pass per Source × CustomerId × Sku (<see cref="SubscriptionSeats"/> per
/// subscription). Every result is pinned to the rules' first implementation, kept as the tests' reference oracle
/// (TransactionSummarizerReference): a deliberate change to a rule changes both.</para>
/// </summary>
public static class TransactionSummarizer
{
    // Up to this many subscription ids or service starts in a group, finding one by scanning is cheaper than hashing.
    private const int ScanLimit = 8;

    public static IReadOnlyList<TransactionSummary> Summarize(IEnumerable<Transaction> transactions, DateTime asOf)
    {
        if (transactions is null)
        {
            throw new ArgumentNullException(nameof(transactions));
        }

        return SummarizeAll(transactions as IReadOnlyList<Transaction> ?? transactions.ToList(), asOf);
    }

    /// <summary>
    /// The lines one Source × CustomerId × Sku at a time: from a <see cref="TransactionBuffer"/>, only one group's lines
    /// are ever objects at once. (A compare sums its groups as the lines arrive: <see cref="Reconciliation.ComparisonLines"/>.)
    /// </summary>
    private static IReadOnlyList<TransactionSummary> SummarizeAll(IReadOnlyList<Transaction> lines, DateTime asOf)
    {
        var day = BillingWindow.AsDate(asOf);
        var groups = new SeatGroups();
        for (var position = 0; position < lines.Count; position++)
        {
            var line = lines[position];
            if (line.ChargeType == ChargeType.Recurring)
            {
                groups.Add(line, position);
            }
        }

        // One thread on purpose: summarising the groups in parallel measured no faster on a busy two-core machine
        // (both threads JIT and allocate at once), and this way any failure is the first group's, as before.
        var pool = new List<SubscriptionSeats>();
        var summaries = new TransactionSummary[groups.Count];
        var group = new List<Transaction>();
        for (var i = 0; i < groups.Count; i++)
        {
            summaries[i] = SummarizeGroup(ReadGroup(lines, groups[i], group), day, pool, buffered: null, previous: i > 0 ? summaries[i - 1] : null);
        }

        return InDisplayOrder(summaries);
    }

    /// <summary>The lines at <paramref name="positions"/>, into <paramref name="group"/> (cleared first).</summary>
    internal static List<Transaction> ReadGroup(IReadOnlyList<Transaction> lines, LinePositions positions, List<Transaction> group)
    {
        group.Clear();
        for (var i = 0; i < positions.Count; i++)
        {
            group.Add(lines[positions[i]]);
        }

        return group;
    }

    /// <summary>An address is taken whole from one line: parts of two addresses would make a third that exists nowhere.</summary>
    internal static bool HasAddress(Transaction line) =>
        !string.IsNullOrWhiteSpace(line.CustomerAddress) || !string.IsNullOrWhiteSpace(line.CustomerCity)
        || !string.IsNullOrWhiteSpace(line.CustomerState) || !string.IsNullOrWhiteSpace(line.CustomerPostalCode);

    /// <summary>The text of the latest line (in vendor order; the last of equals) that has one.</summary>
    internal static string? LatestText(IEnumerable<Transaction> lines, Func<Transaction, string?> text)
    {
        Transaction? latest = null;
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(text(line)) && (latest is null || CompareInVendorOrder(line, latest) >= 0))
            {
                latest = line;
            }
        }

        return latest is null ? null : text(latest);
    }

    /// <summary>When the vendor recorded the line: its OrderDate, else its ServiceStart.</summary>
    internal static DateTime EventTime(Transaction line) => line.OrderDate ?? line.ServiceStart ?? DateTime.MinValue;

    /// <summary>Orders lines by event time, then line number (the order the price line is chosen in).</summary>
    internal static int CompareByTimeAndLine(Transaction a, Transaction b)
    {
        var byTime = EventTime(a).CompareTo(EventTime(b));
        return byTime != 0 ? byTime : a.SourceLine.CompareTo(b.SourceLine);
    }

    /// <summary>Vendor order: event time, then file (ordinal), then line number.</summary>
    private static int CompareInVendorOrder(Transaction a, Transaction b)
    {
        var byTime = EventTime(a).CompareTo(EventTime(b));
        if (byTime != 0)
        {
            return byTime;
        }

        var byFile = string.CompareOrdinal(a.SourceFile, b.SourceFile);
        return byFile != 0 ? byFile : a.SourceLine.CompareTo(b.SourceLine);
    }

    /// <summary>
    /// One Source × CustomerId × Sku (<see cref="SeatGroups"/>): seats, prices and dates over its subscriptions, on
    /// <paramref name="day"/> (<see cref="BillingWindow.AsDate"/>). <paramref name="pool"/> is scratch space reused
    /// from group to group; <paramref name="buffered"/> names where the group's lines were read from, if a buffer;
    /// <paramref name="previous"/>, the seat summed before, shares its customer when it spells it the same way.
    /// </summary>
    internal static TransactionSummary SummarizeGroup(
        List<Transaction> group, DateTime day, List<SubscriptionSeats> pool, BufferedGroup? buffered, TransactionSummary? previous)
    {
        // Trial seats are not billable seats (BILLING-RULES §3): a trial and the paid subscription it converted to
        // count the paid seats once, and a trial-only SKU has none.
        var subscriptions = LoadSubscriptions(group, pool, out var subscriptionIds, out var billable);

        var applied = new List<Transaction>(billable.Count);
        var quantity = 0m;
        Transaction? priced = null;
        for (var k = 0; k < subscriptions; k++)
        {
            var seats = pool[k];
            quantity += seats.Read(seats.EvaluationDate(day), applied, out var priceLine);
            if (priceLine is not null && (priced is null || CompareByTimeAndLine(priceLine, priced) >= 0))
            {
                priced = priceLine;
            }
        }

        // Names and contact details from the latest line in vendor order (the last of equals).
        var latest = group[0];
        Transaction? contact = null;
        Transaction? phone = null;
        foreach (var line in group)
        {
            latest = CompareInVendorOrder(line, latest) >= 0 ? line : latest;
            if (HasAddress(line) && (contact is null || CompareInVendorOrder(line, contact) >= 0))
            {
                contact = line;
            }

            if (!string.IsNullOrWhiteSpace(line.CustomerPhone) && (phone is null || CompareInVendorOrder(line, phone) >= 0))
            {
                phone = line;
            }
        }

        return new TransactionSummary
        {
            Source = latest.Source,
            CustomerId = latest.CustomerId,
            Customer = SeatCustomer.Of(
                previous?.Customer, latest.CustomerName, latest.CustomerDomain, phone?.CustomerPhone,
                contact?.CustomerAddress, contact?.CustomerCity, contact?.CustomerState, contact?.CustomerPostalCode),
            Sku = latest.Sku,
            ProductName = latest.ProductName,
            Quantity = quantity,
            UnitPrice = BillingCycles.PerMonth(priced?.UnitPrice, priced?.BillingCycle),
            UnitCost = BillingCycles.PerMonth(priced?.UnitCost, priced?.BillingCycle),
            ListUnitPrice = BillingCycles.PerMonth(priced?.ListUnitPrice, priced?.BillingCycle),
            Currency = (priced ?? latest).Currency,
            BillingCycle = (priced ?? latest).BillingCycle,
            PriceDate = priced?.ServiceStart,
            IsTrial = billable.Count == 0,
            ChangeDate = ChangeDate(billable, subscriptions, pool, day),
            ServiceStart = Earliest(applied, t => t.ServiceStart),
            ServiceEnd = Latest(applied, t => t.ServiceEnd),
            SubscriptionStart = Earliest(applied, t => t.SubscriptionStart ?? t.ServiceStart),
            Lines = buffered is null
                ? ExplicitSeatLines.Of(subscriptionIds, applied.ConvertAll(t => new TransactionReference(t.TransactionId, t.SourceFile, t.SourceLine)))
                : buffered.Lines(group, applied, subscriptionIds),
            AsOf = day,
        };
    }

    /// <summary>
    /// Loads the group's billable lines into <paramref name="pool"/>[0..n), one subscription each (SubscriptionId
    /// ignoring case, in the order each first appears; lines without one are one subscription), and returns n.
    /// <paramref name="subscriptionIds"/>: every line's non-empty SubscriptionId, first spelling, ordinal order.
    /// </summary>
    private static int LoadSubscriptions(List<Transaction> group, List<SubscriptionSeats> pool, out List<string> subscriptionIds, out List<Transaction> billable)
    {
        // Sized for the most a group can need (one subscription per line): lists that grow allocate several times.
        var ids = new List<string>(group.Count);
        Dictionary<string, int>? idNumbers = null;
        var subscriptionOfId = new List<int>(group.Count);
        var sizes = new List<int>(group.Count);
        var subscriptionOfLine = new int[group.Count];
        billable = new List<Transaction>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var line = group[i];
            var id = IdNumber(ids, ref idNumbers, line.SubscriptionId);
            if (id == subscriptionOfId.Count)
            {
                subscriptionOfId.Add(-1);
            }

            subscriptionOfLine[i] = -1;
            if (line.IsTrial)
            {
                continue;
            }

            if (subscriptionOfId[id] < 0)
            {
                subscriptionOfId[id] = sizes.Count;
                sizes.Add(0);
            }

            subscriptionOfLine[i] = subscriptionOfId[id];
            sizes[subscriptionOfId[id]]++;
            billable.Add(line);
        }

        // Each subscription's lines side by side, in input order.
        var starts = new int[sizes.Count + 1];
        for (var k = 0; k < sizes.Count; k++)
        {
            starts[k + 1] = starts[k] + sizes[k];
        }

        var bySubscription = new Transaction[billable.Count];
        var filled = new int[sizes.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var k = subscriptionOfLine[i];
            if (k >= 0)
            {
                bySubscription[starts[k] + filled[k]++] = group[i];
            }
        }

        for (var k = 0; k < sizes.Count; k++)
        {
            if (k == pool.Count)
            {
                pool.Add(new SubscriptionSeats());
            }

            pool[k].Load(bySubscription, starts[k], sizes[k]);
        }

        subscriptionIds = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            if (id.Length > 0)
            {
                subscriptionIds.Add(id);
            }
        }

        subscriptionIds.Sort(StringComparer.Ordinal);
        return sizes.Count;
    }

    /// <summary>The number of <paramref name="id"/> ignoring case among <paramref name="ids"/>, adding it when new.</summary>
    private static int IdNumber(List<string> ids, ref Dictionary<string, int>? numbers, string id)
    {
        if (numbers is null)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (string.Equals(ids[i], id, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            if (ids.Count < ScanLimit)
            {
                ids.Add(id);
                return ids.Count - 1;
            }

            numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < ids.Count; i++)
            {
                numbers.Add(ids[i], i);
            }
        }

        if (!numbers.TryGetValue(id, out var number))
        {
            number = ids.Count;
            numbers.Add(id, number);
            ids.Add(id);
        }

        return number;
    }

    /// <summary>
    /// The first day the SKU's quantity had its current value: the latest service start (on or before the as-of date)
    /// from which the seats on every later start equal the seats on the last one, moved back over starts where only
    /// prorated lines begin (a change announced mid-period).
    /// </summary>
    private static DateTime? ChangeDate(List<Transaction> billable, int subscriptions, List<SubscriptionSeats> pool, DateTime day)
    {
        var points = ServiceStartsUpTo(billable, day);
        if (points.Count == 0)
        {
            return null;
        }

        // One start is its own change date: the seats on it are compared with nothing.
        var changeIndex = points.Count - 1;
        if (changeIndex > 0)
        {
            var current = SeatsOn(points[changeIndex], subscriptions, pool);
            while (changeIndex > 0 && SeatsOn(points[changeIndex - 1], subscriptions, pool) == current)
            {
                changeIndex--;
            }
        }

        var changeDate = points[changeIndex];
        for (var j = changeIndex - 1; j >= 0 && OnlyProratedLinesStartOn(billable, points[j]); j--)
        {
            changeDate = points[j];
        }

        return changeDate;
    }

    /// <summary>The distinct service starts on or before the day (the first of equal dates kept), ascending.</summary>
    private static List<DateTime> ServiceStartsUpTo(List<Transaction> lines, DateTime day)
    {
        var points = new List<DateTime>();
        HashSet<long>? seen = null;
        foreach (var line in lines)
        {
            if (line.ServiceStart is not DateTime start || start > day)
            {
                continue;
            }

            if (seen is null && points.Count == ScanLimit)
            {
                seen = new HashSet<long>();
                foreach (var point in points)
                {
                    seen.Add(point.Ticks);
                }
            }

            if (seen is not null ? seen.Add(start.Ticks) : !Contains(points, start))
            {
                points.Add(start);
            }
        }

        points.Sort();
        return points;
    }

    private static bool Contains(List<DateTime> points, DateTime date)
    {
        foreach (var point in points)
        {
            if (point.Ticks == date.Ticks)
            {
                return true;
            }
        }

        return false;
    }

    private static decimal SeatsOn(DateTime date, int subscriptions, List<SubscriptionSeats> pool)
    {
        var seats = 0m;
        for (var k = 0; k < subscriptions; k++)
        {
            seats += pool[k].AnyCovers(date) ? pool[k].Read(date, null, out _) : 0m;
        }

        return seats;
    }

    private static bool OnlyProratedLinesStartOn(List<Transaction> lines, DateTime date)
    {
        var starting = false;
        foreach (var line in lines)
        {
            if (line.ServiceStart == date)
            {
                if (!line.IsProrated || line.IsReversal)
                {
                    return false;
                }

                starting = true;
            }
        }

        return starting;
    }

    // The earliest and latest non-null dates, the first of equals kept (as Enumerable.Min and Max keep them).
    private static DateTime? Earliest(List<Transaction> lines, Func<Transaction, DateTime?> date)
    {
        DateTime? earliest = null;
        foreach (var line in lines)
        {
            if (date(line) is DateTime value && (earliest is null || value < earliest.Value))
            {
                earliest = value;
            }
        }

        return earliest;
    }

    private static DateTime? Latest(List<Transaction> lines, Func<Transaction, DateTime?> date)
    {
        DateTime? latest = null;
        foreach (var line in lines)
        {
            if (date(line) is DateTime value && (latest is null || value > latest.Value))
            {
                latest = value;
            }
        }

        return latest;
    }

    /// <summary>By Source, CustomerName, CustomerId, Sku (ignoring case); equal keys keep the order their groups first appeared in.</summary>
    internal static IReadOnlyList<TransactionSummary> InDisplayOrder(TransactionSummary[] summaries)
    {
        var order = new int[summaries.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var comparer = StringComparer.OrdinalIgnoreCase;
        Array.Sort(order, (x, y) =>
        {
            var a = summaries[x];
            var b = summaries[y];
            var result = comparer.Compare(a.Source, b.Source);
            result = result != 0 ? result : comparer.Compare(a.CustomerName, b.CustomerName);
            result = result != 0 ? result : comparer.Compare(a.CustomerId, b.CustomerId);
            result = result != 0 ? result : comparer.Compare(a.Sku, b.Sku);
            return result != 0 ? result : x.CompareTo(y);
        });

        var ordered = new List<TransactionSummary>(summaries.Length);
        foreach (var i in order)
        {
            ordered.Add(summaries[i]);
        }

        return ordered;
    }
}
