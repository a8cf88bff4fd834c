namespace Autotask.Billing.Autotask;

/// <summary>
/// One read that several callers wait for (a cached entity's fields): it runs under its own token, not the first
/// caller's, so one caller that stops waiting (cancelled, or its load failed) does not cancel it for the others. Each
/// caller stops waiting on its own token; when the last one still waiting stops before the read ends, the read is
/// cancelled (nobody needs it) and the read is abandoned: a later caller starts a new one. Thread-safe.
/// </summary>
internal sealed class SharedRead<T>
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Func<CancellationToken, Task<T>> _read;
    private Task<T>? _task;
    private int _waiting;
    private bool _abandoned;

    public SharedRead(Func<CancellationToken, Task<T>> read)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
    }

    /// <summary>The read, once started; it ends on its own token only.</summary>
    public Task<T>? Read
    {
        get
        {
            lock (_gate)
            {
                return _task;
            }
        }
    }

    /// <summary>Whether every caller stopped waiting before the read ended: it is cancelled, and no one joins it any more.</summary>
    public bool Abandoned
    {
        get
        {
            lock (_gate)
            {
                return _abandoned;
            }
        }
    }

    /// <summary>
    /// Waits for the read (starting it for the first caller) until it ends or <paramref name="cancellationToken"/> is
    /// cancelled; null when the read was abandoned (every caller stopped waiting before it ended): start a new one.
    /// </summary>
    public Task<T>? Join(CancellationToken cancellationToken)
    {
        Task<T> read;
        lock (_gate)
        {
            if (_abandoned)
            {
                return null;
            }

            if (_task is null)
            {
                try
                {
                    _task = _read(_cancellation.Token);
                }
                catch (Exception exception)
                {
                    _task = Task.FromException<T>(exception);
                }
            }

            read = _task;
            _waiting++;
        }

        return WaitAsync(read, cancellationToken);
    }

    private async Task<T> WaitAsync(Task<T> read, CancellationToken cancellationToken)
    {
        try
        {
            if (!read.IsCompleted && cancellationToken.CanBeCanceled)
            {
                var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), stopped))
                {
                    if (await Task.WhenAny(read, stopped.Task).ConfigureAwait(false) != read)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }
                }
            }

            return await read.ConfigureAwait(false);
        }
        finally
        {
            Leave(read);
        }
    }

    private void Leave(Task<T> read)
    {
        bool cancel;
        lock (_gate)
        {
            _waiting--;
            cancel = _waiting == 0 && !read.IsCompleted;
            _abandoned |= cancel;
        }

        // Outside the lock: cancelling runs the read's own cancellation callbacks.
        if (cancel)
        {
            _cancellation.Cancel();
        }
    }
}
