namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// THE REFERENCE ORACLE, not product code: a frozen copy of <see cref="TransactionSummarizer"/> as it was before it was
/// made fast (commit e89c624), kept verbatim so <see cref="TransactionSummarizerEquivalenceTests"/> can prove the fast
/// one gives identical summaries. Never change its behaviour; a deliberate change to the money rules changes the
/// product and this oracle's tests together, in one reviewed commit.
/// </summary>
internal static class TransactionSummarizerReference
{
    public static IReadOnlyList<TransactionSummary> Summarize(IEnumerable<Transaction> transactions, DateTime asOf)
    {
        if (transactions is null)
        {
            throw new ArgumentNullException(nameof(transactions));
        }

        var day = BillingWindow.AsDate(asOf);
        var summaries = new List<TransactionSummary>();
        var keyComparer = StringComparer.OrdinalIgnoreCase;
        var bySku = transactions
            .Where(t => t.ChargeType == ChargeType.Recurring)
            .GroupBy(t => (Source: t.Source.ToUpperInvariant(), Customer: t.CustomerId.ToUpperInvariant(), Sku: t.Sku.ToUpperInvariant()));

        foreach (var group in bySku)
        {
            // Trial seats are not billable seats (BILLING-RULES §3): a trial and the paid subscription it converted to
            // count the paid seats once, and a trial-only SKU has none.
            var billable = group.Where(t => !t.IsTrial).ToList();
            var states = billable
                .GroupBy(t => t.SubscriptionId, keyComparer)
                .Select(s => Evaluate(s.ToList(), day))
                .ToList();
            var applied = states.SelectMany(s => s.Applied).ToList();
            var latest = group.OrderBy(EventTime).ThenBy(t => t.SourceFile, StringComparer.Ordinal).ThenBy(t => t.SourceLine).Last();
            var priced = states.Where(s => s.PriceLine is not null).Select(s => s.PriceLine!)
                .OrderBy(EventTime).ThenBy(t => t.SourceLine).LastOrDefault();
            var contact = group.Where(HasAddress).OrderBy(EventTime).ThenBy(t => t.SourceFile, StringComparer.Ordinal).ThenBy(t => t.SourceLine).LastOrDefault();

            summaries.Add(new TransactionSummary
            {
                Source = latest.Source,
                CustomerId = latest.CustomerId,
                CustomerName = latest.CustomerName,
                CustomerDomain = latest.CustomerDomain,
                CustomerPhone = LatestText(group, t => t.CustomerPhone),
                CustomerAddress = contact?.CustomerAddress,
                CustomerCity = contact?.CustomerCity,
                CustomerState = contact?.CustomerState,
                CustomerPostalCode = contact?.CustomerPostalCode,
                Sku = latest.Sku,
                ProductName = latest.ProductName,
                Quantity = states.Sum(s => s.Seats),
                UnitPrice = BillingCycles.PerMonth(priced?.UnitPrice, priced?.BillingCycle),
                UnitCost = BillingCycles.PerMonth(priced?.UnitCost, priced?.BillingCycle),
                ListUnitPrice = BillingCycles.PerMonth(priced?.ListUnitPrice, priced?.BillingCycle),
                Currency = (priced ?? latest).Currency,
                BillingCycle = (priced ?? latest).BillingCycle,
                PriceDate = priced?.ServiceStart,
                IsTrial = billable.Count == 0,
                ChangeDate = ChangeDate(billable, day),
                ServiceStart = applied.Min(t => t.ServiceStart),
                ServiceEnd = applied.Max(t => t.ServiceEnd),
                SubscriptionStart = applied.Min(t => t.SubscriptionStart ?? t.ServiceStart),
                SubscriptionIds = group.Select(t => t.SubscriptionId).Where(s => s.Length > 0).Distinct(keyComparer).OrderBy(s => s, StringComparer.Ordinal).ToList(),
                Provenance = applied.Select(t => new TransactionReference(t.TransactionId, t.SourceFile, t.SourceLine)).ToList(),
                AsOf = day,
            });
        }

        return summaries
            .OrderBy(s => s.Source, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.CustomerName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.CustomerId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Sku, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>An address is taken whole from one line: parts of two addresses would make a third that exists nowhere.</summary>
    private static bool HasAddress(Transaction line) =>
        !string.IsNullOrWhiteSpace(line.CustomerAddress) || !string.IsNullOrWhiteSpace(line.CustomerCity)
        || !string.IsNullOrWhiteSpace(line.CustomerState) || !string.IsNullOrWhiteSpace(line.CustomerPostalCode);

    private static string? LatestText(IEnumerable<Transaction> lines, Func<Transaction, string?> text) =>
        lines.Where(t => !string.IsNullOrWhiteSpace(text(t)))
            .OrderBy(EventTime).ThenBy(t => t.SourceFile, StringComparer.Ordinal).ThenBy(t => t.SourceLine)
            .Select(text).LastOrDefault();

    private static SubscriptionState Evaluate(IReadOnlyList<Transaction> lines, DateTime day)
    {
        var at = EvaluationDate(lines, day);
        return SeatsAt(lines, at);
    }

    private static DateTime? EvaluationDate(IReadOnlyList<Transaction> lines, DateTime day)
    {
        if (lines.Any(t => Covers(t, day)))
        {
            return day;
        }

        var started = lines.Where(t => (t.ServiceStart ?? t.ServiceEnd) <= day).ToList();
        if (started.Count > 0)
        {
            return started.Max(t => t.ServiceEnd ?? t.ServiceStart);
        }

        return lines.Min(t => t.ServiceStart ?? t.ServiceEnd);
    }

    private static bool Covers(Transaction line, DateTime? day) =>
        day is null
        || ((line.ServiceStart is null || line.ServiceStart <= day) && (line.ServiceEnd is null || line.ServiceEnd >= day));

    private static SubscriptionState SeatsAt(IReadOnlyList<Transaction> lines, DateTime? day)
    {
        // Intermedia's "services added/removed" items carry a change, not a count: they move the seats of the
        // lines in force by their quantity for the part of the period they cover.
        var changes = lines.Where(t => t.QuantityChange != QuantityChange.None && Covers(t, day)).ToList();
        var covering = lines.Where(t => t.QuantityChange == QuantityChange.None && Covers(t, day)).ToList();
        var sharedReference = covering
            .Where(t => t.ReferenceId is not null)
            .GroupBy(t => t.ReferenceId, StringComparer.OrdinalIgnoreCase)
            .Any(g => g.Count() > 1);
        var isTwoLeg = sharedReference || covering.Any(t => t.IsReversal);
        var fullPeriod = covering.Where(t => !t.IsProrated).ToList();
        var applied = isTwoLeg || fullPeriod.Count == 0 ? covering : fullPeriod;

        var seats = 0m;
        Transaction? priceLine = null;
        var events = applied
            .GroupBy(EventKey)
            .Select(g => g.OrderBy(t => t.SourceFile, StringComparer.Ordinal).ThenBy(t => t.SourceLine).ToList())
            .OrderBy(g => g.Min(EventTime))
            .ThenBy(g => g[0].SourceFile, StringComparer.Ordinal)
            .ThenBy(g => g[0].SourceLine);
        foreach (var change in events)
        {
            var charge = change.LastOrDefault(t => !t.IsReversal);
            seats = charge is not null
                ? charge.Quantity
                : Math.Max(0m, seats - change.Sum(t => t.Quantity));
            foreach (var line in change.Where(t => !t.IsReversal && !t.IsProrated && t.IsFullPeriod))
            {
                priceLine = line;
            }
        }

        // Only a full-period line sets a price: a prorated leg's price is a fraction of one (BILLING-RULES §5).
        priceLine ??= lines.Where(t => Covers(t, day) && !t.IsReversal && t.IsFullPeriod)
            .OrderBy(EventTime).ThenBy(t => t.SourceLine).LastOrDefault();
        seats = Math.Max(0m, seats + changes.Sum(t => t.QuantityChange == QuantityChange.Added ? Math.Abs(t.Quantity) : -Math.Abs(t.Quantity)));
        return new SubscriptionState(seats, applied.Concat(changes).ToList(), priceLine);
    }

    private static DateTime? ChangeDate(IReadOnlyList<Transaction> allLines, DateTime day)
    {
        var bySubscription = allLines.GroupBy(t => t.SubscriptionId, StringComparer.OrdinalIgnoreCase).Select(g => g.ToList()).ToList();
        decimal SeatsOn(DateTime date) => bySubscription.Sum(s => s.Any(t => Covers(t, date)) ? SeatsAt(s, date).Seats : 0m);

        var points = allLines
            .Select(t => t.ServiceStart)
            .Where(d => d.HasValue && d.Value <= day)
            .Select(d => d!.Value)
            .Distinct()
            .OrderBy(d => d)
            .ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var current = SeatsOn(points[points.Count - 1]);
        var changeIndex = points.Count - 1;
        while (changeIndex > 0 && SeatsOn(points[changeIndex - 1]) == current)
        {
            changeIndex--;
        }

        var changeDate = points[changeIndex];
        for (var j = changeIndex - 1; j >= 0 && OnlyProratedLinesStartOn(allLines, points[j]); j--)
        {
            changeDate = points[j];
        }

        return changeDate;
    }

    private static bool OnlyProratedLinesStartOn(IReadOnlyList<Transaction> lines, DateTime date)
    {
        var starting = lines.Where(t => t.ServiceStart == date).ToList();
        return starting.Count > 0 && starting.All(t => t.IsProrated && !t.IsReversal);
    }

    private static object EventKey(Transaction line) =>
        line.ReferenceId is not null ? "ref:" + line.ReferenceId.ToUpperInvariant()
        : line.OrderDate is not null ? "at:" + line.OrderDate.Value.Ticks
        : "line:" + line.SourceFile + ":" + line.SourceLine;

    private static DateTime EventTime(Transaction line) => line.OrderDate ?? line.ServiceStart ?? DateTime.MinValue;

    private sealed class SubscriptionState
    {
        public SubscriptionState(decimal seats, IReadOnlyList<Transaction> applied, Transaction? priceLine)
        {
            Seats = seats;
            Applied = applied;
            PriceLine = priceLine;
        }

        public decimal Seats { get; }

        public IReadOnlyList<Transaction> Applied { get; }

        public Transaction? PriceLine { get; }
    }
}
