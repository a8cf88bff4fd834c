namespace Autotask.Billing.Sandbox;

// A late commit the test releases (SandboxFaults.CommitWhenReleased): the backend commits the create when Release is
// called, not after a delay, so a test can put the commit at a known point (after the client gave up, after a run
// ended) instead of racing a clock. Disposing releases it.
public sealed class SandboxLateCommit : IDisposable
{
    private readonly TaskCompletionSource<bool> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _requestFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _landed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SandboxLateCommit()
    {
    }

    // Completes when the create has arrived and been drawn for the late commit (before its 504, or while it is held).
    public Task Arrived => _arrived.Task;

    // Completes once the create is committed and its request (504, or no answer) is in the request log.
    public Task Landed => _landed.Task;

    public void Release() => _released.TrySetResult(true);

    public void Dispose() => Release();

    internal Task Released => _released.Task;

    // The create's own request is done with (in the log); the commit waits for it, so Landed implies both.
    internal Task RequestFinished => _requestFinished.Task;

    internal void MarkRequestFinished() => _requestFinished.TrySetResult(true);

    internal void MarkArrived() => _arrived.TrySetResult(true);

    internal void MarkLanded() => _landed.TrySetResult(true);
}
