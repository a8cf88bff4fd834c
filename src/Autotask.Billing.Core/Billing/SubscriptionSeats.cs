namespace Autotask.Billing;

/// <summary>
/// The seats of one subscription's lines on a date: rules 1–3 of <see cref="TransactionSummarizer"/> (BILLING-RULES §3),
/// owned here and used only by it. <see cref="Load"/> works out once what does not depend on the date (the vendor
/// event of each line, which lines share a ReferenceId, the vendor order), so that <see cref="Read"/> on each of the
/// dates the summarizer asks about is one pass over the lines plus a sort of the few events in force. An instance
/// is reused from one subscription to the next by one thread; it is not thread-safe.
/// </summary>
internal sealed class SubscriptionSeats
{
    // Up to this many lines, finding a line's event or ReferenceId twin among the earlier lines by scanning them is
    // cheaper than hashing; a long history (a generic file without subscription ids) uses dictionaries.
    private const int ScanLimit = 16;

    private const byte NotCovering = 0;
    private const byte Covering = 1;
    private const byte CoveringChange = 2;

    private readonly IComparer<int> _byVendorOrder;
    private readonly IComparer<int> _byEventOrder;

    private int _count;

    // Per line, in input order.
    private Transaction[] _lines = Array.Empty<Transaction>();
    private DateTime[] _eventTime = Array.Empty<DateTime>();

    // IsFullPeriod derives the charge kind from the cycle text on every call: asked once, when the rules first need it.
    private sbyte[] _fullPeriod = Array.Empty<sbyte>();

    // The first line (input index) of the line's event: same ReferenceId, else same OrderDate, else the line alone.
    private int[] _event = Array.Empty<int>();

    // The first line (input index) whose ReferenceId equals the line's ignoring case; -1 without a ReferenceId.
    private int[] _reference = Array.Empty<int>();

    // Input indexes by SourceFile (ordinal), SourceLine, then input index: the order lines of one event apply in.
    private int[] _vendorOrder = Array.Empty<int>();

    // Scratch of one Read.
    private byte[] _covers = Array.Empty<byte>();
    private bool[] _applied = Array.Empty<bool>();
    private int[] _seen = Array.Empty<int>();
    private int[] _eventSlot = Array.Empty<int>();
    private int[] _members = Array.Empty<int>();
    private int[] _eventOrder = Array.Empty<int>();
    private EventSpan[] _events = Array.Empty<EventSpan>();
    private int _generation;

    public SubscriptionSeats()
    {
        _byVendorOrder = Comparer<int>.Create(CompareVendorOrder);
        _byEventOrder = Comparer<int>.Create(CompareEventOrder);
    }

    /// <summary>Takes <paramref name="count"/> lines of one subscription, in input order, from <paramref name="lines"/>.</summary>
    public void Load(Transaction[] lines, int start, int count)
    {
        EnsureCapacity(count);
        _count = count;
        for (var i = 0; i < count; i++)
        {
            var line = lines[start + i];
            _lines[i] = line;
            _eventTime[i] = TransactionSummarizer.EventTime(line);
            _fullPeriod[i] = -1;
            _vendorOrder[i] = i;
        }

        if (count <= ScanLimit)
        {
            ClassifyByScanning();
        }
        else
        {
            ClassifyByHashing();
        }

        if (!InVendorOrder())
        {
            Array.Sort(_vendorOrder, 0, count, _byVendorOrder);
        }
    }

    /// <summary>
    /// Rule 1: the as-of date itself when a line covers it; else the end of the latest period started by then; else
    /// the start of the earliest period.
    /// </summary>
    public DateTime? EvaluationDate(DateTime day)
    {
        if (AnyCovers(day))
        {
            return day;
        }

        // First of equal dates kept, as Enumerable.Max/Min keep them.
        DateTime? latestEnd = null;
        for (var i = 0; i < _count; i++)
        {
            var line = _lines[i];
            if ((line.ServiceStart ?? line.ServiceEnd) <= day && (line.ServiceEnd ?? line.ServiceStart) is DateTime end && (latestEnd is null || end > latestEnd.Value))
            {
                latestEnd = end;
            }
        }

        if (latestEnd is not null)
        {
            return latestEnd;
        }

        DateTime? earliestStart = null;
        for (var i = 0; i < _count; i++)
        {
            var line = _lines[i];
            if ((line.ServiceStart ?? line.ServiceEnd) is DateTime start && (earliestStart is null || start < earliestStart.Value))
            {
                earliestStart = start;
            }
        }

        return earliestStart;
    }

