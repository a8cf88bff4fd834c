namespace Autotask.Billing.Tests.Autotask;

/// <summary>Reports on the calling thread, so a test sees every entry when the awaited call returns.</summary>
internal sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly object _gate = new();
    private readonly Action<T> _report;

    public SynchronousProgress(Action<T> report)
    {
        _report = report;
    }

    public void Report(T value)
    {
        lock (_gate)
        {
            _report(value);
        }
    }
}
