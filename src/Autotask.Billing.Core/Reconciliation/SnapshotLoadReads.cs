namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The reads one snapshot load runs side by side. The first to fail stops the others (their token is cancelled), and
/// a load that fails waits in <see cref="StopAsync"/> for every read to end before its failure propagates: no request
/// goes out after the load has failed, no read's failure is left unobserved, and the failure reported is the first
/// read's own, not the cancellation it caused in the others. Thread-safe.
/// </summary>
internal sealed class SnapshotLoadReads : IDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _cancellation;
    private readonly List<Task> _reads = new();
    private Exception? _firstFailure;
    private bool _stopped;

    public SnapshotLoadReads(CancellationToken cancellationToken)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Cancelled when the caller cancels or a read fails.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Starts a read with <see cref="Token"/>; once the load has stopped, it is cancelled without being started.</summary>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> read)
    {
        // Under the lock, so that StopAsync waits for every read that ever started; a read only starts here (its
        // requests go out asynchronously), so the lock is held briefly. A streamed read calls this under its own lock,
        // so what starts here must not take a streamed read's lock: its completion is watched instead (Watch).
        lock (_gate)
        {
            if (_stopped)
            {
                return Task.FromCanceled<T>(new CancellationToken(canceled: true));
            }

            Task<T> task;
            try
            {
                task = read(_cancellation.Token);
            }
            catch (Exception exception)
            {
                task = Task.FromException<T>(exception);
            }

            return Watch(task);
        }
    }

    /// <inheritdoc cref="Start{T}"/>
    public Task Start(Func<CancellationToken, Task> read) =>
        Start<bool>(async token =>
        {
            await read(token).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// A read the load's own flow has in hand but did not start here (a prefetch's, or the completion of a streamed
    /// read whose requests went through <see cref="Start{T}"/>): it is waited for too, and its failure stops the others.
    /// Called only before the load stops.
    /// </summary>
    public Task<T> Watch<T>(Task<T> task)
    {
        Watch((Task)task);
        return task;
    }

    /// <summary>
    /// Stops every read and waits for them all to end, observing each outcome; then returns the failure to report:
    /// the first read's, or <paramref name="caught"/> when no read failed before the load stopped (e.g. the caller
    /// cancelled, or the load failed on its own).
    /// </summary>
    public async Task<Exception> StopAsync(Exception caught)
    {
        Task[] reads;
        lock (_gate)
        {
            _stopped = true;
            reads = _reads.ToArray();
        }

        _cancellation.Cancel();
        foreach (var read in reads)
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch
            {
                // Observed here; the failure that counts is the first one, returned below.
            }
        }

        return Volatile.Read(ref _firstFailure) ?? caught;
    }

    public void Dispose() => _cancellation.Dispose();

    private void Watch(Task task)
    {
        lock (_gate)
        {
            _reads.Add(task);
        }

        // Not run inline: cancelling runs the other reads' cancellation callbacks, which must not run under a lock
        // the failed read's completion holds.
        task.ContinueWith(
            static (done, state) => ((SnapshotLoadReads)state!).Ended(done),
            this,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    private void Ended(Task failed)
    {
        var failure = failed.Exception!.InnerException ?? failed.Exception;

        // A read that fails once the load is stopping fails because of it: the first failure is the cause.
        if (!_cancellation.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref _firstFailure, failure, null);
        }

        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The load has already ended.
        }
    }
}