    public bool AnyCovers(DateTime? day)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Covers(_lines[i], day))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rules 2 and 3: the seats on <paramref name="day"/>. Adds the lines they were computed from to
    /// <paramref name="applied"/> when given (the lines applied, then the quantity changes, each in input order) and
    /// gives the full-period line the price comes from.
    /// </summary>
    public decimal Read(DateTime? day, List<Transaction>? applied, out Transaction? priceLine)
    {
        var generation = NextGeneration();

        // Which lines cover the day, and whether those hold a two-leg change (a reversal, or a shared ReferenceId).
        var twoLeg = false;
        var fullPeriodLines = 0;
        for (var i = 0; i < _count; i++)
        {
            var line = _lines[i];
            if (!Covers(line, day))
            {
                _covers[i] = NotCovering;
                continue;
            }

            if (line.QuantityChange != QuantityChange.None)
            {
                _covers[i] = CoveringChange;
                continue;
            }

            _covers[i] = Covering;
            twoLeg |= line.IsReversal;
            fullPeriodLines += line.IsProrated ? 0 : 1;
            var reference = _reference[i];
            if (reference >= 0)
            {
                twoLeg |= _seen[reference] == generation;
                _seen[reference] = generation;
            }
        }

        // A two-leg change applies every covering line; otherwise a full-period line hides the prorated ones.
        var everyCovering = twoLeg || fullPeriodLines == 0;
        for (var i = 0; i < _count; i++)
        {
            _applied[i] = _covers[i] == Covering && (everyCovering || !_lines[i].IsProrated);
        }

        var eventCount = GroupEvents(NextGeneration());
        var seats = 0m;
        priceLine = null;
        for (var e = 0; e < eventCount; e++)
        {
            var span = _events[_eventOrder[e]];
            Transaction? charge = null;
            for (var m = span.Start; m < span.Start + span.Size; m++)
            {
                var line = _lines[_members[m]];
                charge = line.IsReversal ? charge : line;
            }

            if (charge is not null)
            {
                seats = charge.Quantity;
            }
            else
            {
                // A cancellation: only reversals, whose quantity is taken away.
                var taken = 0m;
                for (var m = span.Start; m < span.Start + span.Size; m++)
                {
                    taken += _lines[_members[m]].Quantity;
                }

                seats = Math.Max(0m, seats - taken);
            }

            for (var m = span.Start; m < span.Start + span.Size; m++)
            {
                var index = _members[m];
                var line = _lines[index];
                if (!line.IsReversal && !line.IsProrated && IsFullPeriod(index))
                {
                    priceLine = line;
                }
            }
        }

        // Only a full-period line sets a price: a prorated leg's price is a fraction of one (BILLING-RULES §5).
        priceLine ??= LatestFullPeriodLine();

        // Intermedia's "services added/removed" items carry a change, not a count: they move the seats of the lines
        // in force by their quantity for the part of the period they cover.
        var change = 0m;
        for (var i = 0; i < _count; i++)
        {
            if (_covers[i] == CoveringChange)
            {
                var line = _lines[i];
                change += line.QuantityChange == QuantityChange.Added ? Math.Abs(line.Quantity) : -Math.Abs(line.Quantity);
            }
        }

        seats = Math.Max(0m, seats + change);
        if (applied is not null)
        {
            AddApplied(applied);
        }

        return seats;
    }

    private static bool Covers(Transaction line, DateTime? day) =>
        day is null
        || ((line.ServiceStart is null || line.ServiceStart <= day) && (line.ServiceEnd is null || line.ServiceEnd >= day));

    private static bool SameEvent(Transaction a, Transaction b)
    {
        if (a.ReferenceId is not null || b.ReferenceId is not null)
        {
            return a.ReferenceId is not null && b.ReferenceId is not null && UpperInvariantComparer.Instance.Equals(a.ReferenceId, b.ReferenceId);
        }

        if (a.OrderDate is not null || b.OrderDate is not null)
        {
            return a.OrderDate is not null && b.OrderDate is not null && a.OrderDate.Value.Ticks == b.OrderDate.Value.Ticks;
        }

        return a.SourceLine == b.SourceLine && string.Equals(a.SourceFile ?? string.Empty, b.SourceFile ?? string.Empty, StringComparison.Ordinal);
    }

    private void ClassifyByScanning()
    {
        for (var i = 0; i < _count; i++)
        {
            var line = _lines[i];
            _event[i] = i;
            _reference[i] = line.ReferenceId is null ? -1 : i;
            for (var j = 0; j < i; j++)
            {
                if (_event[j] == j && SameEvent(_lines[j], line))
                {
                    _event[i] = j;
                    break;
                }
            }

            for (var j = 0; line.ReferenceId is not null && j < i; j++)
            {
                if (_reference[j] == j && string.Equals(_lines[j].ReferenceId, line.ReferenceId, StringComparison.OrdinalIgnoreCase))
                {
                    _reference[i] = j;
                    break;
                }
            }
        }
    }

    private void ClassifyByHashing()
    {
        var byReference = new Dictionary<string, int>(UpperInvariantComparer.Instance);
        var byOrderDate = new Dictionary<long, int>();
        var byPlace = new Dictionary<(string File, int Line), int>();
        var references = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _count; i++)
        {
            var line = _lines[i];
            _event[i] = line.ReferenceId is not null ? FirstOf(byReference, line.ReferenceId, i)
                : line.OrderDate is not null ? FirstOf(byOrderDate, line.OrderDate.Value.Ticks, i)
                : FirstOf(byPlace, (line.SourceFile ?? string.Empty, line.SourceLine), i);
            _reference[i] = line.ReferenceId is null ? -1 : FirstOf(references, line.ReferenceId, i);
        }
    }

    private static int FirstOf<TKey>(Dictionary<TKey, int> firsts, TKey key, int index)
        where TKey : notnull
    {
        if (firsts.TryGetValue(key, out var first))
        {
            return first;
        }

        firsts.Add(key, index);
        return index;
    }

    private bool InVendorOrder()
    {
        for (var i = 1; i < _count; i++)
        {
            if (CompareVendorOrder(i - 1, i) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private int CompareVendorOrder(int a, int b)
    {
        var byPlace = ComparePlace(a, b);
        return byPlace != 0 ? byPlace : a.CompareTo(b);
    }

    private int ComparePlace(int a, int b)
    {
        var byFile = string.CompareOrdinal(_lines[a].SourceFile, _lines[b].SourceFile);
        return byFile != 0 ? byFile : _lines[a].SourceLine.CompareTo(_lines[b].SourceLine);
    }

    /// <summary>
    /// Groups the applied lines into events, each event's lines in vendor order, and orders the events: by their
    /// earliest event time, then their first line's file and line, then which event's line comes first in the input.
    /// </summary>
    private int GroupEvents(int generation)
    {
        var eventCount = 0;
        for (var k = 0; k < _count; k++)
        {
            var index = _vendorOrder[k];
            if (!_applied[index])
            {
                continue;
            }

            var key = _event[index];
            if (_seen[key] != generation)
            {
                _seen[key] = generation;
                _eventSlot[key] = eventCount;
                _events[eventCount] = new EventSpan { First = index, Time = _eventTime[index], FirstInInput = index };
                eventCount++;
            }

            ref var span = ref _events[_eventSlot[key]];
            span.Time = _eventTime[index] < span.Time ? _eventTime[index] : span.Time;
            span.FirstInInput = Math.Min(span.FirstInInput, index);
            span.Size++;
        }

        // Each event's lines side by side in _members, in vendor order.
        var offset = 0;
        for (var e = 0; e < eventCount; e++)
        {
            _events[e].Start = offset;
            offset += _events[e].Size;
            _events[e].Size = 0;
            _eventOrder[e] = e;
        }

        for (var k = 0; k < _count; k++)
        {
            var index = _vendorOrder[k];
            if (_applied[index])
            {
                ref var span = ref _events[_eventSlot[_event[index]]];
                _members[span.Start + span.Size] = index;
                span.Size++;
            }
        }

        if (eventCount > 1)
        {
            Array.Sort(_eventOrder, 0, eventCount, _byEventOrder);
        }

        return eventCount;
    }

    private int CompareEventOrder(int x, int y)
    {
        var a = _events[x];
        var b = _events[y];
        var byTime = a.Time.CompareTo(b.Time);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPlace = ComparePlace(a.First, b.First);
        return byPlace != 0 ? byPlace : a.FirstInInput.CompareTo(b.FirstInInput);
    }

    /// <summary>The latest full-period line covering the day (by event time, then line number; the last of equals).</summary>
    private Transaction? LatestFullPeriodLine()
    {
        Transaction? latest = null;
        for (var i = 0; i < _count; i++)
        {
            var line = _lines[i];
            if (_covers[i] != NotCovering && !line.IsReversal && IsFullPeriod(i)
                && (latest is null || TransactionSummarizer.CompareByTimeAndLine(line, latest) >= 0))
            {
                latest = line;
            }
        }

        return latest;
    }

    private void AddApplied(List<Transaction> applied)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_applied[i])
            {
                applied.Add(_lines[i]);
            }
        }

        for (var i = 0; i < _count; i++)
        {
            if (_covers[i] == CoveringChange)
            {
                applied.Add(_lines[i]);
            }
        }
    }

    private bool IsFullPeriod(int index)
    {
        if (_fullPeriod[index] < 0)
        {
            _fullPeriod[index] = _lines[index].IsFullPeriod ? (sbyte)1 : (sbyte)0;
        }

        return _fullPeriod[index] == 1;
    }

    private int NextGeneration()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_seen, 0, _seen.Length);
            _generation = 1;
        }

        return _generation;
    }

    private void EnsureCapacity(int count)
    {
        if (_lines.Length >= count)
        {
            return;
        }

        var size = Math.Max(count, _lines.Length * 2);
        _lines = new Transaction[size];
        _eventTime = new DateTime[size];
        _fullPeriod = new sbyte[size];
        _event = new int[size];
        _reference = new int[size];
        _vendorOrder = new int[size];
        _covers = new byte[size];
        _applied = new bool[size];
        _seen = new int[size];
        _eventSlot = new int[size];
        _members = new int[size];
        _eventOrder = new int[size];
        _events = new EventSpan[size];
        _generation = 0;
    }

    /// <summary>One event of a read: its lines are _members[Start..Start+Size).</summary>
    private struct EventSpan
    {
        public int First;
        public DateTime Time;
        public int FirstInInput;
        public int Start;
        public int Size;
    }
}
