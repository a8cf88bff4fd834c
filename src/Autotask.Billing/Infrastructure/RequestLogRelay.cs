using Autotask.Billing.Autotask;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// The client's request log outlives any one cmdlet; this relay hands each entry to whichever cmdlet is running
/// (which queues it for its pipeline thread) and drops entries when none is.
/// </summary>
internal sealed class RequestLogRelay : IProgress<AutotaskRequestLogEntry>
{
    private volatile Action<AutotaskRequestLogEntry>? _target;

    public IDisposable Attach(Action<AutotaskRequestLogEntry> target)
    {
        _target = target;
        return new Detacher(this, target);
    }

    public void Report(AutotaskRequestLogEntry value) => _target?.Invoke(value);

    private sealed class Detacher : IDisposable
    {
        private readonly RequestLogRelay _relay;
        private readonly Action<AutotaskRequestLogEntry> _target;

        public Detacher(RequestLogRelay relay, Action<AutotaskRequestLogEntry> target)
        {
            _relay = relay;
            _target = target;
        }

        public void Dispose()
        {
            if (_relay._target == _target)
            {
                _relay._target = null;
            }
        }
    }
}
