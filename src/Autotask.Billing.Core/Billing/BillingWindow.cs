using System.Globalization;

namespace Autotask.Billing;

/// <summary>
/// The service dates a run looks at (BILLING-RULES §2). A line is inside when its service period overlaps the
/// window; a line without any service date is inside every window.
/// </summary>
public sealed class BillingWindow
{
    private BillingWindow(DateTime? since, DateTime? until, string description)
    {
        Since = since;
        Until = until;
        Description = description;
    }

    /// <summary>First day inside the window (inclusive), or null for no lower bound.</summary>
    public DateTime? Since { get; }

    /// <summary>Last day inside the window (inclusive), or null for no upper bound.</summary>
    public DateTime? Until { get; }

    public string Description { get; }

    /// <summary>Every line, whatever its dates.</summary>
    public static BillingWindow Unbounded { get; } = new(null, null, "all dates");

    /// <summary>One calendar month, from "yyyy-MM".</summary>
    public static BillingWindow ForMonth(string month)
    {
        if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw new ArgumentException($"Month '{month}' is not in the form yyyy-MM.", nameof(month));
        }

        var start = DateTime.SpecifyKind(first, DateTimeKind.Utc);
        return new BillingWindow(start, start.AddMonths(1).AddDays(-1), month);
    }

    /// <summary>From <paramref name="since"/> to <paramref name="until"/>, both inclusive dates; either may be open.</summary>
    public static BillingWindow Between(DateTime? since, DateTime? until)
    {
        var from = since.HasValue ? AsDate(since.Value) : (DateTime?)null;
        var to = until.HasValue ? AsDate(until.Value) : (DateTime?)null;
        if (from > to)
        {
            throw new ArgumentException($"Since {from:yyyy-MM-dd} is after Until {to:yyyy-MM-dd}.", nameof(since));
        }

        return new BillingWindow(from, to, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
    }

    /// <summary>The default: service dates within the <paramref name="days"/> days before <paramref name="today"/>.</summary>
    public static BillingWindow DaysBefore(DateTime today, int days = 30)
    {
        var end = AsDate(today);
        return new BillingWindow(end.AddDays(-days), end, $"{days} days before {end:yyyy-MM-dd}");
    }

    public bool Contains(DateTime? start, DateTime? end)
    {
        var first = start ?? end;
        var last = end ?? start;
        if (first is null || last is null)
        {
            return true;
        }

        return (Until is null || first.Value <= Until.Value) && (Since is null || last.Value >= Since.Value);
    }

    public override string ToString() => Description;

    /// <summary>The calendar date as written, at midnight UTC; a local time zone never moves it.</summary>
    internal static DateTime AsDate(DateTime value) => new(value.Year, value.Month, value.Day, 0, 0, 0, DateTimeKind.Utc);
}
