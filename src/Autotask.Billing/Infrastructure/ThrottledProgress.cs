using System.Diagnostics;
using System.Management.Automation;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// One progress bar for one cmdlet: a few updates a second at most, and always completed (dispose it in a finally
/// or a using block), so a bar never lingers after the command ends.
/// </summary>
internal sealed class ThrottledProgress : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Action<ProgressRecord> _write;
    private readonly ProgressRecord _record;
    private readonly Stopwatch _sinceLastWrite = new();
    private bool _written;

    public ThrottledProgress(Action<ProgressRecord> write, int activityId, string activity)
    {
        _write = write;
        _record = new ProgressRecord(activityId, activity, "Starting");
    }

    /// <summary>Whether a report now would be written: callers reporting per line build their status text only then.</summary>
    public bool IsDue => !_written || _sinceLastWrite.Elapsed >= Interval;

    public void Report(string status, int? percentComplete = null, bool force = false)
    {
        if (!force && !IsDue)
        {
            return;
        }

        _record.StatusDescription = status;
        _record.PercentComplete = percentComplete is null ? -1 : Math.Max(0, Math.Min(100, percentComplete.Value));
        _record.RecordType = ProgressRecordType.Processing;
        _write(_record);
        _written = true;
        _sinceLastWrite.Restart();
    }

    public void Dispose()
    {
        if (!_written)
        {
            return;
        }

        _record.RecordType = ProgressRecordType.Completed;
        _record.PercentComplete = 100;
        _write(_record);
        _written = false;
    }
}
