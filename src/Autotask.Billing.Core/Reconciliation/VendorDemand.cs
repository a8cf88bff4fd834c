namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The seats one contract × service must carry: the sum over every vendor customer, source, SKU and subscription
/// billed into it, with the lines it came from. Price and cost are those of the largest contribution.
/// </summary>
internal sealed class VendorDemand
{
    public const string Separator = "; ";

    private readonly DemandTotals? _totals;

    private IReadOnlyList<TransactionReference>? _provenance;

    public VendorDemand(IReadOnlyList<TransactionSummary> seats)
    {
        if (seats.Count == 0)
        {
            throw new ArgumentException("A demand needs at least one summary.", nameof(seats));
        }

        if (seats.Count == 1)
        {
            // Almost every contract service is one customer's one SKU: nothing to order or sum, and nothing kept
            // beside the seat (its figures are the demand's).
            Seats = seats;
            return;
        }

        Seats = seats
            .OrderBy(s => s.Source, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.CustomerId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Sku, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var priced = Seats.OrderByDescending(s => s.UnitPrice is not null).ThenByDescending(s => s.Quantity).First();
        _totals = new DemandTotals(
            Seats.Sum(s => s.Quantity),
            priced.UnitPrice,
            Seats.OrderByDescending(s => s.UnitCost is not null).ThenByDescending(s => s.Quantity).First().UnitCost,
            Seats.OrderByDescending(s => s.ListUnitPrice is not null).ThenByDescending(s => s.Quantity).First().ListUnitPrice,
            Seats.Max(s => s.PriceDate),
            Seats.Min(s => s.SubscriptionStart),
            Seats.Max(s => s.ChangeDate));
    }

    public IReadOnlyList<TransactionSummary> Seats { get; }

    public TransactionSummary First => Seats[0];

    public decimal Quantity => _totals is null ? First.Quantity : _totals.Quantity;

    public decimal? UnitPrice => _totals is null ? First.UnitPrice : _totals.UnitPrice;

    public decimal? UnitCost => _totals is null ? First.UnitCost : _totals.UnitCost;

    /// <summary>The vendor's list price per unit per month, where the source has one.</summary>
    public decimal? ListUnitPrice => _totals is null ? First.ListUnitPrice : _totals.ListUnitPrice;

    /// <summary>The start of the period the latest full-period price applies from (the vendor's renewal or change date).</summary>
    public DateTime? PriceDate => _totals is null ? First.PriceDate : _totals.PriceDate;

    public DateTime? SubscriptionStart => _totals is null ? First.SubscriptionStart : _totals.SubscriptionStart;

    /// <summary>The latest change of any contribution: the day the sum took its current value.</summary>
    public DateTime? ChangeDate => _totals is null ? First.ChangeDate : _totals.ChangeDate;

    public string Source => Join(s => s.Source);

    public string CustomerId => Join(s => s.CustomerId);

    /// <summary>The vendor customer ids summed, each whole.</summary>
    public IReadOnlyList<string> CustomerIds =>
        Seats.Count == 1 ? new[] { First.CustomerId } : Seats.Select(s => s.CustomerId).Distinct(RejectedLineVerdict.CustomerIds).ToList();

    public string CustomerName => Join(s => s.CustomerName);

    public string Sku => Join(s => s.Sku);

    public string ProductName => Join(s => s.ProductName);

    public string SubscriptionIds => Join(Seats.SelectMany(s => s.SubscriptionIds));

    public string SourceLines => Join(Provenance.Select(p => $"{p.SourceFile}:{p.SourceLine}"));

    public string TransactionIds => Join(Provenance.Select(p => p.TransactionId));

    // Made once: a seat of buffered lines reads each reference from the buffer when asked (BufferedLineValues).
    private IReadOnlyList<TransactionReference> Provenance => _provenance ??= Seats.SelectMany(s => s.Provenance).ToList();

    public static string Join(IEnumerable<string?> values) =>
        string.Join(Separator, values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase));

    // One seat's text is itself, trimmed: what Join gives for one value, without building a set for it.
    private string Join(Func<TransactionSummary, string?> text) =>
        Seats.Count == 1 ? (string.IsNullOrWhiteSpace(text(First)) ? string.Empty : text(First)!.Trim()) : Join(Seats.Select(text));
}
