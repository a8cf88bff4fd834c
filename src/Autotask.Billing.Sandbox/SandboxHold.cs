namespace Autotask.Billing.Sandbox;

// Holds matching requests in flight until the test releases them (or the client gives up), so a test can act while a
// request is known to be in flight without guessing a latency. Arrived completes when the first one is held; disposing
// the hold releases what it holds and lets later requests through.
public sealed class SandboxHold : IDisposable
{
    private readonly TaskCompletionSource<bool> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<SandboxHold> _remove;
    private readonly string? _entity;
    private readonly string? _method;

    internal SandboxHold(string? entity, string? method, Action<SandboxHold> remove)
    {
        _entity = entity;
        _method = method;
        _remove = remove;
    }

    // Completes when the first matching request is being held.
    public Task Arrived => _arrived.Task;

    public void Release() => _released.TrySetResult(true);

    public void Dispose()
    {
        _remove(this);
        Release();
    }

    internal bool Applies(string endpoint, string method) =>
        (_entity == null || string.Equals(_entity, endpoint, StringComparison.OrdinalIgnoreCase))
        && (_method == null || string.Equals(_method, method, StringComparison.OrdinalIgnoreCase));

    internal async Task WaitAsync(CancellationToken cancellationToken)
    {
        _arrived.TrySetResult(true);
        var abandoned = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => abandoned.TrySetCanceled()))
        {
            await (await Task.WhenAny(_released.Task, abandoned.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }
}
