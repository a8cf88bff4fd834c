using System.Collections.Concurrent;
using System.Management.Automation;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Base of every cmdlet: owns cancellation (Ctrl+C cancels the token every core call receives) and runs core work
/// on worker threads while the pipeline thread drains what they post — PowerShell only accepts Write* calls from
/// the pipeline thread.
/// </summary>
public abstract class AtBillingCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    // The runspace the command was created in: PowerShell may run a downstream command's EndProcessing on a thread
    // that has no default runspace, and the session state must still be this runspace's.
    private readonly System.Management.Automation.Runspaces.Runspace? _runspace = System.Management.Automation.Runspaces.Runspace.DefaultRunspace;
    private readonly BlockingCollection<Action> _pipelineWork = new();

    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>This runspace's connection, sandboxes and request log.</summary>
    private protected RunspaceState Session => RunspaceState.For(System.Management.Automation.Runspaces.Runspace.DefaultRunspace ?? _runspace);

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>Queues an action (a WriteObject, a WriteVerbose, a progress record) for the pipeline thread.</summary>
    protected void Post(Action action) => _pipelineWork.Add(action);

    /// <summary>An <see cref="IProgress{T}"/> whose reports are handled on the pipeline thread.</summary>
    protected IProgress<T> PipelineProgress<T>(Action<T> handler) => new PostingProgress<T>(Post, handler);

    /// <summary>
    /// Starts core work and pumps posted actions until it finishes; rethrows its exception unwrapped. Autotask
    /// request lines (method, path, status, duration — never headers or bodies) go to the debug stream meanwhile.
    /// </summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        using var requestLog = Session.RequestLog.Attach(entry => Post(() => WriteDebug(entry.ToString())));
        var task = Task.Run(() => work(CancellationToken));
        try
        {
            while (!task.IsCompleted)
            {
                if (_pipelineWork.TryTake(out var action, 50))
                {
                    action();
                }
            }
        }
        catch
        {
            // The pipeline stopped (Ctrl+C, Select-Object -First) or a posted action failed: the work stops, and is
            // waited for, before the command lets go of what the work still reads (its buffered lines).
            _cancellation.Cancel();
            try
            {
                task.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // Its own failure (most likely the cancellation) is not the one to report.
            }

            throw;
        }

        DrainPosted();
        return task.GetAwaiter().GetResult();
    }

    protected void Run(Func<CancellationToken, Task> work) => Run(async token =>
    {
        await work(token).ConfigureAwait(false);
        return true;
    });

    /// <summary>The session's connection, or a terminating NotConnected error that says what to do.</summary>
    private protected ActiveConnection RequireConnection()
    {
        var connection = Session.Connection;
        if (connection is null)
        {
            var exception = new InvalidOperationException("Not connected to Autotask. Run Connect-AtBilling first (or Connect-AtBilling -Sandbox to try the module).");
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.NotConnected, ErrorCategory.ConnectionError, null, "Run Connect-AtBilling."));
        }

        return connection!;
    }

    /// <summary>Drops this runspace's connection; true when there was one.</summary>
    private protected bool Disconnect()
    {
        var previous = Session.ExchangeConnection(null);
        previous?.Dispose();
        return previous is not null;
    }

    /// <summary>A non-terminating error for one item that failed; the cmdlet carries on with the next.</summary>
    protected void WriteErrorFor(Exception exception, object? target) => WriteError(ErrorRecords.From(exception, target));

    /// <summary>Stops the cmdlet: nothing else can succeed.</summary>
    protected void ThrowTerminatingErrorFor(Exception exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, target));

    public void Dispose()
    {
        // What the command started in the background and never waited for (a read ahead the run did not get to use)
        // stops with it.
        try
        {
            _cancellation.Cancel();
        }
        finally
        {
            _cancellation.Dispose();
            _pipelineWork.Dispose();
            Release();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Lets go of what the command held until its pipeline ended, also when it stopped or failed (billing lines and their temporary files).</summary>
    protected virtual void Release()
    {
    }

    private void DrainPosted()
    {
        while (_pipelineWork.TryTake(out var action))
        {
            action();
        }
    }
}
