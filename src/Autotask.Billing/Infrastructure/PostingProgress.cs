namespace Autotask.Billing.Infrastructure;

/// <summary>Progress that hands each report to a poster (the cmdlet's pipeline-thread queue) instead of running it in place.</summary>
internal sealed class PostingProgress<T> : IProgress<T>
{
    private readonly Action<Action> _post;
    private readonly Action<T> _handler;

    public PostingProgress(Action<Action> post, Action<T> handler)
    {
        _post = post;
        _handler = handler;
    }

    public void Report(T value) => _post(() => _handler(value));
}
