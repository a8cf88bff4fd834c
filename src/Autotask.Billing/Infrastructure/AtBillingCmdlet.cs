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
    private readonly BlockingCollection<Action> _pipelineWork = new();

    protected CancellationToken CancellationToken => _cancellation.Token;

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>Queues an action (a WriteObject, a WriteVerbose, a progress record) for the pipeline thread.</summary>
    protected void Post(Action action) => _pipelineWork.Add(action);

    /// <summary>An <see cref="IProgress{T}"/> whose reports are handled on the pipeline thread.</summary>
    protected IProgress<T> PipelineProgress<T>(Action<T> handler) => new PostingProgress<T>(Post, handler);

    /// <summary>Starts core work and pumps posted actions until it finishes; rethrows its exception unwrapped.</summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(CancellationToken));
        while (!task.IsCompleted)
        {
            if (_pipelineWork.TryTake(out var action, 50))
            {
                action();
            }
        }

        DrainPosted();
        return task.GetAwaiter().GetResult();
    }

    protected void Run(Func<CancellationToken, Task> work) => Run(async token =>
    {
        await work(token).ConfigureAwait(false);
        return true;
    });

    public void Dispose()
    {
        _cancellation.Dispose();
        _pipelineWork.Dispose();
        GC.SuppressFinalize(this);
    }

    private void DrainPosted()
    {
        while (_pipelineWork.TryTake(out var action))
        {
            action();
        }
    }
}
