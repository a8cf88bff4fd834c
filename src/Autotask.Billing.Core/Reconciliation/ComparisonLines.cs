using Autotask.Billing.Buffering;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The vendor side of a compare, taken in as its lines arrive (Compare-AtContract's pipeline) so that nothing has to
/// be read twice (issue 15). Each line is held in a <see cref="TransactionBuffer"/>, filtered by the mapping
/// (<see cref="MappingLineFilter"/>), and sorted at once into seats (recurring lines, by Source × Customer × SKU,
/// <see cref="SeatGroups"/>), usage and charges.
/// <para>A seat group is summed as soon as the lines move on to another group, from the lines in hand, on the as-of
/// date known so far (<see cref="CompareOptions.AsOf"/> or the window; else the date the lines read so far give). A
/// group that gets another line later (a file that does not list a customer's SKU together, or a second file), or
/// whose date turns out otherwise (a later line moves the default as-of date into the next month), is summed again
/// at the end from all its lines: seats are always those of every line on the run's date, as
/// <see cref="TransactionSummarizer"/> sums them.</para>
/// <para>Dispose it once the run's differences are out, to let the buffer's temporary file go.</para>
/// </summary>
public sealed class ComparisonLines : IDisposable
{
    private readonly IReadOnlyList<Transaction> _lines;
    private readonly TransactionBuffer? _buffer;
    private readonly bool _holdsOwnLines;
    private readonly MappingDocument _mapping;
    private readonly DateTime? _knownAsOf;
    private readonly MappingLineFilter _filter;
    private readonly List<TransactionSummary> _keptSummaries = new();
    private readonly List<int> _charges = new();
    private readonly List<int> _usage = new();
    private readonly List<int> _usageAsService = new();
    private readonly List<Transaction> _open = new();
    private readonly List<SubscriptionSeats> _pool = new();

    // The seat summed last: the next shares its customer when it spells it the same way (SeatCustomer.Of).
    private TransactionSummary? _lastSummed;

    // Recurring lines by group, the seats summed early per group, and how many of the group's lines each covers (fewer:
    // sum again at the end). Let go once the seats are summed (Input).
    private SeatGroups _groups = new();
    private List<TransactionSummary?> _seats = new();
    private List<int> _seatsCover = new();
    private int _openGroup = -1;

    // The seats in display order once summed on _summedOn (Input).
    private IReadOnlyList<TransactionSummary>? _summed;
    private DateTime _summedOn;
    private DateTime? _latestStart;
    private DateTime? _latestSummaryAsOf;
    private bool _disposed;

    /// <summary>Lines to be added one by one, compared against <paramref name="mapping"/> under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">Neither the options nor the store's settings name a currency.</exception>
    public ComparisonLines(MappingDocument mapping, CompareOptions? options = null)
        : this(mapping, options, new TransactionBuffer())
    {
    }

    /// <summary>Lines to be added one by one into <paramref name="ownLines"/>, an empty buffer it then owns (tests give one that spills early).</summary>
    internal ComparisonLines(MappingDocument mapping, CompareOptions? options, TransactionBuffer ownLines)
        : this(ownLines, mapping, options)
    {
        _holdsOwnLines = true;
    }

    private ComparisonLines(IReadOnlyList<Transaction> lines, MappingDocument mapping, CompareOptions? options)
    {
        _mapping = mapping ?? throw new ArgumentNullException(nameof(mapping));
        Options = (options ?? new CompareOptions()).SettledBy(mapping);
        _filter = new MappingLineFilter(mapping);
        _lines = lines;
        _buffer = lines as TransactionBuffer;
        _knownAsOf = Options.KnownAsOf;
    }

    /// <summary>Billing lines taken in (summarised ones not counted).</summary>
    public int LineCount { get; private set; }

    /// <summary>Summarised lines (from Get-AtTransaction -Summarize) taken in.</summary>
    public int SummaryCount { get; private set; }

    /// <summary>The options the lines are compared under: the run's, with what it leaves open taken from the store's settings.</summary>
    internal CompareOptions Options { get; }

    internal MappingDocument Mapping => _mapping;

    /// <summary>
    /// Some line taken in so far belongs to an unmapped customer: the compare will read every company (for its
    /// suggestions), which a prefetch can start now (<see cref="ContractPrefetch.ReadEveryCompany"/>).
    /// </summary>
    public bool NeedsAllCompanies => _filter.KeptUnmappedCustomer;

    /// <summary>Seat groups whose seats, summed as the lines went by, were used as they were by the last <see cref="Input"/>.</summary>
    internal int SummedEarly { get; private set; }

    /// <summary>
    /// The date whose seats are compared: <see cref="CompareOptions.KnownAsOf"/>, else the summaries' as-of date, else the last day of
    /// the calendar month of the latest service start among the lines (today's month without one).
    /// </summary>
    internal DateTime AsOf
    {
        get
        {
            if (_knownAsOf is DateTime known)
            {
                return known;
            }

            if (_latestSummaryAsOf is DateTime summarised)
            {
                return BillingWindow.AsDate(summarised);
            }

            var latest = _latestStart ?? DateTime.UtcNow;
            return new DateTime(latest.Year, latest.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(-1);
        }
    }

    /// <summary>
    /// The lines of <paramref name="lines"/>, sorted where they are (not copied). From a <see cref="TransactionBuffer"/>,
    /// they are read one group at a time when summed, and the seats name them by position: leave it unchanged while
    /// the run's results live.
    /// </summary>
    internal static ComparisonLines Over(IReadOnlyList<Transaction> lines, IEnumerable<TransactionSummary> summaries, MappingDocument mapping, CompareOptions? options)
    {
        var taken = new ComparisonLines(lines, mapping, options);
        for (var i = 0; i < lines.Count; i++)
        {
            taken.Take(lines[i], i, inHand: false);
        }

        foreach (var summary in summaries)
        {
            taken.Add(summary);
        }

        return taken;
    }

    /// <summary>Takes in the next billing line: held, filtered by the mapping and sorted into its use at once.</summary>
    public void Add(Transaction line)
    {
        if (line is null)
        {
            throw new ArgumentNullException(nameof(line));
        }

        if (!_holdsOwnLines)
        {
            throw new InvalidOperationException("These lines are another list's: add to that list instead.");
        }

        EnsureOpen();
        _buffer!.Add(line);
        Take(line, LineCount, inHand: true);
    }

    /// <summary>Lets go of the lines held (and their temporary file); lines of another list are left alone.</summary>
    public void Dispose()
    {
        _disposed = true;
        if (_holdsOwnLines)
        {
            _buffer!.Dispose();
        }
    }

    /// <summary>Seats already summarised (Get-AtTransaction -Summarize), used as they are.</summary>
    public void Add(TransactionSummary summary)
    {
        if (summary is null)
        {
            throw new ArgumentNullException(nameof(summary));
        }

        EnsureOpen();
        SummaryCount++;
        _latestSummaryAsOf = _latestSummaryAsOf is DateTime latest && latest >= summary.AsOf ? latest : summary.AsOf;
        if (_filter.Keep(summary.Source, summary.CustomerId, summary.Sku, summary.ServiceEnd ?? summary.ServiceStart))
        {
            _keptSummaries.Add(summary);
        }
    }

    /// <summary>
    /// The vendor side on <paramref name="asOf"/> (<see cref="AsOf"/>): every seat group summed, usage merged. The
    /// grouping is let go once the seats are summed (a month's file has hundreds of thousands of groups, and the
    /// compare that follows needs the memory), so later calls must ask for the same date.
    /// </summary>
    internal ComparisonInput Input(DateTime asOf)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(ComparisonLines));
        }

        var day = BillingWindow.AsDate(asOf);
        if (_summed is null)
        {
            _summed = SumAll(day);
            _summedOn = day;
            _groups = new SeatGroups();
            _seats = new List<TransactionSummary?>();
            _seatsCover = new List<int>();
            _pool.Clear();
        }
        else if (_summedOn != day)
        {
            throw new InvalidOperationException($"These lines were summed on {_summedOn:yyyy-MM-dd} already, not on {day:yyyy-MM-dd}.");
        }

        var input = new ComparisonInput(asOf)
        {
            SkippedNotExported = _filter.SkippedNotExported,
            SkippedNotExportedLines = _filter.SkippedNotExportedLines,
            LinesBeforeSyncStart = _filter.LinesBeforeSyncStart,
            ExcludedSkuLines = _filter.ExcludedSkuLines,
        };
        input.Charges.AddRange(Read(_charges));
        input.Charges.AddRange(UsageMonth.Merge(Read(_usage), _mapping.Settings));
        input.Seats.AddRange(_keptSummaries);
        input.Seats.AddRange(_summed);
        input.Seats.AddRange(ComparisonInput.UsageSeats(Read(_usageAsService), asOf));
        return input;
    }

    private IReadOnlyList<TransactionSummary> SumAll(DateTime day)
    {
        Close();
        var seats = new TransactionSummary[_groups.Count];
        var group = new List<Transaction>();
        SummedEarly = 0;
        for (var g = 0; g < seats.Length; g++)
        {
            if (_seats[g] is { } early && _seatsCover[g] == _groups.CountOf(g) && early.AsOf == day)
            {
                seats[g] = early;
                SummedEarly++;
            }
            else
            {
                seats[g] = Sum(TransactionSummarizer.ReadGroup(_lines, _groups[g], group), g, day);
            }
        }

        return TransactionSummarizer.InDisplayOrder(seats);
    }

    private void EnsureOpen()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(ComparisonLines));
        }

        if (_summed is not null)
        {
            throw new InvalidOperationException("These lines were compared already: take the next lines into a new ComparisonLines.");
        }
    }

    private void Take(Transaction line, int position, bool inHand)
    {
        LineCount++;
        if ((line.ServiceStart ?? line.ServiceEnd) is DateTime date && (_latestStart is null || date > _latestStart.Value))
        {
            _latestStart = date;
        }

        if (!_filter.Keep(line.Source, line.CustomerId, line.Sku, line.ServiceEnd ?? line.ServiceStart))
        {
            return;
        }

        switch (line.ChargeType)
        {
            case ChargeType.Recurring:
                var group = _groups.Add(line, position);
                if (group == _seats.Count)
                {
                    _seats.Add(null);
                    _seatsCover.Add(0);
                }

                if (inHand)
                {
                    Hold(group, line);
                }

                break;
            case ChargeType.Usage when Options.UsageAsService == true && _mapping.FindService(line.Source, line.Sku)?.ServiceId is not null:
                _usageAsService.Add(position);
                break;
            case ChargeType.Usage:
                _usage.Add(position);
                break;
            default:
                _charges.Add(position);
                break;
        }
    }

    /// <summary>Keeps the open group's lines in hand; when the lines move on to another group, sums the one left.</summary>
    private void Hold(int group, Transaction line)
    {
        if (group != _openGroup)
        {
            Close();
            _openGroup = group;
            _seats[group] = null;
        }

        _open.Add(line);
    }

    private void Close()
    {
        // Lines in hand that are not all the group's (it was left and came back) leave it to be summed at the end.
        if (_openGroup >= 0 && _open.Count == _groups.CountOf(_openGroup))
        {
            _seats[_openGroup] = Sum(_open, _openGroup, BillingWindow.AsDate(AsOf));
            _seatsCover[_openGroup] = _open.Count;
        }

        _open.Clear();
        _openGroup = -1;
    }

    private TransactionSummary Sum(List<Transaction> group, int number, DateTime day) =>
        _lastSummed = TransactionSummarizer.SummarizeGroup(group, day, _pool, _buffer is null ? null : new BufferedGroup(_buffer, _groups[number]), _lastSummed);

    private IEnumerable<Transaction> Read(List<int> positions) => positions.Select(position => _lines[position]);
}
